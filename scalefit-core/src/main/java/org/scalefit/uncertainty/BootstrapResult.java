package org.scalefit.uncertainty;

import java.util.Arrays;
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
 * @param law                the law refitted
 * @param replicates         replicates[r] is the log-space θ of replicate r
 * @param converged          how many refits met a convergence test (all are kept, as in the original)
 * @param firstResample      the row indices of replicate 0, for checking the resampling stream
 */
public record BootstrapResult(LawForm law, double[][] replicates, int converged, int[] firstResample) {

    public BootstrapResult {
        replicates = Arrays.stream(replicates).map(double[]::clone).toArray(double[][]::new);
        firstResample = firstResample.clone();
    }

    @Override
    public double[][] replicates() {
        return Arrays.stream(replicates).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public int[] firstResample() {
        return firstResample.clone();
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

    static double[] percentile(double[][] draws, double p) {
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
        return other instanceof BootstrapResult that && law.equals(that.law) && converged == that.converged
                && Arrays.deepEquals(replicates, that.replicates) && Arrays.equals(firstResample, that.firstResample);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(law, converged, Arrays.deepHashCode(replicates), Arrays.hashCode(firstResample));
    }

    @Override
    public String toString() {
        return "BootstrapResult[" + law.name() + ", B=" + replicates.length + ", converged=" + converged + "]";
    }
}
