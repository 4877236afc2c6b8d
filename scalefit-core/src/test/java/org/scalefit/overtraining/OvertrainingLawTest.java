package org.scalefit.overtraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class OvertrainingLawTest {

    private static final OvertrainingLaw LAW = new OvertrainingLaw(166.2, 366.7, -0.2729, 1.837);

    @Test
    void lossIsTheCodesFormula() {
        double n = 1.4397952e9;
        double m = 640;
        double expected = 166.2 * Math.pow(n, -0.2729) + 366.7 * Math.pow(6, -0.2729 / 2) * Math.pow(m * n, -0.2729)
                + 1.837;
        assertThat(LAW.loss(n, m)).isCloseTo(expected, within(1e-14));
        assertThat(LAW.reducibleLoss(n, m)).isCloseTo(expected - 1.837, within(1e-14));
    }

    @Test
    void computeFormAgreesWithTheParamsFormAtCEqualsSixMNSquared() {
        qt().withFixedSeed(27L).forAll(doubles().between(1e6, 1e11), doubles().between(1, 1000), doubles().between(-0.9, -0.02))
                .checkAssert((n, m, b) -> {
                    OvertrainingLaw law = new OvertrainingLaw(150, 300, b, 1.8);
                    double compute = 6 * m * n * n;
                    assertThat(law.lossAtCompute(compute, m)).isCloseTo(law.loss(n, m),
                            within(1e-12 * law.loss(n, m)));
                });
    }

    @Test
    void paramsAndTokensFormHasOneExponentForNAndD() {
        qt().withFixedSeed(38L).forAll(doubles().between(1e6, 1e11), doubles().between(1, 1000)).checkAssert((n, m) -> {
            double d = m * n;
            double expected = LAW.irreducible() + LAW.alpha() * Math.pow(n, LAW.exponent())
                    + LAW.tokensCoefficient() * Math.pow(d, LAW.exponent());
            assertThat(LAW.loss(n, m)).isCloseTo(expected, within(1e-12 * expected));
        });
    }

    @Test
    void computeFormParametersAreDerivedAlgebraically() {
        OvertrainingLaw.ComputeForm form = LAW.computeForm();
        assertThat(form.eta()).isEqualTo(0.2729 / 2);
        assertThat(form.a()).isCloseTo(166.2 * Math.pow(6, 0.2729 / 2), within(1e-12));
        assertThat(form.b()).isEqualTo(366.7);
        assertThat(form.irreducible()).isEqualTo(1.837);
        OvertrainingLaw back = form.toParamsForm();
        assertThat(back.parameters()).containsExactly(LAW.parameters(), within(1e-12));
    }

    @Test
    void parameterVectorIsInTheCodesOrder() {
        assertThat(OvertrainingLaw.of(new double[] {1, 2, -3, 4})).isEqualTo(new OvertrainingLaw(1, 2, -3, 4));
        assertThat(LAW.parameters()).containsExactly(166.2, 366.7, -0.2729, 1.837);
        assertThatThrownBy(() -> OvertrainingLaw.of(new double[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 parameters");
    }

    @Test
    void downstreamLawIsAnExponentialDecayInLoss() {
        DownstreamErrorLaw law = new DownstreamErrorLaw(2.2, 0.71, 0.857);
        assertThat(law.error(2.5)).isCloseTo(0.857 - 2.2 * Math.exp(-0.71 * 2.5), within(1e-15));
        assertThat(DownstreamErrorLaw.of(new double[] {2.2, 0.71, 0.857})).isEqualTo(law);
        assertThat(law.parameters()).containsExactly(2.2, 0.71, 0.857);
    }

    @Test
    void predictionReportsTheRelativeErrorAgainstTheObservedValue() {
        Prediction prediction = new Prediction(2.0, 2.05);
        assertThat(prediction.relativeError()).isCloseTo(0.025, within(1e-15));
        assertThat(prediction.percentError()).isCloseTo(2.5, within(1e-13));
        assertThat(new Prediction(2.0, 1.95).relativeError()).isCloseTo(0.025, within(1e-15));
    }
}
