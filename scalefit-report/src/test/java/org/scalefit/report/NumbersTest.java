package org.scalefit.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void numbersArePlainBetweenAThousandthAndAMillion() {
        assertThat(Numbers.format(0.72714, 4)).isEqualTo("0.7271");
        assertThat(Numbers.format(406.4, 4)).isEqualTo("406.4");
        assertThat(Numbers.format(-0.018391, 4)).isEqualTo("−0.01839");
        assertThat(Numbers.format(2.0, 4)).isEqualTo("2");
    }

    @Test
    void numbersOutsideAreWrittenWithAPowerOfTen() {
        assertThat(Numbers.format(3.14159e19, 4)).isEqualTo("3.142×10¹⁹");
        assertThat(Numbers.format(1e21, 4)).isEqualTo("10²¹");
        assertThat(Numbers.format(999_999.9, 4)).isEqualTo("10⁶");
        assertThat(Numbers.format(2.5e-5, 3)).isEqualTo("2.5×10⁻⁵");
    }

    @Test
    void valuesShownTogetherShareOneNotation() {
        assertThat(Numbers.formatTogether(new double[] {1e-3, 1e-4, 1e-5}, 3)).containsExactly("10⁻³", "10⁻⁴",
                "10⁻⁵");
        assertThat(Numbers.formatTogether(new double[] {0.5, 2.5e-3}, 3)).containsExactly("0.5", "0.0025");
        assertThat(Numbers.formatTogether(new double[] {0.5, 2.5e-5}, 3)).containsExactly("5×10⁻¹", "2.5×10⁻⁵");
    }

    @Test
    void intervalsFollowTheValue() {
        assertThat(Numbers.withInterval(0.4994, 0.4511, 0.5396, 4)).isEqualTo("0.4994 [0.4511, 0.5396]");
    }

    @Test
    void nonFiniteValuesAreNamed() {
        assertThat(Numbers.format(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.format(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
    }
}
