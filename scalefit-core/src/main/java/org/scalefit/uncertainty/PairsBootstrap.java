package org.scalefit.uncertainty;

import java.util.Arrays;
import java.util.List;
import org.scalefit.data.Observations;
import org.scalefit.fit.HuberLogLossObjective;
import org.scalefit.fit.Lbfgs;
import org.scalefit.fit.LbfgsOutcome;
import org.scalefit.fit.LbfgsSettings;
import org.scalefit.fit.Parallelism;
import org.scalefit.law.LawForm;

/**
 * The non-parametric pairs bootstrap of an Approach-3 fit, as Epoch AI run it (Besiroglu et al. 2024, §3 and cells
 * 15–23 of {@code data_analysis.ipynb}): B times, resample the n points with replacement (rows, i.e. (x_i, L_i)
 * pairs, together), refit the Huber-sum objective F(θ) = Σ huber_δ(log L_i − log L̂_θ(x_i)) ({@link
 * HuberLogLossObjective}) from a single start θ₀, and keep the B parameter vectors. Epoch refit with scipy's BFGS
 * from Chinchilla's unrounded values; this uses {@link Lbfgs} from the same start.
 *
 * <p>The resamples are drawn up front from the seed ({@link ResamplingStream}), the refits run as independent
 * tasks on a {@link Parallelism}, and the results are in replicate order: the outcome depends on the seed alone,
 * not on the number of threads. Summaries are in {@link BootstrapResult}.
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

    /**
     * Each refit: L-BFGS with memory 10, reduction tolerance 4 ulp and gtol 10⁻⁹, i.e. run to the precision floor.
     * On Epoch's data this reaches a Huber sum at least as low as scipy's BFGS (gtol 10⁻⁵) in every replicate, and
     * lower in the ~2 % of replicates where BFGS stops early in a flat valley; a refit that ends in a failed line
     * search at the floor is kept and not counted as converged.
     */
    public static LbfgsSettings defaultSettings() {
        return new LbfgsSettings(10, 4 * Math.ulp(1.0), 1e-9, 15000, 30000, 40);
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

    /** The same bootstrap drawing its resamples from {@code other}. */
    public PairsBootstrap withStream(ResamplingStream other) {
        return new PairsBootstrap(law, delta, start, replicates, seed, other, settings);
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    /** Runs the B refits on {@code parallelism} and summarises them. */
    public BootstrapResult run(Observations observations, Parallelism parallelism) {
        int n = observations.size();
        int[][] resamples = stream.resamples(seed, replicates, n);
        HuberLogLossObjective full = HuberLogLossObjective.of(law, observations, delta);
        List<Refit> refits = parallelism.map(replicates, r -> {
            int[] counts = new int[n];
            for (int row : resamples[r]) {
                counts[row]++;
            }
            HuberLogLossObjective objective = full.resampled(counts);
            double[] x = start.clone();
            LbfgsOutcome outcome = new Lbfgs(x.length, settings).minimize(objective, x);
            return new Refit(x, outcome.success());
        });
        double[][] parameters = new double[replicates][];
        int converged = 0;
        for (int r = 0; r < replicates; r++) {
            parameters[r] = refits.get(r).theta;
            converged += refits.get(r).converged ? 1 : 0;
        }
        return new BootstrapResult(law, parameters, converged, resamples[0]);
    }

    private record Refit(double[] theta, boolean converged) {
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
