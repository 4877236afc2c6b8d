package org.scalefit.law.expr;

import static org.assertj.core.api.Assertions.assertThat;
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
}
