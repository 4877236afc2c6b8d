package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WaldTestTest {

    @Test
    void diagonalCovarianceGivesTheSumOfSquaredStandardisedDifferences() {
        double[] estimate = {1, 2, 3};
        double[] reference = {1.5, 1, 3.3};
        double[][] covariance = {{0.25, 0, 0}, {0, 4, 0}, {0, 0, 0.09}};
        WaldTest wald = WaldTest.of(estimate, reference, covariance);
        assertThat(wald.test().value()).isCloseTo(0.25 / 0.25 + 1 / 4.0 + 0.09 / 0.09, within(1e-12));
        assertThat(wald.test().degreesOfFreedom()).isEqualTo(3);
        assertThat(wald.difference()).containsExactly(0.5, -1, 3.3 - 3);
    }

    @Test
    void correlationLowersTheStatisticOfADifferenceAlongIt() {
        double[] estimate = {0, 0};
        double[] reference = {1, 1};
        double independent = WaldTest.of(estimate, reference, new double[][] {{1, 0}, {0, 1}}).test().value();
        double correlated = WaldTest.of(estimate, reference, new double[][] {{1, 0.9}, {0.9, 1}}).test().value();
        // dᵀΣ⁻¹d = 2/(1 + ρ) for d = (1, 1)
        assertThat(independent).isCloseTo(2, within(1e-12));
        assertThat(correlated).isCloseTo(2 / 1.9, within(1e-12));
    }

    @Test
    void singularCovarianceIsRejected() {
        assertThatThrownBy(() -> WaldTest.of(new double[] {0, 0}, new double[] {1, 1},
                new double[][] {{1, 1}, {1, 1}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("singular");
    }

    /**
     * W is invariant to the parameters' units: a covariance of variances 10⁻¹² (a bootstrap of points a law fits to
     * a millionth) with differences 10⁻⁶ gives the statistic of unit variances and unit differences, not "singular".
     */
    @Test
    void theStatisticDoesNotDependOnTheParametersUnits() {
        double[][] unit = {{1, 0.5, 0}, {0.5, 2, 0.3}, {0, 0.3, 1.5}};
        double[][] tiny = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                tiny[i][j] = 1e-12 * unit[i][j];
            }
        }
        double w = WaldTest.of(new double[] {0, 0, 0}, new double[] {1, -1, 2}, unit).test().value();
        double scaled = WaldTest.of(new double[] {0, 0, 0}, new double[] {1e-6, -1e-6, 2e-6}, tiny).test().value();
        assertThat(scaled).isCloseTo(w, within(1e-12 * w));
    }
}
