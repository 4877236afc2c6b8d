package org.scalefit.uncertainty;

import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The Wald χ² test of all parameters at once against reference values, as Epoch AI test their fit against
 * Hoffmann et al.'s (Besiroglu et al. 2024, §3; {@code data_analysis.ipynb}, "Chi squared for equality of all
 * parameters"):
 * <pre>
 *   W = (θ₀ − θ̂)ᵀ Σ⁻¹ (θ₀ − θ̂)  ~  χ²_p under θ = θ₀
 * </pre>
 * with Σ the bootstrap covariance of the log-space θ ({@link BootstrapResult#covariance()}) and p its dimension
 * (5 for a Chinchilla law). With D = diag(√Σ_jj) and R = D⁻¹ΣD⁻¹ the correlation matrix, W = zᵀR⁻¹z for
 * z = D⁻¹(θ₀ − θ̂); R⁻¹z is solved by LU decomposition rather than by forming the inverse. Working with R makes the
 * test of singularity (a pivot below 10⁻¹¹) independent of the parameters' units: variances of 10⁻¹², as a bootstrap
 * of points a law fits to a millionth gives, are not mistaken for a singular Σ; a zero variance, or correlations
 * that leave R singular, are.
 *
 * @param difference  θ₀ − θ̂
 * @param test        W, p and the upper-tail p-value
 */
public record WaldTest(double[] difference, TestStatistic test) {

    public WaldTest {
        difference = difference.clone();
    }

    @Override
    public double[] difference() {
        return difference.clone();
    }

    /** The test of {@code estimate} against {@code reference} with {@code covariance} (all in the same order). */
    public static WaldTest of(double[] estimate, double[] reference, double[][] covariance) {
        int p = estimate.length;
        if (reference.length != p || covariance.length != p) {
            throw new IllegalArgumentException("estimate, reference and covariance must have the same dimension, got "
                    + p + ", " + reference.length + " and " + covariance.length);
        }
        double[] difference = new double[p];
        double[] deviation = new double[p];
        double[] z = new double[p];
        for (int j = 0; j < p; j++) {
            difference[j] = reference[j] - estimate[j];
            deviation[j] = Math.sqrt(covariance[j][j]);
            if (!(deviation[j] > 0) || !Double.isFinite(deviation[j])) {
                throw new IllegalArgumentException("the bootstrap covariance is singular (parameter " + j
                        + " has variance " + covariance[j][j] + "): no Wald test");
            }
            z[j] = difference[j] / deviation[j];
        }
        RealMatrix correlation = MatrixUtils.createRealMatrix(p, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                correlation.setEntry(i, j, covariance[i][j] / (deviation[i] * deviation[j]));
            }
        }
        LUDecomposition lu = new LUDecomposition(correlation);
        if (!lu.getSolver().isNonSingular()) {
            throw new IllegalArgumentException("the bootstrap covariance is singular: no Wald test");
        }
        double[] solved = lu.getSolver().solve(MatrixUtils.createRealVector(z)).toArray();
        double w = 0;
        for (int j = 0; j < p; j++) {
            w += z[j] * solved[j];
        }
        return new WaldTest(difference, TestStatistic.chiSquaredUpperTail(w, p));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WaldTest that && java.util.Arrays.equals(difference, that.difference)
                && test.equals(that.test);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(difference) + test.hashCode();
    }

    @Override
    public String toString() {
        return "WaldTest[" + test + "]";
    }
}
