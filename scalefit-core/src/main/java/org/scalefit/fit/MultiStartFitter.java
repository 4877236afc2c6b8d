package org.scalefit.fit;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chinchilla's Approach-3 search: L-BFGS from every point of a grid of starts, keeping the best start that
 * converged (Hoffmann et al. 2022 §D.2; Gemstones {@code grid_search}; Epoch AI Fit A).
 *
 * <p>Two things make it faster than running every start to the end, neither of which changes the optimum found on
 * any bundled dataset (a test checks this against the exhaustive search):
 * <ul>
 *   <li>Starts are visited in a spread-out order (start (p·stride) mod N at position p) in waves of growing size.
 *       The trajectories of the starts of earlier waves are recorded in a {@link BasinMap}; a start that enters a
 *       cell on the final approach of a recorded trajectory is stopped and counted as converging to that
 *       trajectory's optimum. Waves and blocks are fixed by the grid alone and the map is rebuilt only between
 *       waves, in block order, so the result does not depend on the number of threads.</li>
 *   <li>The best start is polished afterwards, with L-BFGS at tight tolerances and then {@link NewtonRefinement},
 *       so per-start tolerances (scipy's, by default) do not limit the accuracy of the answer.</li>
 * </ul>
 */
public final class MultiStartFitter {

    /** Size of the first wave; each later wave is twice as large up to {@link #MAX_WAVE}. */
    private static final int FIRST_WAVE = 256;
    private static final int MAX_WAVE = 16384;

    /**
     * How the search is run.
     *
     * @param settings    stopping rules for every start (scipy's L-BFGS-B defaults reproduce the studies)
     * @param polish      refine the best grid start with {@link LbfgsSettings#polishing()} afterwards
     * @param recognition stop starts that enter an already-found basin (off: run every start to its end)
     * @param leaders     how many distinct best outcomes to keep for the report
     * @param blockSize   starts per task
     */
    public record Options(LbfgsSettings settings, boolean polish, boolean recognition, int leaders, int blockSize)
            implements Serializable {

        public Options {
            if (leaders < 1 || blockSize < 1) {
                throw new IllegalArgumentException("leaders and blockSize must be positive");
            }
        }

        /** scipy's tolerances per start, polishing and recognition on, 5 leaders, blocks of 64 starts. */
        public static Options defaults() {
            return new Options(LbfgsSettings.scipyDefaults(), true, true, 5, 64);
        }

        public Options withPolish(boolean on) {
            return new Options(settings, on, recognition, leaders, blockSize);
        }

        public Options withRecognition(boolean on) {
            return new Options(settings, polish, on, leaders, blockSize);
        }

        public Options withSettings(LbfgsSettings next) {
            return new Options(next, polish, recognition, leaders, blockSize);
        }
    }

    /** Cell edge of the basin map, in parameter units. */
    private static final double CELL_SIZE = 0.2;
    /** Relative difference in objective value under which a start is on a recorded path. */
    private static final double VALUE_TOLERANCE = 1e-2;
    /** Part of a trajectory recorded: points whose value is within this (relative) of the final value. */
    private static final double APPROACH_BAND = Double.POSITIVE_INFINITY;

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
        BlockSummary total = new BlockSummary(options.leaders());
        BasinMap basins = BasinMap.empty(CELL_SIZE, VALUE_TOLERANCE);
        long position = 0;
        long wave = FIRST_WAVE;
        while (position < starts) {
            long waveStart = position;
            long waveEnd = Math.min(starts, position + wave);
            int blocks = Math.toIntExact((waveEnd - waveStart + options.blockSize() - 1) / options.blockSize());
            BasinMap known = basins;
            Options search = options;
            int blockSize = options.blockSize();
            List<BlockSummary> summaries = parallelism.map(blocks, block -> {
                long from = waveStart + (long) block * blockSize;
                return runBlock(search, objective.copy(), grid, from, Math.min(waveEnd, from + blockSize), stride,
                        known);
            }, block -> {
                long from = waveStart + (long) block * blockSize;
                progress.advance(Math.min(waveEnd, from + blockSize) - from);
            });
            Map<Long, double[]> additions = new LinkedHashMap<>();
            for (BlockSummary summary : summaries) {
                total.absorb(summary);
                summary.cells.forEach((key, visit) -> BasinMap.record(additions, key, visit, VALUE_TOLERANCE));
            }
            if (options.recognition()) {
                basins = basins.with(additions);
            }
            position = waveEnd;
            wave = Math.min(MAX_WAVE, wave * 2);
        }
        List<StartOutcome> leaders = total.leaders();
        StartOutcome gridBest = leaders.isEmpty() ? null : leaders.get(0);
        StartOutcome best = gridBest;
        boolean polished = false;
        if (gridBest != null && options.polish()) {
            StartOutcome refined = polish(objective.copy(), gridBest);
            if (refined.value() <= gridBest.value()) {
                best = refined;
                polished = true;
            }
        }
        return new MultiStartResult(grid, best, gridBest, polished, total.starts, total.successful, total.recognised,
                total.evaluations, leaders);
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

    /** Runs starts at positions [from, to); a static method, so that a task carries only what it is given. */
    private static BlockSummary runBlock(Options options, DifferentiableObjective objective, StartGrid grid, long from,
                                         long to, long stride, BasinMap known) {
        BlockSummary summary = new BlockSummary(options.leaders());
        Lbfgs lbfgs = new Lbfgs(objective.dimension(), options.settings());
        Trajectory trajectory = new Trajectory(objective, known, options.recognition());
        double[] x = new double[objective.dimension()];
        long n = grid.size();
        for (long position = from; position < to; position++) {
            long start = Math.multiplyExact(position, stride) % n;
            grid.start(start, x);
            trajectory.reset();
            LbfgsOutcome outcome = lbfgs.minimize(objective, x, trajectory);
            if (outcome.status() == LbfgsOutcome.Status.STOPPED_BY_CALLER) {
                summary.addRecognised(outcome);
            } else {
                summary.add(start, outcome, x);
                if (outcome.success() && options.recognition()) {
                    trajectory.recordApproach(outcome.value(), summary.cells);
                }
            }
        }
        return summary;
    }

    private StartOutcome polish(DifferentiableObjective objective, StartOutcome from) {
        Lbfgs lbfgs = new Lbfgs(objective.dimension(), LbfgsSettings.polishing());
        double[] x = from.point();
        LbfgsOutcome outcome = lbfgs.minimize(objective, x);
        if (!Double.isFinite(outcome.value())) {
            return from;
        }
        double value = NewtonRefinement.refine(objective, x);
        return new StartOutcome(from.start(), value, x, outcome.status());
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

        Trajectory(DifferentiableObjective objective, BasinMap known, boolean recognise) {
            this.objective = objective;
            this.dimension = objective.dimension();
            this.identifiable = new double[dimension];
            this.known = known;
            this.recognise = recognise;
        }

        void reset() {
            length = 0;
        }

        @Override
        public boolean shouldStop(int iteration, double[] x, double value) {
            if (!recognise) {
                return false;
            }
            objective.identifiable(x, identifiable);
            if (known.size() > 0 && !Double.isNaN(known.recognise(identifiable, value))) {
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

        /** Adds the cells of the final approach (values within the band of {@code finalValue}) to {@code cells}. */
        void recordApproach(double finalValue, Map<Long, double[]> cells) {
            double[] point = new double[dimension];
            double limit = finalValue + APPROACH_BAND * Math.abs(finalValue);
            for (int t = 0; t < length; t++) {
                if (values[t] <= limit) {
                    System.arraycopy(points, t * dimension, point, 0, dimension);
                    BasinMap.record(cells, BasinMap.cellKey(point, CELL_SIZE), new double[] {values[t], finalValue},
                            VALUE_TOLERANCE);
                }
            }
        }
    }

    /** Counts and the best few outcomes of a run of starts; mutable, confined to one task, and sent back from
     *  another process when the task ran there. */
    private static final class BlockSummary implements Serializable {
        private final int keep;
        private final List<StartOutcome> best = new ArrayList<>();
        private long starts;
        private long successful;
        private long recognised;
        private long evaluations;
        private final Map<Long, double[]> cells = new LinkedHashMap<>();

        BlockSummary(int keep) {
            this.keep = keep;
        }

        void add(long start, LbfgsOutcome outcome, double[] x) {
            starts++;
            evaluations += outcome.evaluations();
            if (outcome.success()) {
                successful++;
                offer(new StartOutcome(start, outcome.value(), x, outcome.status()));
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
            evaluations += other.evaluations;
            for (StartOutcome outcome : other.best) {
                offer(outcome);
            }
        }

        /** Keeps the {@code keep} best distinct outcomes; an outcome within 1e-12 of a kept one in value and
         *  1e-6 in every parameter is the same optimum and only the better of the two stays. */
        private void offer(StartOutcome candidate) {
            if (best.size() == keep && StartOutcome.byValueThenStart(candidate, best.get(keep - 1)) >= 0) {
                return;
            }
            for (int i = 0; i < best.size(); i++) {
                if (sameOptimum(best.get(i), candidate)) {
                    if (StartOutcome.byValueThenStart(candidate, best.get(i)) < 0) {
                        best.set(i, candidate);
                        best.sort(StartOutcome::byValueThenStart);
                    }
                    return;
                }
            }
            best.add(candidate);
            best.sort(StartOutcome::byValueThenStart);
            if (best.size() > keep) {
                best.remove(keep);
            }
        }

        private static boolean sameOptimum(StartOutcome a, StartOutcome b) {
            if (Math.abs(a.value() - b.value()) > 1e-12 * Math.max(1, Math.abs(a.value()))) {
                return false;
            }
            double[] p = a.point();
            double[] q = b.point();
            for (int i = 0; i < p.length; i++) {
                if (Math.abs(p[i] - q[i]) > 1e-6 * Math.max(1, Math.abs(p[i]))) {
                    return false;
                }
            }
            return true;
        }

        List<StartOutcome> leaders() {
            return List.copyOf(best);
        }

        /** Serialises the cells as flat arrays ({@link BasinMap.CellArrays}), in their order. */
        private Object writeReplace() {
            return new SerializedSummary(keep, List.copyOf(best), starts, successful, recognised, evaluations,
                    BasinMap.CellArrays.of(cells));
        }

        private void readObject(ObjectInputStream in) throws InvalidObjectException {
            throw new InvalidObjectException("a BlockSummary is read through its serialised form");
        }
    }

    /** {@link BlockSummary} as it travels back from another process. */
    private record SerializedSummary(int keep, List<StartOutcome> best, long starts, long successful, long recognised,
                                     long evaluations, BasinMap.CellArrays cells) implements Serializable {

        private Object readResolve() {
            BlockSummary summary = new BlockSummary(keep);
            summary.best.addAll(best);
            summary.starts = starts;
            summary.successful = successful;
            summary.recognised = recognised;
            summary.evaluations = evaluations;
            summary.cells.putAll(cells.cells());
            return summary;
        }
    }
}
