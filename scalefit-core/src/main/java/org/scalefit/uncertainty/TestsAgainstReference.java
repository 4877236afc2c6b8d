package org.scalefit.uncertainty;

import java.util.Optional;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

/**
 * Epoch AI's statistical tests of their Huber-likelihood estimate θ̂ ("Fit B") against Hoffmann et al.'s published
 * law θ₀ (Besiroglu et al. 2024, §3), all in one value:
 * <ul>
 *   <li>per-parameter t-tests with the bootstrap standard errors, ν = n − 5, untransformed as the notebook and in log
 *       space ({@link ParameterTests});</li>
 *   <li>the Wald χ² test (5 degrees of freedom) with the log-space bootstrap covariance ({@link WaldTest});</li>
 *   <li>Student's two-sample t-test of the two laws' loss residuals on the fitted points
 *       ({@link ResidualComparison});</li>
 *   <li>likelihood-ratio tests with the scale refitted for each law, on the fitted points and, when points were
 *       excluded before fitting (Epoch's 5 outliers), on all points with θ̂ unchanged
 *       ({@link LikelihoodRatioTest}).</li>
 * </ul>
 *
 * @param untransformed               t-tests of [α_1 … α_k, e^{c_1} … e^{c_k}, e^e]
 * @param logSpace                    t-tests of [α_1 … α_k, c_1 … c_k, e]
 * @param wald                        the joint test
 * @param residuals                   the residual comparison on the fitted points
 * @param likelihoodRatio             the likelihood-ratio test on the fitted points
 * @param likelihoodRatioAllPoints    the same on all points, when some were excluded from the fit
 */
public record TestsAgainstReference(ParameterTests untransformed, ParameterTests logSpace, WaldTest wald,
                                    ResidualComparison residuals, LikelihoodRatioTest likelihoodRatio,
                                    Optional<LikelihoodRatioTest> likelihoodRatioAllPoints) {

    /**
     * The tests of {@code estimate} against {@code reference} (θs of {@code law}), with {@code bootstrap} for the
     * standard errors and covariance and Huber threshold {@code delta} for the likelihood.
     *
     * @param fitted     the points θ̂ and the bootstrap were fitted on
     * @param all        all points, a superset of {@code fitted} ({@code fitted} itself when none were excluded)
     */
    public static TestsAgainstReference of(LawForm law, Observations fitted, Observations all, double delta,
                                           double[] estimate, double[] reference, BootstrapResult bootstrap) {
        if (!bootstrap.law().equals(law)) {
            throw new IllegalArgumentException("the bootstrap refitted law " + bootstrap.law().name() + ", not "
                    + law.name());
        }
        int n = fitted.size();
        Optional<LikelihoodRatioTest> allPoints = all.size() == n ? Optional.empty()
                : Optional.of(LikelihoodRatioTest.of(law, all, delta, estimate, reference));
        return new TestsAgainstReference(ParameterTests.untransformed(estimate, reference, bootstrap, n),
                ParameterTests.logSpace(estimate, reference, bootstrap, n),
                WaldTest.of(estimate, reference, bootstrap.covariance()),
                ResidualComparison.of(law, fitted, reference, estimate),
                LikelihoodRatioTest.of(law, fitted, delta, estimate, reference), allPoints);
    }
}
