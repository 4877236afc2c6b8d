package org.scalefit.overtraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FitStatisticsTest {

    private static final double[] X = {1, 2, 3, 4, 5, 6};
    private static final double[] Y = {2.1, 3.9, 6.2, 7.8, 10.1, 12.2};

    /** The straight line y = c0 + c1·x by ordinary least squares, and its Jacobian rows (1, x_i). */
    private static FitStatistics lineStatistics() {
        int n = X.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += X[i] / n;
            meanY += Y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (X[i] - meanX) * (X[i] - meanX);
            sxy += (X[i] - meanX) * (Y[i] - meanY);
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double[][] jacobian = new double[n][];
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            jacobian[i] = new double[] {1, X[i]};
            residuals[i] = intercept + slope * X[i] - Y[i];
        }
        return FitStatistics.of(jacobian, residuals, Y);
    }

    @Test
    void standardErrorsOfAStraightLineAreTheTextbookOnes() {
        FitStatistics statistics = lineStatistics();
        int n = X.length;
        double meanX = 3.5;
        double sxx = 17.5;
        double s2 = statistics.sumOfSquares() / (n - 2);
        assertThat(statistics.residualVariance()).isCloseTo(s2, within(1e-15));
        assertThat(statistics.standardErrors()).containsExactly(new double[] {
            Math.sqrt(s2 * (1.0 / n + meanX * meanX / sxx)), Math.sqrt(s2 / sxx)}, within(1e-13));
        assertThat(statistics.covariance()[0][1]).isCloseTo(-s2 * meanX / sxx, within(1e-14));
        assertThat(statistics.determined()).isTrue();
    }

    @Test
    void rSquaredIsOneMinusTheResidualShareOfTheTotalSumOfSquares() {
        FitStatistics statistics = lineStatistics();
        double mean = 0;
        for (double y : Y) {
            mean += y / Y.length;
        }
        double total = 0;
        for (double y : Y) {
            total += (y - mean) * (y - mean);
        }
        assertThat(statistics.rSquared()).isCloseTo(1 - statistics.sumOfSquares() / total, within(1e-15));
        assertThat(statistics.rSquared()).isBetween(0.99, 1.0);
    }

    @Test
    void collinearJacobianColumnsLeaveTheCovarianceUndetermined() {
        double[][] jacobian = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            jacobian[i] = new double[] {X[i], 2 * X[i]};
        }
        FitStatistics statistics = FitStatistics.of(jacobian, new double[X.length], Y);
        assertThat(statistics.determined()).isFalse();
        assertThat(statistics.standardErrors()).containsOnly(Double.POSITIVE_INFINITY);
    }

    @Test
    void asManyPointsAsParametersLeaveTheCovarianceUndetermined() {
        FitStatistics statistics = FitStatistics.of(new double[][] {{1, 1}, {1, 2}}, new double[2], new double[] {1, 2});
        assertThat(statistics.residualVariance()).isInfinite();
        assertThat(statistics.standardErrors()).containsOnly(Double.POSITIVE_INFINITY);
    }

    @Test
    void theStatisticsOfAFailedFitAreNaN() {
        FitStatistics statistics = FitStatistics.undefined(10, 3);
        assertThat(statistics.sumOfSquares()).isNaN();
        assertThat(statistics.standardErrors()).hasSize(3).containsOnly(Double.NaN);
    }
}
