package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

class ResidualComparisonTest {

    private static final Observations POINTS = new Observations("five", List.of("params", "tokens"),
            new double[][] {{1e8, 2e9}, {3e8, 5e9}, {1e9, 2e10}, {3e9, 6e10}, {1e10, 2e11}},
            new double[] {3.3, 3.0, 2.6, 2.4, 2.2});

    @Test
    void matchesScipysPooledTwoSampleTTestOnLossResiduals() {
        double[] reference = {0.34, 0.28, Math.log(406.4), Math.log(410.7), Math.log(1.69)};
        double[] estimate = {0.35, 0.37, Math.log(480.0), Math.log(2085.0), Math.log(1.82)};
        ResidualComparison comparison = ResidualComparison.of(LawForm.CHINCHILLA, POINTS, reference, estimate);
        // scipy.stats.ttest_ind(L − law(reference), L − law(estimate), equal_var=True)
        assertThat(comparison.test().value()).isCloseTo(-1.670061018706926, within(1e-12));
        assertThat(comparison.test().pValue()).isCloseTo(0.13345569304128913, within(1e-12));
        assertThat(comparison.test().degreesOfFreedom()).isEqualTo(8);
        assertThat(comparison.referenceMeanResidual()).isCloseTo(-0.0080329139311063, within(1e-14));
        assertThat(comparison.estimateMeanResidual()).isCloseTo(0.08651075978739167, within(1e-14));
        assertThat(comparison.referenceMeanSquare()).isCloseTo(0.00896292785177225, within(1e-14));
    }

    @Test
    void aLawComparedWithItselfHasNoDifference() {
        double[] theta = {0.34, 0.28, Math.log(406.4), Math.log(410.7), Math.log(1.69)};
        ResidualComparison comparison = ResidualComparison.of(LawForm.CHINCHILLA, POINTS, theta, theta);
        assertThat(comparison.test().value()).isZero();
        assertThat(comparison.test().pValue()).isCloseTo(1.0, within(1e-15));
    }
}
