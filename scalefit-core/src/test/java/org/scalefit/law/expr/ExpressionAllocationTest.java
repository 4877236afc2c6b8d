package org.scalefit.law.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalefit.law.Allocation;
import org.scalefit.law.ComputeOptimalAllocation;

class ExpressionAllocationTest {

    @Test
    void chinchillaWrittenInTheLanguageHasTheClosedFormAllocation() {
        // Hoffmann et al. 2022's fit, as θ = (α, β, ln A, ln B, ln E)
        double[] theta = {0.3392, 0.2849, Math.log(406.4), Math.log(410.7), Math.log(1.69)};
        ExpressionLaw law = NamedLaws.named("chinchilla");
        for (double compute : new double[] {1e18, 5.76e23, 1e26}) {
            Allocation expected = ComputeOptimalAllocation.ofChinchillaParameters(theta).at(compute);
            Allocation actual = ExpressionAllocation.optimal(law, 0, theta, compute);
            assertThat(actual.params()).isCloseTo(expected.params(), within(1e-6 * expected.params()));
            assertThat(actual.tokens()).isCloseTo(expected.tokens(), within(1e-6 * expected.tokens()));
            assertThat(actual.predictedLoss()).isCloseTo(expected.predictedLoss(), within(1e-12));
        }
    }

    @Test
    void gadresLawOfParamsAndTokensPerParameterIsSplitWithMEqualToDOverN() {
        // L(N, M) = E + α·N^b + β·6^(b/2)·(M·N)^b is Chinchilla's form with A = α, B = β·6^(b/2) and both exponents
        // −b (Gadre et al. 2024): along C = 6·N·D its M is D/N = C/(6·N²), so its allocation is eq. 4's
        ExpressionLaw law = NamedLaws.named("gadre-overtraining");
        double[] theta = {300, 500, -0.3, 1.8};
        double[] chinchilla = {0.3, 0.3, Math.log(300), Math.log(500 * Math.pow(6, -0.15)), Math.log(1.8)};
        int params = ExpressionAllocation.paramsInput(law);
        for (double compute : new double[] {1e18, 1e21, 1e24}) {
            Allocation expected = ComputeOptimalAllocation.ofChinchillaParameters(chinchilla).at(compute);
            Allocation actual = ExpressionAllocation.optimal(law, params, theta, compute);
            assertThat(actual.params()).isCloseTo(expected.params(), within(1e-6 * expected.params()));
            assertThat(actual.tokens()).isCloseTo(expected.tokens(), within(1e-6 * expected.tokens()));
            assertThat(actual.predictedLoss()).isCloseTo(expected.predictedLoss(), within(1e-12));
        }
    }

    @Test
    void aLawThatKeepsImprovingAlongTheBudgetLineHasNoAllocation() {
        // α = 0: A/N^α is a constant, so at fixed C the loss falls with D = C/(6N) forever, towards N → 0
        ExpressionLaw law = ExpressionFitTest.logScaleChinchilla();
        double[] flat = {1.6, 130, 148, 0, 0.235};
        assertThatThrownBy(() -> ExpressionAllocation.optimal(law, 0, flat, 1e21))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no compute-optimal allocation");
        // a negative coefficient: -A/N^α falls without bound as N → 0
        double[] negative = {1.6, -130, 148, 0.25, 0.235};
        assertThatThrownBy(() -> ExpressionAllocation.optimal(law, 0, negative, 1e21))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no compute-optimal allocation");
    }

    @Test
    void aSmallButPositiveExponentStillHasItsClosedFormAllocation() {
        // α = 0.02: N_opt(10²¹) ≈ 1.65·10¹⁴, D/N ≈ 6·10⁻⁹, inside the searched range
        double[] theta = {0.02, 0.235, Math.log(130), Math.log(148), Math.log(1.6)};
        Allocation expected = ComputeOptimalAllocation.ofChinchillaParameters(theta).at(1e21);
        Allocation actual = ExpressionAllocation.optimal(NamedLaws.named("chinchilla"), 0, theta, 1e21);
        assertThat(actual.params()).isCloseTo(expected.params(), within(1e-6 * expected.params()));
    }
}
