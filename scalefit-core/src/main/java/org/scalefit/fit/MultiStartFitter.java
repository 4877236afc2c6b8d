package org.scalefit.fit;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.parallel.Parallelism;

/**
 * Chinchilla's Approach-3 search: L-BFGS from every point of a grid of starts, keeping the best start that
 * converged (Hoffmann et al. 2022 §D.2; Gemstones {@code grid_search}; Epoch AI Fit A), with an answer that is
 * verified to be a local minimum.
 *
 * <p>Every tolerance is relative to the objective (with its rounding level as the floor), never an absolute
 * constant: the studies' objectives are Huber sums of 10⁻⁵–10⁻², and an absolute test that is fine at one scale
 * stops starts percents short of their optimum at another. The search:
 * <ol>
 *   <li><b>Every start to its end.</b> Every start runs L-BFGS to {@link Options#settings()}, by default scipy's
 *       tolerance made relative ({@link LbfgsSettings#scaleFree()}: a step that lowers f by at most 2.2·10⁻⁹ of
 *       itself), in one run; a run whose line search fails after it has settled ({@link #SETTLED_REDUCTION}) has
 *       converged (no step lowers f measurably: an exact fit). Up to 2026-12-07 starts were first run to a 10⁻⁶
 *       reduction and only those ending within {@link #COMPETING_MARGIN} of the best were run on: on plateaus where
 *       a term underflows, the first stage ended starts after a few iterations at 26× the optimum, and on 3 of 41
 *       random tables (δ = 10⁻⁴; 2 of 41 at 10⁻³) the lowest optimum, up to 11 % below the answer given, lay past
 *       such a stop. Running every start on from its first-stage stop is not enough either (L-BFGS restarted there, without
 *       its memory, missed the 4 % lower optimum of one of them).</li>
 *   <li><b>Recognition</b> (off by default; {@link Options#withRecognition}, {@code --early-recognition}). Starts
 *       are visited in a spread-out order (start (p·stride) mod N at position p) in waves of growing size. With
 *       recognition on, the trajectories of earlier waves are recorded in a {@link BasinMap} and a start is stopped
 *       early when it is on a recorded path to an optimum worse than the best by more than {@link #COMPETING_MARGIN}
 *       (the rule is stated there). It is a shortcut that can change the answer — a path through a recorded cell can
 *       still turn elsewhere (on 1 of 41 random 2-input tables at δ = 10⁻³ it cut the start that led to an optimum 4 %
 *       lower) — so the default does not use it, on any grid; for a user who accepts that, it roughly halves the
 *       3-input width–depth grid's time. Waves and blocks are fixed by the grid alone and the map grows only between waves, in block
 *       order, so the result does not depend on the number of threads; each wave's new cells reach the tasks as a
 *       {@link BasinLayer}, so that a process running tasks grows its own map in place.</li>
 *   <li><b>Verification.</b> The best outcome of each of the {@link Options#leaders()} best basins is refined to a
 *       tested local minimum ({@link LocalRefinement}, {@link Stationarity}); the lowest is the answer, with its
 *       stationarity test, and the lowest of another basin within {@link #COMPETING_MARGIN} is reported beside it
 *       ({@link MultiStartResult#secondBest()}).</li>
 * </ol>
 * Tests compare the answer with the lowest end of every start run on its own to scipy's tolerance on random tables
 * that defeated the earlier first stage, and the recognising search with the default one on the synthetic corpora
 * (2-input tables, the width–depth tables) and every bundled dataset.
 */
public final class MultiStartFitter {

    /**
     * The revision of the search's rules (stopping, recognition, verification): part of every results-store key, so
     * that a store never serves a result that the current engine would not give.
     */
    public static final String REVISION = "every-start-to-its-end-6-separated-basins";

    /** Size of the first wave; each later wave is twice as large up to {@link #MAX_WAVE}. */
    private static final int FIRST_WAVE = 256;
    private static final int MAX_WAVE = 16384;

    /**
     * How the search is run.
     *
     * @param settings    stopping rules every start is run with ({@link LbfgsSettings#scaleFree()} by default)
     * @param completion  stopping rules every start that converged is then run on with from where it stopped, when
     *                    they differ from {@code settings} ({@link LbfgsSettings#scaleFree()})
     * @param polish      refine the leaders with {@link LocalRefinement} afterwards
     * @param recognition stop starts that enter an already-found worse basin (off, the default: run every start to
     *                    its end)
     * @param leaders     how many distinct basins' best outcomes to keep, polish and report (outcomes within 10⁻⁴
     *                    of each other's value count once, and at most three of them are kept)
     * @param blockSize   starts per task
     * @param polishEvaluations at most this many objective evaluations to refine each leader (its stationarity test
     *                    not counted)
     * @param localMethod the local method run from each start, in both stages ({@link LocalMethod#LBFGS} by
     *                    default; verification always uses {@link LocalRefinement})
     */
    public record Options(LbfgsSettings settings, LbfgsSettings completion, boolean polish, boolean recognition,
                          int leaders, int blockSize, long polishEvaluations, LocalMethod localMethod)
            implements Serializable {

        public Options {
            if (leaders < 1 || blockSize < 1 || polishEvaluations < 1) {
                throw new IllegalArgumentException("leaders, blockSize and polishEvaluations must be positive");
            }
            java.util.Objects.requireNonNull(localMethod, "localMethod");
        }

        /** Every start run to scipy's tolerance made relative (no recognition), polishing on, 10 leaders, blocks of
         *  64 starts, the {@link LocalMethod#defaultMethod() default local method}. */
        public static Options defaults() {
            return new Options(LbfgsSettings.scaleFree(), LbfgsSettings.scaleFree(), true, false, 10, 64, 1_000_000,
                    LocalMethod.defaultMethod());
        }

        public Options withPolish(boolean on) {
            return new Options(settings, completion, on, recognition, leaders, blockSize,
                    polishEvaluations, localMethod);
        }

        public Options withRecognition(boolean on) {
            return new Options(settings, completion, polish, on, leaders, blockSize,
                    polishEvaluations, localMethod);
        }

        /** The same options with other first-stage rules (the completion rules unchanged). */
        public Options withSettings(LbfgsSettings next) {
            return new Options(next, completion, polish, recognition, leaders, blockSize,
                    polishEvaluations, localMethod);
        }

        /** The same options with another local method run from each start. */
        public Options withLocalMethod(LocalMethod method) {
            return new Options(settings, completion, polish, recognition, leaders, blockSize,
                    polishEvaluations, method);
        }

        /**
         * Whether the evaluation or iteration limit of a start is below scipy's default ({@link
         * LbfgsSettings#scaleFree()}: 15000 each), as {@link #withMaxEvaluations} sets it: a budget the caller
         * imposed, which cuts starts short of their end. At the default a start that reaches the limit is one that
         * runs off without converging, as scipy reports it, and counts as not converged only.
         */
        public boolean budgetLowered() {
            LbfgsSettings defaults = LbfgsSettings.scaleFree();
            return settings.maxEvaluations() < defaults.maxEvaluations()
                    || settings.maxIterations() < defaults.maxIterations();
        }

        /**
         * The same options with at most {@code evaluations} objective evaluations per start in each of its two
         * stages, and to refine each leader.
         */
        public Options withMaxEvaluations(int evaluations) {
            return new Options(settings.withMaxEvaluations(evaluations), completion.withMaxEvaluations(evaluations),
                    polish, recognition, leaders, blockSize, evaluations, localMethod);
        }
    }

    /** The local method run from each start (in both stages when there are two); stopped by {@link LbfgsSettings}. */
    public enum LocalMethod {
        /** {@link Lbfgs}: L-BFGS with a strong-Wolfe line search, on value and gradient. */
        LBFGS,
        /**
         * {@link TrustRegionNewton} on the exact Hessian, for objectives that compute it
         * ({@link TwiceDifferentiableObjective}); others are run with {@link #LBFGS}. Not the default: on the
         * bundled fits it spends more evaluations than L-BFGS, and its answer is not always at or below L-BFGS's.
         */
        TRUST_REGION_NEWTON;

        /** The method {@link Options#defaults()} uses. */
        public static LocalMethod defaultMethod() {
            return LBFGS;
        }

        /** A solver of this method for {@code objective} (L-BFGS if the objective has no Hessian). */
        LocalMinimizer solver(DifferentiableObjective objective, LbfgsSettings settings) {
            if (this == TRUST_REGION_NEWTON && objective instanceof TwiceDifferentiableObjective) {
                return new TrustRegionNewton(objective.dimension(), settings);
            }
            return new Lbfgs(objective.dimension(), settings);
        }
    }

    /**
     * A start is stopped only when this many consecutive iterates lie on recorded paths to the same worse optimum
     * ({@link BasinMap}): a path that merely crosses a recorded cell on its way elsewhere is not cut.
     */
    static final int PERSISTENCE = 2;
    /** Cell edge of the basin map, in parameter units. */
    private static final double CELL_SIZE = 0.2;
    /**
     * A polished optimum of another basin within this fraction of the best objective is reported as competing
     * ({@link MultiStartResult#secondBest()}): nearly as good a fit, with other parameters, hence possibly another
     * prescription.
     */
    public static final double COMPETING_MARGIN = 0.05;
    /**
     * A run that has made a step lowering f by at most this fraction of itself has settled: if its line search fails
     * later (rounding noise near an exact fit, where no step lowers f measurably), it has converged — as when every
     * start was first run to this reduction ({@link LbfgsSettings#screening()}) and counted as converged there.
     */
    static final double SETTLED_REDUCTION = 1e-6;
    /** Outcomes whose values differ by at most this (relative) are one level among the leaders. */
    private static final double SAME_LEVEL = 1e-4;
    /** How many outcomes of distinct basins one level keeps as leaders (enough to show a flat direction). */
    private static final int SAME_LEVEL_KEPT = 3;
    /** Levels within {@link #COMPETING_MARGIN} of the best are kept beyond {@code leaders}, up to this many outcomes. */
    private static final int MAX_LEADERS = 64;
    /** Points on the segment between two optima at which {@link #separated} looks for a barrier, plus one. */
    private static final int SEGMENT_POINTS = 64;
    /** Parameters that differ by more than this (relative to max(1, |θ_i|)) belong to different optima. */
    private static final double DISTINCT_PARAMETER = 1e-3;

    private final Options options;

    public MultiStartFitter(Options options) {
        this.options = options;
    }

    /** Runs every start of {@code grid} on {@code objective}. */
    public MultiStartResult fit(DifferentiableObjective objective, StartGrid grid, Parallelism parallelism,
                                FitProgress progress) {
        if (grid.dimension() != objective.dimension()) {
            throw new IllegalArgumentException("grid sets " + grid.dimension() + " parameters, objective has "
                    + objective.dimension());
        }
        long starts = grid.size();
        long stride = spreadingStride(starts);
        // a local, not the field: the task below must not capture this (unserialisable) fitter
        Options search = options;
        BlockSummary total = new BlockSummary(search.leaders());
        List<Parallelism.Shared<BasinLayer>> layers = new ArrayList<>();
        try {
            Parallelism.Shared<BasinLayer> layer = parallelism.share(BasinLayer.first(CELL_SIZE));
            layers.add(layer);
            long position = 0;
            long wave = FIRST_WAVE;
            while (position < starts) {
                long waveStart = position;
                long waveEnd = Math.min(starts, position + wave);
                int blocks = Math.toIntExact((waveEnd - waveStart + options.blockSize() - 1) / options.blockSize());
                Parallelism.Shared<BasinLayer> known = layer;
                int blockSize = options.blockSize();
                List<BlockSummary> summaries = parallelism.map(blocks, block -> {
                    long from = waveStart + (long) block * blockSize;
                    return runBlock(search, objective.copy(), grid, from, Math.min(waveEnd, from + blockSize),
                            stride, known.get().map());
                }, block -> {
                    long from = waveStart + (long) block * blockSize;
                    progress.advance(Math.min(waveEnd, from + blockSize) - from);
                });
                Map<Long, double[]> additions = new LinkedHashMap<>();
                for (BlockSummary summary : summaries) {
                    total.absorb(summary);
                    summary.cells.forEach((key, visit) -> BasinMap.record(additions, key, visit));
                }
                position = waveEnd;
                wave = Math.min(MAX_WAVE, wave * 2);
                if (position < starts) {
                    if (layers.size() > 1) {
                        // every process that ran this wave has taken the map of the layer before it over
                        layers.get(layers.size() - 2).dropCopies();
                    }
                    layer = parallelism.share(BasinLayer.next(layer, CELL_SIZE, options.recognition()
                            ? BasinMap.CellArrays.of(additions) : BasinMap.CellArrays.NONE));
                    layers.add(layer);
                }
            }
        } finally {
            for (Parallelism.Shared<BasinLayer> shared : layers) {
                shared.close();
            }
        }
        List<StartOutcome> leaders = total.leaders();
        if (leaders.isEmpty()) {
            return new MultiStartResult(grid, null, null, false, total.starts, total.successful, total.recognised,
                    total.budgetCut, total.evaluations, 0, leaders, null, null);
        }
        return finish(objective.copy(), grid, total, leaders);
    }

    /**
     * Polishes every leader ({@link LocalRefinement}: to a tested local minimum), reports the lowest, and the best
     * optimum of another basin within {@link #COMPETING_MARGIN} of it. Without polishing, the grid's best start is
     * reported as found, with its (usually failed) stationarity test.
     */
    private MultiStartResult finish(DifferentiableObjective objective, StartGrid grid, BlockSummary total,
                                    List<StartOutcome> leaders) {
        StartOutcome gridBest = leaders.get(0);
        CountedObjective counted = new CountedObjective(objective);
        objective = counted;
        if (!options.polish()) {
            Stationarity stationarity = Stationarity.check(objective, gridBest.point(),
                    new double[objective.dimension()]);
            return new MultiStartResult(grid, gridBest, gridBest, false, total.starts, total.successful,
                    total.recognised, total.budgetCut, total.evaluations, counted.evaluations, leaders, stationarity,
                    null);
        }
        List<Polished> polished = new ArrayList<>();
        for (StartOutcome leader : leaders) {
            LocalRefinement.Refined refined = LocalRefinement.refine(objective, leader.point(),
                    options.polishEvaluations());
            if (Double.isFinite(refined.value()) && refined.value() <= leader.value()) {
                polished.add(new Polished(new StartOutcome(leader.start(), refined.value(), refined.point(),
                        leader.status()), refined.stationarity()));
            } else {
                polished.add(new Polished(leader, Stationarity.check(objective, leader.point(),
                        new double[objective.dimension()])));
            }
        }
        polished.sort((a, b) -> StartOutcome.byValueThenStart(a.outcome(), b.outcome()));
        Polished best = polished.get(0);
        StartOutcome secondBest = null;
        EquallyGood rule = EquallyGood.of(best.outcome().value(), objective.roundingLevel(),
                objective.exactFitLevel());
        for (Polished other : polished.subList(1, polished.size())) {
            if (competing(objective, rule, best.outcome(), other.outcome())) {
                secondBest = other.outcome();
                break;
            }
        }
        return new MultiStartResult(grid, best.outcome(), gridBest, true, total.starts, total.successful,
                total.recognised, total.budgetCut, total.evaluations, counted.evaluations, leaders,
                best.stationarity(), secondBest);
    }

    /**
     * True if {@code other} is the optimum of another basin that competes with {@code best}: the two are not equally
     * good by the {@link EquallyGood} rule (within 10⁻⁹ of the best objective, or of rounding — the exact-fit level —
     * when the law fits the data exactly; equally good optima whose parameters differ are a flat direction, which
     * {@link FitDiagnostics} reports), its objective is higher by at most {@link #COMPETING_MARGIN} of the best's (so
     * none competes with an exact fit, beside which any worse optimum is infinitely worse in relative terms, and
     * rounding noise is no basin), some parameter the objective depends on differs by more than
     * {@value #DISTINCT_PARAMETER} (relative to max(1, |θ_i|)), and a barrier separates the two ({@link #separated}).
     */
    private static boolean competing(DifferentiableObjective objective, EquallyGood rule, StartOutcome best,
                                     StartOutcome other) {
        double gap = other.value() - best.value();
        if (rule.equallyGood(best.value(), other.value()) || gap > COMPETING_MARGIN * Math.abs(best.value())) {
            return false;
        }
        int n = objective.dimension();
        double[] p = new double[n];
        double[] q = new double[n];
        objective.distinguishable(best.point(), p);
        objective.distinguishable(other.point(), q);
        return !sameBasin(p, q) && separated(objective, best.point(), other.point(), other.value());
    }

    /**
     * True if F rises between two optima a and b (b the higher, F(b) = {@code higher}): at some of the points
     * a + (k/{@value #SEGMENT_POINTS})·(b − a), k = 1 … {@value #SEGMENT_POINTS} − 1, F exceeds F(b) by more than the
     * {@link Stationarity} allowance (or the exact-fit level, where that is larger), or is not defined. A local
     * minimum b has F above F(b) on every side, so the segment from it towards a climbs before it can fall to F(a);
     * where F only falls from b to a, b is no minimum of a basin of its own but a point on a slope or a flat
     * direction towards a that the search stopped on (e.g. the data-constrained law on datablations:c4, whose
     * R_D* runs off towards ∞: polished optima at R_D* = 1.55·10⁶ and 1.75·10⁶, 1.4·10⁻⁸ apart in F, one slope),
     * and names no other prescription.
     */
    private static boolean separated(DifferentiableObjective objective, double[] a, double[] b, double higher) {
        double barrier = higher + Math.max(Stationarity.allowedDecrease(objective, higher), objective.exactFitLevel());
        double[] x = new double[a.length];
        for (int k = 1; k < SEGMENT_POINTS; k++) {
            double t = (double) k / SEGMENT_POINTS;
            for (int i = 0; i < x.length; i++) {
                x[i] = a[i] + t * (b[i] - a[i]);
            }
            if (!(objective.value(x) <= barrier)) {
                return true;
            }
        }
        return false;
    }

    /** The objective, counting its evaluations (one thread: the verification phase runs on the calling thread). */
    private static final class CountedObjective implements DifferentiableObjective {
        private final DifferentiableObjective objective;
        private long evaluations;

        CountedObjective(DifferentiableObjective objective) {
            this.objective = objective;
        }

        @Override
        public int dimension() {
            return objective.dimension();
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            evaluations++;
            return objective.valueAndGradient(x, gradient);
        }

        @Override
        public double value(double[] x) {
            evaluations++;
            return objective.value(x);
        }

        @Override
        public void identifiable(double[] x, double[] out) {
            objective.identifiable(x, out);
        }

        @Override
        public void distinguishable(double[] x, double[] out) {
            objective.distinguishable(x, out);
        }

        @Override
        public double roundingLevel() {
            return objective.roundingLevel();
        }

        @Override
        public double exactFitLevel() {
            return objective.exactFitLevel();
        }

        @Override
        public DifferentiableObjective copy() {
            throw new UnsupportedOperationException("the verification phase runs on one thread");
        }
    }

    /** A leader after polishing, with the test of its stationarity. */
    private record Polished(StartOutcome outcome, Stationarity stationarity) {
    }

    /** A stride coprime with n near n/φ, so that consecutive positions visit far-apart starts. */
    static long spreadingStride(long n) {
        if (n <= 2) {
            return 1;
        }
        long stride = Math.max(1, (long) (n * 0.6180339887498949));
        while (gcd(stride, n) != 1) {
            stride++;
        }
        return stride;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * Runs starts at positions [from, to); a static method, so that a task carries only what it is given. Each start
     * is run with {@link Options#settings()}, then on with {@link Options#completion()} if that differs.
     */
    private static BlockSummary runBlock(Options options, DifferentiableObjective objective, StartGrid grid, long from,
                                         long to, long stride, BasinMap known) {
        BlockSummary summary = new BlockSummary(options.leaders());
        double floor = objective.roundingLevel();
        LocalMinimizer first = options.localMethod().solver(objective, options.settings().withValueFloor(floor));
        LocalMinimizer completion = options.localMethod().solver(objective,
                options.completion().withValueFloor(floor));
        Trajectory trajectory = new Trajectory(objective, known, options.recognition());
        double[] x = new double[objective.dimension()];
        double[] key = new double[objective.dimension()];
        long n = grid.size();
        for (long position = from; position < to; position++) {
            long start = Math.multiplyExact(position, stride) % n;
            grid.start(start, x);
            trajectory.reset();
            LbfgsOutcome outcome = first.minimize(objective, x, trajectory);
            if (outcome.status() == LbfgsOutcome.Status.STOPPED_BY_CALLER) {
                summary.addRecognised(outcome);
                continue;
            }
            if (outcome.status() == LbfgsOutcome.Status.LINE_SEARCH_FAILED && trajectory.settled()) {
                outcome = new LbfgsOutcome(LbfgsOutcome.Status.CONVERGED_REDUCTION, outcome.value(),
                        outcome.iterations(), outcome.evaluations());
            }
            if (outcome.success() && !options.settings().equals(options.completion())) {
                LbfgsOutcome completed = completion.minimize(objective, x);
                outcome = new LbfgsOutcome(completed.success() ? completed.status() : outcome.status(),
                        Math.min(completed.value(), outcome.value()), outcome.iterations() + completed.iterations(),
                        outcome.evaluations() + completed.evaluations());
            }
            objective.distinguishable(x, key);
            summary.add(start, outcome, x, key, options.budgetLowered());
            if (outcome.success() && options.recognition()) {
                trajectory.record(outcome.value(), summary.cells);
            }
        }
        return summary;
    }

    /** The run was stopped by its evaluation or iteration limit, not by a convergence test or a failure. */
    static boolean stoppedByLimit(LbfgsOutcome.Status status) {
        return status == LbfgsOutcome.Status.EVALUATION_LIMIT || status == LbfgsOutcome.Status.ITERATION_LIMIT;
    }

    /** {@code value} is at most {@link #COMPETING_MARGIN} above {@code best} (always, while no best is known). */
    static boolean withinMargin(double value, double best) {
        return !(value > best + COMPETING_MARGIN * Math.abs(best));
    }

    /** The iterates of the current start, and the check against the basin map after each step. */
    private static final class Trajectory implements Lbfgs.IterationMonitor {
        private final DifferentiableObjective objective;
        private final int dimension;
        private final BasinMap known;
        private final boolean recognise;
        private final double[] identifiable;
        private double[] points = new double[64];
        private double[] values = new double[8];
        private int length;
        /** How many consecutive iterates lay on recorded paths to the optimum {@code streakFinal}. */
        private int streak;
        private double streakFinal;
        private final double floor;
        private double previous;
        /** Whether some step so far lowered f by at most {@link #SETTLED_REDUCTION} of itself. */
        private boolean settled;

        Trajectory(DifferentiableObjective objective, BasinMap known, boolean recognise) {
            this.objective = objective;
            this.dimension = objective.dimension();
            this.identifiable = new double[dimension];
            this.known = known;
            this.recognise = recognise;
            this.floor = objective.roundingLevel();
        }

        boolean settled() {
            return settled;
        }

        void reset() {
            previous = Double.NaN;
            settled = false;
            length = 0;
            streak = 0;
        }

        @Override
        public boolean shouldStop(int iteration, double[] x, double value) {
            if (!settled && previous - value <= SETTLED_REDUCTION * Math.max(floor,
                    Math.max(Math.abs(previous), Math.abs(value)))) {
                settled = true;
            }
            previous = value;
            if (!recognise) {
                return false;
            }
            objective.identifiable(x, identifiable);
            double destination = known.size() > 0 ? known.recognise(identifiable, value) : Double.NaN;
            if (Double.isNaN(destination)) {
                streak = 0;
            } else if (streak > 0 && BasinMap.sameOptimum(streakFinal, destination)) {
                streak++;
            } else {
                streak = 1;
                streakFinal = destination;
            }
            if (streak >= PERSISTENCE) {
                return true;
            }
            if ((length + 1) * dimension > points.length) {
                points = java.util.Arrays.copyOf(points, points.length * 2 + dimension);
            }
            if (length == values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            System.arraycopy(identifiable, 0, points, length * dimension, dimension);
            values[length++] = value;
            return false;
        }

        /** Adds the cells of this trajectory, each with its value there and {@code finalValue}, to {@code cells}. */
        void record(double finalValue, Map<Long, double[]> cells) {
            double[] point = new double[dimension];
            for (int t = 0; t < length; t++) {
                System.arraycopy(points, t * dimension, point, 0, dimension);
                BasinMap.record(cells, BasinMap.cellKey(point, CELL_SIZE), new double[] {values[t], finalValue});
            }
        }
    }

    /** Counts and the best few outcomes of a run of starts; mutable, confined to one task, and sent back from
     *  another process when the task ran there. */
    private static final class BlockSummary implements Serializable {
        private final int keep;
        private final List<Leader> best = new ArrayList<>();
        private long starts;
        private long successful;
        private long recognised;
        /** Starts stopped by the evaluation or iteration limit before they converged. */
        private long budgetCut;
        private long evaluations;
        private final Map<Long, double[]> cells = new LinkedHashMap<>();

        BlockSummary(int keep) {
            this.keep = keep;
        }

        /** Adds a start's outcome; one stopped by its limit counts as cut if the budget was {@code lowered}. */
        void add(long start, LbfgsOutcome outcome, double[] x, double[] key, boolean lowered) {
            starts++;
            evaluations += outcome.evaluations();
            if (lowered && stoppedByLimit(outcome.status())) {
                budgetCut++;
            }
            if (outcome.success()) {
                successful++;
                offer(new Leader(new StartOutcome(start, outcome.value(), x, outcome.status()), key.clone()));
            }
        }

        void addRecognised(LbfgsOutcome outcome) {
            starts++;
            successful++;
            recognised++;
            evaluations += outcome.evaluations();
        }

        void absorb(BlockSummary other) {
            starts += other.starts;
            successful += other.successful;
            recognised += other.recognised;
            budgetCut += other.budgetCut;
            evaluations += other.evaluations;
            for (Leader leader : other.best) {
                offer(leader);
            }
        }

        /**
         * Keeps the best outcome of each of the best basins: an outcome whose distinguishable parameters
         * ({@link DifferentiableObjective#distinguishable}) are within {@value #DISTINCT_PARAMETER} (relative to
         * max(1, |θ_i|)) of a kept one's, with the same parameters not distinguishable, ends in the same basin, and
         * only the better of the two stays. Outcomes within {@value #SAME_LEVEL} (relative) of the value of a better
         * kept one are one level, which counts once among the {@code keep} and keeps at most
         * {@value #SAME_LEVEL_KEPT}: a flat valley (an unidentified floor trading off against a term, which every
         * start run to its end explores) ends its starts at many points 10⁻⁹–10⁻⁵ apart in value, which would
         * otherwise crowd a competing basin out.
         */
        private void offer(Leader candidate) {
            for (int i = 0; i < best.size(); i++) {
                if (sameBasin(best.get(i).key(), candidate.key())) {
                    if (byOutcome(candidate, best.get(i)) < 0) {
                        best.set(i, candidate);
                        best.sort(BlockSummary::byOutcome);
                        trim();
                    }
                    return;
                }
            }
            best.add(candidate);
            best.sort(BlockSummary::byOutcome);
            trim();
        }

        /**
         * Keeps the {@code keep} best levels of outcomes, and beyond them those within {@link #COMPETING_MARGIN} of the
         * best up to {@value #MAX_LEADERS} outcomes, at most {@value #SAME_LEVEL_KEPT} a level.
         */
        private void trim() {
            List<Leader> kept = new ArrayList<>();
            int levels = 0;
            int members = 0;
            double head = Double.NaN;
            for (Leader leader : best) {
                double value = leader.outcome().value();
                if (levels == 0 || !(value - head <= SAME_LEVEL * Math.abs(head))) {
                    levels++;
                    head = value;
                    members = 0;
                }
                if (levels > keep && (kept.size() >= MAX_LEADERS
                        || !withinMargin(value, best.get(0).outcome().value()))) {
                    break;
                }
                if (members++ < SAME_LEVEL_KEPT) {
                    kept.add(leader);
                }
            }
            best.clear();
            best.addAll(kept);
        }

        private static int byOutcome(Leader a, Leader b) {
            return StartOutcome.byValueThenStart(a.outcome(), b.outcome());
        }

        List<StartOutcome> leaders() {
            return best.stream().map(Leader::outcome).toList();
        }

        /** Serialises the cells as flat arrays ({@link BasinMap.CellArrays}), in their order. */
        private Object writeReplace() {
            return new SerializedSummary(keep, List.copyOf(best), starts, successful, recognised, budgetCut,
                    evaluations, BasinMap.CellArrays.of(cells));
        }

        private void readObject(ObjectInputStream in) throws InvalidObjectException {
            throw new InvalidObjectException("a BlockSummary is read through its serialised form");
        }
    }

    /** A start's outcome with its identifiable parameters ({@link DifferentiableObjective#identifiable}). */
    private record Leader(StartOutcome outcome, double[] key) implements Serializable {
    }

    /** Both points have the same parameters unidentifiable, and the others within {@value #DISTINCT_PARAMETER}. */
    static boolean sameBasin(double[] p, double[] q) {
        for (int i = 0; i < p.length; i++) {
            if (Double.isNaN(p[i]) != Double.isNaN(q[i])) {
                return false;
            }
            if (!Double.isNaN(p[i]) && Math.abs(p[i] - q[i]) > DISTINCT_PARAMETER * Math.max(1, Math.abs(p[i]))) {
                return false;
            }
        }
        return true;
    }

    /** {@link BlockSummary} as it travels back from another process. */
    private record SerializedSummary(int keep, List<Leader> best, long starts, long successful, long recognised,
                                     long budgetCut, long evaluations, BasinMap.CellArrays cells)
            implements Serializable {

        private Object readResolve() {
            BlockSummary summary = new BlockSummary(keep);
            summary.best.addAll(best);
            summary.starts = starts;
            summary.successful = successful;
            summary.recognised = recognised;
            summary.budgetCut = budgetCut;
            summary.evaluations = evaluations;
            summary.cells.putAll(cells.cells());
            return summary;
        }
    }
}
