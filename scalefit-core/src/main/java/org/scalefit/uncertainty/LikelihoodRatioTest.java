package org.scalefit.uncertainty;

import java.util.Arrays;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

/**
 * The likelihood-ratio test of a fitted law against reference parameters under the Huber likelihood with a fitted
 * scale ({@link HuberLikelihoodObjective}), as Epoch AI test their fit against Hoffmann et al.'s (Besiroglu et al.
 * 2024, §3; {@code data_analysis.ipynb}, "Likelihood test"): for each law the scale alone is refitted on the points
 * with θ held fixed ({@link HuberLikelihoodObjective#bestLogScale}), and
 * <pre>
 *   ℓ(θ) = −min_s NLL(θ, s),   Λ = −2·(ℓ(θ₀) − ℓ(θ̂))  ~  χ²_p
 * </pre>
 * with p = 2k + 1 the number of law parameters (6 parameters fitted for θ̂, 1 for θ₀: 5 degrees of freedom for a
 * Chinchilla law). θ̂ need not have been fitted on these points: Epoch's "with outliers" test keeps the estimate from
 * the 240 points and evaluates both laws on all 245.
 *
 * @param points                     number of points the likelihoods are evaluated on
 * @param referenceLogScale          s refitted for θ₀
 * @param referenceLogLikelihood     ℓ(θ₀)
 * @param estimateLogScale           s refitted for θ̂
 * @param estimateLogLikelihood      ℓ(θ̂)
 * @param test                       Λ, p and the upper-tail p-value
 */
public record LikelihoodRatioTest(int points, double referenceLogScale, double referenceLogLikelihood,
                                  double estimateLogScale, double estimateLogLikelihood, TestStatistic test) {

    /** The test of {@code estimate} against {@code reference} (θs of {@code law}) on {@code observations}. */
    public static LikelihoodRatioTest of(LawForm law, Observations observations, double delta, double[] estimate,
                                         double[] reference) {
        HuberLikelihoodObjective objective = HuberLikelihoodObjective.of(law, observations, delta);
        double referenceScale = objective.bestLogScale(reference);
        double estimateScale = objective.bestLogScale(estimate);
        double referenceLikelihood = -objective.value(withScale(reference, referenceScale));
        double estimateLikelihood = -objective.value(withScale(estimate, estimateScale));
        double lambda = -2 * (referenceLikelihood - estimateLikelihood);
        return new LikelihoodRatioTest(observations.size(), referenceScale, referenceLikelihood, estimateScale,
                estimateLikelihood, TestStatistic.chiSquaredUpperTail(lambda, law.parameterCount()));
    }

    private static double[] withScale(double[] theta, double logScale) {
        double[] x = Arrays.copyOf(theta, theta.length + 1);
        x[theta.length] = logScale;
        return x;
    }
}
