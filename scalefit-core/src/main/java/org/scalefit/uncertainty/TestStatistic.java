package org.scalefit.uncertainty;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Gamma;

/**
 * The outcome of one significance test: the statistic, the degrees of freedom of its null distribution and the
 * p-value. Two nulls are used by Epoch AI's tests of their fit against Chinchilla (Besiroglu et al. 2024, §3,
 * {@code data_analysis.ipynb}):
 * <ul>
 *   <li>Student's t, two-sided: p = 2·F_ν(−|t|) ({@code 2·scipy.stats.t.sf(|t|, ν)}), with F_ν the t cdf
 *       (Hipparchus {@link TDistribution}, which evaluates the tail directly as ½·I_{ν/(ν+t²)}(ν/2, ½));</li>
 *   <li>χ², upper tail: p = Q(k/2, x/2) ({@code scipy.stats.chi2.sf(x, k)}), the regularised upper incomplete
 *       gamma function that Hipparchus' {@code ChiSquaredDistribution} is built on, taken directly because
 *       1 − cdf loses every digit below 10⁻¹⁶ (the Wald test's p is about 10⁻⁴⁹).</li>
 * </ul>
 *
 * @param value             the statistic
 * @param degreesOfFreedom  ν or k of the null distribution
 * @param pValue            the probability under the null of a statistic at least as extreme
 */
public record TestStatistic(double value, double degreesOfFreedom, double pValue) {

    /** Student's t statistic {@code t} with ν degrees of freedom, two-sided. */
    public static TestStatistic studentTwoSided(double t, double degreesOfFreedom) {
        double p = Double.isNaN(t) ? Double.NaN
                : 2 * new TDistribution(degreesOfFreedom).cumulativeProbability(-Math.abs(t));
        return new TestStatistic(t, degreesOfFreedom, p);
    }

    /** A χ² statistic {@code x} with k degrees of freedom, upper tail. */
    public static TestStatistic chiSquaredUpperTail(double x, double degreesOfFreedom) {
        double p = x <= 0 ? 1 : Gamma.regularizedGammaQ(degreesOfFreedom / 2, x / 2);
        return new TestStatistic(x, degreesOfFreedom, p);
    }
}
