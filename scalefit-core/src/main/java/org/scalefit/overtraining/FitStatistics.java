package org.scalefit.overtraining;

import java.util.Arrays;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.scalefit.data.CentredMoments;

/**
 * The least-squares statistics of a curve y ≈ f(x; p) fitted at p̂ to n points, as scipy's {@code curve_fit}
 * reports them (unweighted, {@code absolute_sigma=False}):
 * <pre>
 *   r_i = f(x_i; p̂) − y_i,   RSS = Σ r_i²,   R² = 1 − RSS / Σ (y_i − ȳ)²
 *   s² = RSS / (n − p),      Cov(p̂) = s²·(JᵀJ)⁻¹ with J_ij = ∂f(x_i; p̂)/∂p_j,   SE_j = √Cov_jj
 * </pre>
 * (JᵀJ)⁻¹ is taken from the singular value decomposition of J with its columns scaled to unit norm. When the
 * covariance is not determined — n ≤ p, or J is rank-deficient (a scaled singular value at most
 * max(n, p)·ε_machine times the largest, or a zero column) — every entry is +∞, as {@code curve_fit} returns it.
 * All values are NaN for a failed fit ({@link #undefined}).
 *
 * @param points           the number n of points
 * @param parameters       the number p of parameters
 * @param sumOfSquares     RSS
 * @param rSquared         R² (NaN when all y_i are equal)
 * @param residualVariance s² = RSS / (n − p) (+∞ when n ≤ p)
 * @param covariance       Cov(p̂), p × p, in the law's parameter order
 */
public record FitStatistics(int points, int parameters, double sumOfSquares, double rSquared,
                            double residualVariance, double[][] covariance) {

    public FitStatistics {
        if (covariance.length != parameters) {
            throw new IllegalArgumentException("the covariance must be " + parameters + " × " + parameters);
        }
        double[][] copy = new double[parameters][];
        for (int j = 0; j < parameters; j++) {
            if (covariance[j].length != parameters) {
                throw new IllegalArgumentException("the covariance must be " + parameters + " × " + parameters);
            }
            copy[j] = covariance[j].clone();
        }
        covariance = copy;
    }

    /**
     * The statistics of a fit from its Jacobian, residuals and observations.
     *
     * @param jacobian  J_ij = ∂f(x_i; p̂)/∂p_j, n rows of p values
     * @param residuals r_i = f(x_i; p̂) − y_i
     * @param observed  y_i
     * @throws IllegalArgumentException if the sizes disagree or there are no points
     */
    public static FitStatistics of(double[][] jacobian, double[] residuals, double[] observed) {
        int n = observed.length;
        if (n == 0 || jacobian.length != n || residuals.length != n) {
            throw new IllegalArgumentException("need one Jacobian row and one residual per point, got "
                    + jacobian.length + " rows, " + residuals.length + " residuals and " + n + " points");
        }
        int p = jacobian[0].length;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            rss += residuals[i] * residuals[i];
        }
        double tss = CentredMoments.sumOfSquares(observed);
        double rSquared = tss > 0 ? 1 - rss / tss : Double.NaN;
        double variance = n > p ? rss / (n - p) : Double.POSITIVE_INFINITY;
        double[][] inverse = n > p ? inverseNormalMatrix(jacobian, p) : null;
        double[][] covariance = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int m = 0; m < p; m++) {
                covariance[j][m] = inverse == null ? Double.POSITIVE_INFINITY : variance * inverse[j][m];
            }
        }
        return new FitStatistics(n, p, rss, rSquared, variance, covariance);
    }

    /** The statistics of a fit that failed: every value NaN. */
    public static FitStatistics undefined(int points, int parameters) {
        double[][] nan = new double[parameters][parameters];
        for (double[] row : nan) {
            Arrays.fill(row, Double.NaN);
        }
        return new FitStatistics(points, parameters, Double.NaN, Double.NaN, Double.NaN, nan);
    }

    /** The standard errors SE_j = √Cov_jj, in the law's parameter order. */
    public double[] standardErrors() {
        double[] errors = new double[parameters];
        for (int j = 0; j < parameters; j++) {
            errors[j] = Math.sqrt(covariance[j][j]);
        }
        return errors;
    }

    /** Cov(p̂); a copy. */
    @Override
    public double[][] covariance() {
        double[][] copy = new double[parameters][];
        for (int j = 0; j < parameters; j++) {
            copy[j] = covariance[j].clone();
        }
        return copy;
    }

    /** Whether the covariance is determined (finite). */
    public boolean determined() {
        return Arrays.stream(covariance).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite);
    }

    /** (JᵀJ)⁻¹ = D⁻¹·V·S⁻²·Vᵀ·D⁻¹ for J·D⁻¹ = U·S·Vᵀ, D the column norms; null if J is rank-deficient. */
    private static double[][] inverseNormalMatrix(double[][] jacobian, int p) {
        int n = jacobian.length;
        double[] norms = new double[p];
        for (double[] row : jacobian) {
            for (int j = 0; j < p; j++) {
                norms[j] = Math.hypot(norms[j], row[j]);
            }
        }
        for (double norm : norms) {
            if (!(norm > 0) || !Double.isFinite(norm)) {
                return null;
            }
        }
        double[][] scaled = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                scaled[i][j] = jacobian[i][j] / norms[j];
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(scaled, false));
        double[] singular = svd.getSingularValues();
        if (!(singular[p - 1] > Math.max(n, p) * Math.ulp(1.0) * singular[0])) {
            return null;
        }
        double[][] v = svd.getV().getData();
        double[][] inverse = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int m = 0; m < p; m++) {
                double sum = 0;
                for (int l = 0; l < p; l++) {
                    sum += v[j][l] * v[m][l] / (singular[l] * singular[l]);
                }
                inverse[j][m] = sum / (norms[j] * norms[m]);
            }
        }
        return inverse;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FitStatistics that && points == that.points && parameters == that.parameters
                && Double.compare(sumOfSquares, that.sumOfSquares) == 0 && Double.compare(rSquared, that.rSquared) == 0
                && Double.compare(residualVariance, that.residualVariance) == 0
                && Arrays.deepEquals(covariance, that.covariance);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(points, parameters, sumOfSquares, rSquared, residualVariance,
                Arrays.deepHashCode(covariance));
    }

    @Override
    public String toString() {
        return "FitStatistics[n=" + points + ", p=" + parameters + ", RSS=" + sumOfSquares + ", R²=" + rSquared
                + ", SE=" + Arrays.toString(standardErrors()) + "]";
    }
}
