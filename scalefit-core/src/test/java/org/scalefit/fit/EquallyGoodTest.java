package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When two optima fit equally well: 10⁻⁹ of the best objective, or rounding when the law fits exactly. */
class EquallyGoodTest {

    @Test
    void onNoisyDataOptimaWithin1e9OfTheBestAreEquallyGood() {
        EquallyGood rule = EquallyGood.of(0.01, 1e-15, 1e-26);
        assertThat(rule.equallyGood(0.01, 0.01 + 0.9e-11)).isTrue();
        assertThat(rule.equallyGood(0.01, 0.01 + 1.1e-11)).isFalse();
        assertThat(rule.byRounding()).isFalse();
    }

    @Test
    void onAnExactFitOptimaWithinTheExactFitLevelAreEquallyGoodThoughTheirObjectivesAreNoiseManyTimesApart() {
        EquallyGood rule = EquallyGood.of(4e-32, 0, 1e-26);
        assertThat(rule.equallyGood(4e-32, 3e-31)).isTrue();
        assertThat(rule.equallyGood(4e-32, 1e-20)).isFalse();
        assertThat(rule.byRounding()).isTrue();
    }

    @Test
    void theExactFitLevelIsTheObjectiveAtResidualsOfRoundingSize() {
        double u = EquallyGood.ROUNDING_ULPS * Math.ulp(1.0) * Math.log(3.0);
        double level = EquallyGood.exactFitLevel(new double[] {3.0, 0.5}, new double[] {2, 1}, true,
                v -> EquallyGood.huber(1e-3, v));
        double smallest = EquallyGood.ROUNDING_ULPS * Math.ulp(1.0);
        assertThat(level).isEqualTo(2 * u * u / 2 + smallest * smallest / 2);
    }
}
