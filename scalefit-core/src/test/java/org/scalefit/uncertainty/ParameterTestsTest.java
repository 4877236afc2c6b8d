package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalefit.law.LawForm;

class ParameterTestsTest {

    private static final double[] ESTIMATE = {0.35, 0.37, 6.2, 7.6, 0.6};
    private static final double[] REFERENCE = {0.34, 0.28, 6.0, 6.0, 0.5};

    /** Four draws per parameter spread around the estimate. */
    private static BootstrapResult bootstrap() {
        double[][] draws = {{0.33, 0.35, 6.0, 7.0, 0.58}, {0.36, 0.40, 6.4, 8.1, 0.61}, {0.35, 0.36, 6.1, 7.5, 0.60},
                {0.37, 0.38, 6.3, 7.9, 0.62}};
        return new BootstrapResult(LawForm.CHINCHILLA, draws, 4, new int[] {0});
    }

    @Test
    void logSpaceTestDividesTheDifferenceByTheBootstrapStandardError() {
        BootstrapResult bootstrap = bootstrap();
        ParameterTests tests = ParameterTests.logSpace(ESTIMATE, REFERENCE, bootstrap, 40);
        double[] se = bootstrap.standardErrors();
        for (int j = 0; j < 5; j++) {
            TestStatistic test = tests.tests().get(j);
            assertThat(test.value()).isCloseTo((ESTIMATE[j] - REFERENCE[j]) / se[j], within(1e-12));
            assertThat(test.degreesOfFreedom()).isEqualTo(35);
            assertThat(test.pValue()).isEqualTo(TestStatistic.studentTwoSided(test.value(), 35).pValue());
        }
        assertThat(tests.untransformed()).isFalse();
    }

    @Test
    void untransformedTestExponentiatesCoefficientsAndFloorOnly() {
        BootstrapResult bootstrap = bootstrap();
        ParameterTests tests = ParameterTests.untransformed(ESTIMATE, REFERENCE, bootstrap, 40);
        double[] se = bootstrap.untransformedStandardErrors();
        assertThat(tests.tests().get(0).value()).isCloseTo((0.35 - 0.34) / se[0], within(1e-12));
        assertThat(tests.tests().get(3).value())
                .isCloseTo((Math.exp(7.6) - Math.exp(6.0)) / se[3], within(1e-12));
        assertThat(tests.estimate()[4]).isEqualTo(Math.exp(0.6));
        assertThat(tests.reference()[2]).isEqualTo(Math.exp(6.0));
        assertThat(tests.untransformed()).isTrue();
    }

    @Test
    void needsMorePointsThanParameters() {
        assertThatThrownBy(() -> ParameterTests.logSpace(ESTIMATE, REFERENCE, bootstrap(), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more points than parameters");
    }
}
