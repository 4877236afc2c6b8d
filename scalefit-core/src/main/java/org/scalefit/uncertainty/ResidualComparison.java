package org.scalefit.uncertainty;

import org.scalefit.data.CentredMoments;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

/**
 * Two laws' residuals on the same points compared by Student's two-sample t-test with pooled variance, as Epoch AI
 * compare Hoffmann et al.'s law with theirs (Besiroglu et al. 2024, §3; {@code data_analysis.ipynb}, after
 * {@code distributions_2.pdf}: {@code scipy.stats.ttest_ind(residuals, residuals_ours, equal_var=True)}):
 * <pre>
 *   u_i = L_i − L̂_θ₀(x_i),   v_i = L_i − L̂_θ̂(x_i)                  (residuals in loss, not log-loss)
 *   s_p² = ((n−1)·var(u) + (n−1)·var(v)) / (2n − 2)             (sample variances, divisor n − 1)
 *   t = (mean(u) − mean(v)) / (s_p·√(2/n)),   ν = 2n − 2
 * </pre>
 * t &gt; 0 when the reference law's residuals are on average the larger. The mean squared residuals (the
 * notebook's {@code mse} and {@code mse_ours}) are kept too.
 *
 * @param referenceMeanResidual     mean(u)
 * @param estimateMeanResidual      mean(v)
 * @param referenceMeanSquare       mean(u²)
 * @param estimateMeanSquare        mean(v²)
 * @param test                      t, ν and the two-sided p-value
 */
public record ResidualComparison(double referenceMeanResidual, double estimateMeanResidual,
                                 double referenceMeanSquare, double estimateMeanSquare, TestStatistic test) {

    /** The comparison of the residuals of {@code reference} (u) and {@code estimate} (v), θs of {@code law}. */
    public static ResidualComparison of(LawForm law, Observations observations, double[] reference,
                                        double[] estimate) {
        int n = observations.size();
        if (n < 2) {
            throw new IllegalArgumentException("a two-sample t-test needs at least 2 points per sample, got " + n);
        }
        double[] u = residuals(law, observations, reference);
        double[] v = residuals(law, observations, estimate);
        double meanU = CentredMoments.mean(u);
        double meanV = CentredMoments.mean(v);
        double pooled = (sumOfSquaredDeviations(u, meanU) + sumOfSquaredDeviations(v, meanV)) / (2.0 * n - 2);
        if (!(pooled > 0)) {
            throw new IllegalArgumentException("the residuals have no spread: the two-sample t-test is undefined");
        }
        double t = (meanU - meanV) / Math.sqrt(pooled * 2.0 / n);
        return new ResidualComparison(meanU, meanV, meanOfSquares(u), meanOfSquares(v),
                TestStatistic.studentTwoSided(t, 2.0 * n - 2));
    }

    private static double[] residuals(LawForm law, Observations observations, double[] theta) {
        if (theta.length != law.parameterCount()) {
            throw new IllegalArgumentException("law " + law.name() + " has " + law.parameterCount()
                    + " parameters, got " + theta.length);
        }
        double[] residuals = new double[observations.size()];
        for (int i = 0; i < residuals.length; i++) {
            double[] x = new double[law.arity()];
            for (int j = 0; j < x.length; j++) {
                x[j] = observations.input(i, j);
            }
            residuals[i] = observations.loss(i) - law.predict(theta, x);
        }
        return residuals;
    }

    private static double meanOfSquares(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return sum / values.length;
    }

    private static double sumOfSquaredDeviations(double[] values, double mean) {
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum;
    }
}
