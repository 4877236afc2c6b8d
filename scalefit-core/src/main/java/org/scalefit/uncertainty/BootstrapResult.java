package org.scalefit.uncertainty;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.scalefit.fit.LbfgsOutcome;
import org.scalefit.law.LawForm;

/**
 * The B parameter vectors of a {@link PairsBootstrap} and their summaries, as Epoch AI report them (Besiroglu et al.
 * 2024, cell 23): the sample covariance (ddof = 1, {@code np.cov}) and standard errors √diag, and 2.5 / 97.5
 * percentile intervals with linear interpolation ({@code np.percentile}'s default: the p-th percentile of sorted
 * values v_0 … v_{B−1} is v_⌊h⌋ + (h − ⌊h⌋)(v_⌊h⌋+1 − v_⌊h⌋), h = (B − 1)·p/100).
 *
 * <p>Two parameterisations: <b>log space</b>, the law's θ = [α_1 … α_k, c_1 … c_k, e]; and <b>untransformed</b>,
 * the same with coefficients and floor exponentiated, [α_1 … α_k, e^{c_1} … e^{c_k}, e^e] (for Chinchilla
 * [α, β, A, B, E]). Percentiles commute with the monotone exp, covariances do not.
 *
 * <p>Every replicate enters the summaries, as in the original (Epoch kept the replicates in which scipy's BFGS
 * reported a loss of precision), and how each refit ended is kept ({@link Refit}). A refit is classified by the rule
 * Fit B's point estimate is ({@link HuberLikelihoodFit#convergence()}): its end point is tested as a local minimum of
 * the resample's objective by the {@link org.scalefit.fit.Stationarity} test, and polished when it fails; then
 * {@link #converged()} are the refits whose optimiser met its convergence test and that ended at a tested minimum;
 * {@link #atPrecisionFloor()} those that ended at a tested minimum although the optimiser stopped otherwise (a failed
 * line search: no step lowered the objective in floating point; or its evaluation limit, then polished);
 * {@link #failed()} all that did not end at a tested minimum, whatever the optimiser said: they are reported, never
 * dropped.
 *
 * @param law                the law refitted
 * @param replicates         replicates[r] is the log-space θ of replicate r
 * @param refits             refits.get(r) is how the refit of replicate r ended
 * @param firstResample      the units drawn for replicate 0 (row indices for the pairs scheme), for checking the
 *                           resampling stream
 * @param unidentified       the indices (in θ) of the parameters not identified at the start of the refits, by the
 *                           rules of the fit's own warnings ({@link org.scalefit.fit.FitDiagnostics#unidentified}: a
 *                           floor or a term negligible at every point): their percentiles and standard errors are
 *                           not an uncertainty (refits from a point where F hardly depends on them barely move them,
 *                           e.g. a floor of 10⁻¹² whose interval is a single value); in ascending order
 * @param unidentifiedResamples the replicates whose resample cannot identify the law by the rules a fit refuses its
 *                           data by ({@link org.scalefit.fit.Identification}, applied to the points drawn at least
 *                           once: e.g. a run resample that misses one of 3 widths): their refits are kept in the
 *                           summaries, like failed ones, but their parameters along the directions the resample
 *                           leaves free are wherever the refit from the start stopped, not an estimate; ascending
 */
public record BootstrapResult(LawForm law, double[][] replicates, List<Refit> refits, int[] firstResample,
                              int[] unidentified, int[] unidentifiedResamples) {

    /**
     * How one refit ended.
     *
     * @param status       why the optimiser stopped, before any polish
     * @param gradientNorm ‖∇F‖∞ of the resample's objective at the refit's end (NaN if not recorded or not finite)
     * @param stationary   the refit ended at a tested local minimum of the resample's objective (the {@link
     *                     org.scalefit.fit.Stationarity} test holds there)
     * @param polished     the optimiser's end point failed the test and the refit is its polish ({@link
     *                     org.scalefit.fit.LocalRefinement})
     */
    public record Refit(LbfgsOutcome.Status status, double gradientNorm, boolean stationary, boolean polished)
            implements Serializable {

        /**
         * The verdict, by Fit B's rule: not stationary whenever the test failed, whatever the optimiser said;
         * otherwise converged if the optimiser met its convergence test, else at the precision floor.
         */
        public HuberLikelihoodFit.Convergence convergence() {
            if (!stationary) {
                return HuberLikelihoodFit.Convergence.NOT_STATIONARY;
            }
            return status.success() ? HuberLikelihoodFit.Convergence.CONVERGED
                    : HuberLikelihoodFit.Convergence.AT_PRECISION_FLOOR;
        }

        /** Met a convergence test of the optimiser and ended at a tested minimum. */
        public boolean converged() {
            return convergence() == HuberLikelihoodFit.Convergence.CONVERGED;
        }

        /** Ended at a tested minimum although the optimiser stopped without meeting its test. */
        public boolean atPrecisionFloor() {
            return convergence() == HuberLikelihoodFit.Convergence.AT_PRECISION_FLOOR;
        }

        /** Did not end at a tested minimum. */
        public boolean failed() {
            return convergence() == HuberLikelihoodFit.Convergence.NOT_STATIONARY;
        }
    }

    public BootstrapResult {
        replicates = Arrays.stream(replicates).map(double[]::clone).toArray(double[][]::new);
        refits = List.copyOf(refits);
        firstResample = firstResample.clone();
        unidentified = unidentified.clone();
        unidentifiedResamples = unidentifiedResamples.clone();
        for (int k = 0; k < unidentifiedResamples.length; k++) {
            if (unidentifiedResamples[k] < 0 || unidentifiedResamples[k] >= replicates.length
                    || (k > 0 && unidentifiedResamples[k] <= unidentifiedResamples[k - 1])) {
                throw new IllegalArgumentException("unidentified resamples must be ascending replicate numbers, were "
                        + Arrays.toString(unidentifiedResamples));
            }
        }
        for (int k = 0; k < unidentified.length; k++) {
            if (unidentified[k] < 0 || unidentified[k] >= law.parameterCount()
                    || (k > 0 && unidentified[k] <= unidentified[k - 1])) {
                throw new IllegalArgumentException("unidentified parameters must be ascending indices of θ, were "
                        + Arrays.toString(unidentified));
            }
        }
        if (refits.size() != replicates.length) {
            throw new IllegalArgumentException(refits.size() + " refit outcomes for " + replicates.length
                    + " replicates");
        }
        for (double[] theta : replicates) {
            if (theta.length != law.parameterCount()) {
                throw new IllegalArgumentException("a replicate has " + theta.length + " parameters, law "
                        + law.name() + " has " + law.parameterCount());
            }
        }
    }

    /**
     * Draws whose refits all converged (e.g. summaries of draws made elsewhere; gradients not recorded).
     *
     * @throws IllegalArgumentException unless {@code converged} is the number of replicates: with refits that did
     *                                  not converge, give each replicate's outcome
     */
    public BootstrapResult(LawForm law, double[][] replicates, int converged, int[] firstResample) {
        this(law, replicates, allConverged(replicates.length, converged), firstResample, new int[0], new int[0]);
    }

    /** Refits whose start identified every parameter, on resamples that each identify the law. */
    public BootstrapResult(LawForm law, double[][] replicates, List<Refit> refits, int[] firstResample) {
        this(law, replicates, refits, firstResample, new int[0], new int[0]);
    }

    /** Whether parameter j of θ was identified at the refits' start (see {@link #unidentified()}). */
    public boolean identified(int j) {
        return Arrays.binarySearch(unidentified, j) < 0;
    }

    private static List<Refit> allConverged(int replicates, int converged) {
        if (converged != replicates) {
            throw new IllegalArgumentException("only " + converged + " of " + replicates + " refits converged: "
                    + "give the outcome of each replicate");
        }
        return java.util.Collections.nCopies(replicates,
                new Refit(LbfgsOutcome.Status.CONVERGED_REDUCTION, Double.NaN, true, false));
    }

    /** How many refits met a convergence test and ended at a tested minimum (see {@link Refit#converged()}). */
    public int converged() {
        return (int) refits.stream().filter(Refit::converged).count();
    }

    /** The replicates whose refit stalled at the precision floor (see {@link Refit#atPrecisionFloor()}), in order. */
    public int[] atPrecisionFloor() {
        return java.util.stream.IntStream.range(0, refits.size()).filter(r -> refits.get(r).atPrecisionFloor())
                .toArray();
    }

    /** The replicates whose refit was polished (see {@link Refit#polished()}), in order. */
    public int[] polished() {
        return java.util.stream.IntStream.range(0, refits.size()).filter(r -> refits.get(r).polished()).toArray();
    }

    /** The replicates whose refit failed (see {@link Refit#failed()}), in order. */
    public int[] failed() {
        return java.util.stream.IntStream.range(0, refits.size()).filter(r -> refits.get(r).failed()).toArray();
    }

    @Override
    public double[][] replicates() {
        return Arrays.stream(replicates).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public int[] firstResample() {
        return firstResample.clone();
    }

    @Override
    public int[] unidentified() {
        return unidentified.clone();
    }

    @Override
    public int[] unidentifiedResamples() {
        return unidentifiedResamples.clone();
    }

    /** B, the number of replicates. */
    public int count() {
        return replicates.length;
    }

    /** Replicate r in the untransformed parameterisation [α_1 … α_k, e^{c_1} … e^{c_k}, e^e]. */
    public double[] untransformed(int r) {
        return untransform(replicates[r], law.arity());
    }

    static double[] untransform(double[] theta, int arity) {
        double[] out = theta.clone();
        for (int j = arity; j < out.length; j++) {
            out[j] = Math.exp(out[j]);
        }
        return out;
    }

    private double[][] draws(boolean untransformed) {
        double[][] draws = new double[replicates.length][];
        for (int r = 0; r < replicates.length; r++) {
            draws[r] = untransformed ? untransformed(r) : replicates[r].clone();
        }
        return draws;
    }

    /** The sample covariance (divisor B − 1) of the log-space draws. */
    public double[][] covariance() {
        return covariance(draws(false));
    }

    /** The sample covariance (divisor B − 1) of the untransformed draws. */
    public double[][] untransformedCovariance() {
        return covariance(draws(true));
    }

    /** √diag of {@link #covariance()}. */
    public double[] standardErrors() {
        return sqrtDiagonal(covariance());
    }

    /** √diag of {@link #untransformedCovariance()}. */
    public double[] untransformedStandardErrors() {
        return sqrtDiagonal(untransformedCovariance());
    }

    /** The p-th percentile (0 ≤ p ≤ 100, linear interpolation) of each log-space parameter. */
    public double[] percentile(double p) {
        return percentile(draws(false), p);
    }

    /** The p-th percentile (0 ≤ p ≤ 100, linear interpolation) of each untransformed parameter. */
    public double[] untransformedPercentile(double p) {
        return percentile(draws(true), p);
    }

    static double[][] covariance(double[][] draws) {
        int b = draws.length;
        int m = draws[0].length;
        double[] mean = new double[m];
        for (double[] draw : draws) {
            for (int j = 0; j < m; j++) {
                mean[j] += draw[j];
            }
        }
        for (int j = 0; j < m; j++) {
            mean[j] /= b;
        }
        double[][] cov = new double[m][m];
        for (double[] draw : draws) {
            for (int i = 0; i < m; i++) {
                double di = draw[i] - mean[i];
                for (int j = i; j < m; j++) {
                    cov[i][j] += di * (draw[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                cov[i][j] /= b - 1;
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }

    /**
     * Per column, the p-th percentile (0 ≤ p ≤ 100) of the draws, linearly interpolated between order statistics
     * (NumPy's default, Hyndman–Fan type 7).
     */
    public static double[] percentile(double[][] draws, double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], was " + p);
        }
        int b = draws.length;
        int m = draws[0].length;
        double[] out = new double[m];
        double[] column = new double[b];
        double h = (b - 1) * p / 100;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, b - 1);
        double fraction = h - low;
        for (int j = 0; j < m; j++) {
            for (int r = 0; r < b; r++) {
                column[r] = draws[r][j];
            }
            Arrays.sort(column);
            out[j] = column[low] + fraction * (column[high] - column[low]);
        }
        return out;
    }

    private static double[] sqrtDiagonal(double[][] cov) {
        double[] out = new double[cov.length];
        for (int i = 0; i < cov.length; i++) {
            out[i] = Math.sqrt(cov[i][i]);
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BootstrapResult that && law.equals(that.law) && refits.equals(that.refits)
                && Arrays.deepEquals(replicates, that.replicates) && Arrays.equals(firstResample, that.firstResample)
                && Arrays.equals(unidentifiedResamples, that.unidentifiedResamples);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(law, refits, Arrays.deepHashCode(replicates), Arrays.hashCode(firstResample),
                Arrays.hashCode(unidentifiedResamples));
    }

    @Override
    public String toString() {
        return "BootstrapResult[" + law.name() + ", B=" + replicates.length + ", converged=" + converged() + "]";
    }
}
