package org.scalefit.uncertainty;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitDiagnostics;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.HuberLogLossObjective;
import org.scalefit.fit.Identification;
import org.scalefit.fit.Lbfgs;
import org.scalefit.fit.LbfgsOutcome;
import org.scalefit.fit.LbfgsSettings;
import org.scalefit.fit.LocalRefinement;
import org.scalefit.fit.Stationarity;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.Parallelism;

/**
 * The non-parametric pairs bootstrap of an Approach-3 fit, as Epoch AI run it (Besiroglu et al. 2024, §3 and cells
 * 15–23 of {@code data_analysis.ipynb}): B times, resample the n points with replacement (rows, i.e. (x_i, L_i)
 * pairs, together), refit the Huber-sum objective F(θ) = Σ huber_δ(log L_i − log L̂_θ(x_i)) ({@link
 * HuberLogLossObjective}) from a single start θ₀, and keep the B parameter vectors. Epoch refit with scipy's BFGS
 * from Chinchilla's unrounded values; this uses {@link Lbfgs} from the same start.
 *
 * <p>Each refit is judged as Fit B's point estimate is ({@link HuberLikelihoodFit}): its end point is tested as a
 * local minimum of the resample's objective by the {@link Stationarity} test, and where the test fails it is polished
 * by {@link LocalRefinement} (with as many evaluations again as the search was allowed) and the polished point is
 * the replicate. How the search stopped and whether the replicate is a tested minimum are kept
 * ({@link BootstrapResult.Refit}): a search that stopped "converged" where a step still lowers F is not counted
 * converged unless its polish reaches a tested minimum, and one whose line search failed at a tested minimum is at
 * the precision floor, not failed, whatever its gradient's absolute size.
 *
 * <p>The same bootstrap runs for any Approach-3 law (2, 3 or 4 inputs) and with either resampling unit
 * ({@link ResamplingUnits}): points, as Epoch resample them, or whole training runs, so that all checkpoints of a run
 * enter a resample together (a block bootstrap; {@link #run(Observations, ResamplingUnits, Parallelism,
 * FitProgress)}). A resample's multiplicities enter the objective as weights ({@link
 * HuberLogLossObjective#resampled(int[])}).
 *
 * <p>Every replicate is refitted from the <em>same single start</em> θ₀, not from a grid: this is Epoch's scheme.
 * For a fitted law θ₀ is the point estimate ({@link #fromEstimate}). What it implies: each replicate's optimum is
 * the local optimum reached from the point estimate, i.e. the bootstrap measures how the optimum <em>of the
 * point estimate's basin</em> moves when the data are resampled. It does not search again for the global optimum of
 * each resample, so where the objective has other near-optimal basins (flat or degenerate directions, as in
 * Gemstones' width–depth laws) the spread can be understated and the replicates stay near θ₀; it is also what makes
 * a replicate cost one local fit instead of thousands of starts. A resample whose drawn points cannot identify the
 * law at all ({@link Identification}'s rules, e.g. a run resample of a 3 × 3 width–depth ladder that misses a width)
 * is refitted like the others and listed in {@link BootstrapResult#unidentifiedResamples()}.
 *
 * <p>The units of all resamples are drawn up front from the seed ({@link ResamplingStream}); replicate r's draw
 * depends only on (seed, r). The refits run as independent tasks on a {@link Parallelism}, and the results are in
 * replicate order: the outcome depends on the seed alone, not on the number of threads. Summaries are in
 * {@link BootstrapResult}; allocation bands in {@link AllocationBands}.
 *
 * @param law         the law refitted
 * @param delta       Huber threshold δ of the refitted objective
 * @param start       θ₀, the law's parameters [α_1 … α_k, c_1 … c_k, e]
 * @param replicates  B
 * @param seed        seed of the resampling stream
 * @param stream      how resample indices are drawn
 * @param settings    stopping rules of each refit
 */
public record PairsBootstrap(LawForm law, double delta, double[] start, int replicates, long seed,
                             ResamplingStream stream, LbfgsSettings settings) {

    private static final Identification.Limits NO_LIMITS = new Identification.Limits(Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY);

    /**
     * Each refit: L-BFGS with memory 10, reduction tolerance 4 ulp and gtol 10⁻⁹, i.e. run to the precision floor.
     * On Epoch's data this reaches a Huber sum at least as low as scipy's BFGS (gtol 10⁻⁵) in every replicate, and
     * lower in the ~2 % of replicates where BFGS stops early in a flat valley; every end point is then tested, and
     * polished if it fails the test (see the class documentation).
     */
    public static LbfgsSettings defaultSettings() {
        return new LbfgsSettings(10, 4 * Math.ulp(1.0), 1e-9, 15000, 30000, 40, 1.0, false);
    }

    public PairsBootstrap {
        if (start.length != law.parameterCount()) {
            throw new IllegalArgumentException("start has " + start.length + " parameters, law " + law.name()
                    + " has " + law.parameterCount());
        }
        if (replicates < 2) {
            throw new IllegalArgumentException("need at least 2 bootstrap replicates, was " + replicates);
        }
        start = start.clone();
    }

    /** Epoch's bootstrap of {@code law}: {@code replicates} NumPy-compatible resamples from {@code seed}. */
    public static PairsBootstrap of(LawForm law, double delta, double[] start, int replicates, long seed) {
        return new PairsBootstrap(law, delta, start, replicates, seed, ResamplingStream.NUMPY_RANDOM_STATE,
                defaultSettings());
    }

    /**
     * The bootstrap of a fitted law as Epoch run theirs, but started from the fit itself: every replicate refits
     * {@code estimate}'s law from {@code estimate}'s parameters (the point estimate) with the settings that polish a
     * multi-start optimum ({@link LbfgsSettings#polishing()}), resamples drawn NumPy-compatibly from {@code seed}.
     */
    public static PairsBootstrap fromEstimate(FittedLaw estimate, double delta, int replicates, long seed) {
        return new PairsBootstrap(estimate.form(), delta, estimate.theta(), replicates, seed,
                ResamplingStream.NUMPY_RANDOM_STATE, LbfgsSettings.polishing());
    }

    /** The same bootstrap drawing its resamples from {@code other}. */
    public PairsBootstrap withStream(ResamplingStream other) {
        return new PairsBootstrap(law, delta, start, replicates, seed, other, settings);
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    /** Runs the B refits of resampled points on {@code parallelism} and summarises them. */
    public BootstrapResult run(Observations observations, Parallelism parallelism) {
        return run(observations, ResamplingUnits.points(observations.size()), parallelism, FitProgress.silent());
    }

    /**
     * Runs the B refits on {@code parallelism}, each on a resample of {@code units} (points or whole runs), telling
     * {@code progress} of each finished replicate, and summarises them.
     *
     * @throws IllegalArgumentException if {@code units} does not describe these observations' points
     */
    public BootstrapResult run(Observations observations, ResamplingUnits units, Parallelism parallelism,
                               FitProgress progress) {
        int n = observations.size();
        if (units.points() != n) {
            throw new IllegalArgumentException("resampling units cover " + units.points() + " points, the data has "
                    + n);
        }
        int[][] resamples = stream.resamples(seed, replicates, units.units());
        HuberLogLossObjective full = HuberLogLossObjective.of(law, observations, delta);
        double[] from = start;
        LbfgsSettings refitSettings = settings;
        List<Replicate> refits = parallelism.map(replicates, r -> {
            HuberLogLossObjective objective = full.resampled(units.multiplicities(resamples[r]));
            return refit(objective, from.clone(), refitSettings);
        }, r -> progress.advance(1));
        double[][] parameters = new double[replicates][];
        List<BootstrapResult.Refit> outcomes = new ArrayList<>(replicates);
        for (int r = 0; r < replicates; r++) {
            parameters[r] = refits.get(r).theta;
            outcomes.add(refits.get(r).refit);
        }
        int[] unidentifiedResamples = IntStream.range(0, replicates)
                .filter(r -> !identifies(observations, units.multiplicities(resamples[r]))).toArray();
        return new BootstrapResult(law, parameters, outcomes, resamples[0],
                FitDiagnostics.unidentified(law, start, observations), unidentifiedResamples);
    }

    /**
     * One refit, by the rule of Fit B's point estimate ({@link HuberLikelihoodFit#maximise}): L-BFGS from
     * {@code x}, the {@link Stationarity} test at its end point, and, where the test fails, the polish of
     * {@link LocalRefinement} with as many evaluations as the search was allowed; the refit is the polished point.
     */
    private static Replicate refit(HuberLogLossObjective objective, double[] x, LbfgsSettings settings) {
        LbfgsOutcome outcome = new Lbfgs(x.length, settings).minimize(objective, x);
        Stationarity stationarity = Stationarity.check(objective, x, new double[x.length]);
        boolean polished = !stationarity.holds();
        double[] point = x;
        if (polished) {
            LocalRefinement.Refined refined = LocalRefinement.refine(objective, x, settings.maxEvaluations());
            point = refined.point();
            stationarity = refined.stationarity();
        }
        return new Replicate(point, new BootstrapResult.Refit(outcome.status(), stationarity.gradientNorm(),
                stationarity.holds(), polished));
    }

    /**
     * Whether the points drawn at least once ({@code multiplicity > 0}) identify the law by {@link Identification}'s
     * rules, physical limits aside (the full data passed them when it was fitted).
     */
    private boolean identifies(Observations observations, int[] multiplicity) {
        int[] drawn = IntStream.range(0, multiplicity.length).filter(i -> multiplicity[i] > 0).toArray();
        double[][] columns = new double[observations.arity()][drawn.length];
        for (int k = 0; k < drawn.length; k++) {
            for (int j = 0; j < columns.length; j++) {
                columns[j][k] = observations.input(drawn[k], j);
            }
        }
        return Identification.ofColumns(observations.inputNames(), columns, law.parameterCount(),
                Identification.MIN_DISTINCT, NO_LIMITS).identified();
    }

    private record Replicate(double[] theta, BootstrapResult.Refit refit) implements Serializable {
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PairsBootstrap that && law.equals(that.law) && delta == that.delta
                && Arrays.equals(start, that.start) && replicates == that.replicates && seed == that.seed
                && stream == that.stream && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(law, delta, Arrays.hashCode(start), replicates, seed, stream, settings);
    }

    @Override
    public String toString() {
        return "PairsBootstrap[" + law.name() + ", δ=" + delta + ", B=" + replicates + ", seed=" + seed + ", "
                + stream + "]";
    }
}
