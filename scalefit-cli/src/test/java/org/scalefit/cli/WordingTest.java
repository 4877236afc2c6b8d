package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalefit.law.expr.Penalty;

/** {@link Wording#exact}: the shortest decimal that reads back as the same double, in the notation options take. */
class WordingTest {

    @Test
    void exactIsTheShortestDecimalThatReadsBackAsTheSameDouble() {
        for (double value : new double[] {1e-3, 2.5e-4, 0.1 + 0.2, 1.0 / 3, 4e9, 1.24e11, 0.01, 123.5, 6.02214076e23,
                Double.MIN_VALUE, Double.MAX_VALUE, -7.5e-6}) {
            String text = Wording.exact(value);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(value);
        }
        assertThat(Wording.exact(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @Test
    void exactWritesPowersOfTenAsTheOptionsTakeThemAndMidSizedNumbersPlain() {
        assertThat(Wording.exact(1e-3)).isEqualTo("1e-3");
        assertThat(Wording.exact(2.5e-4)).isEqualTo("2.5e-4");
        assertThat(Wording.exact(4e9)).isEqualTo("4e9");
        assertThat(Wording.exact(1.24e11)).isEqualTo("1.24e11");
        assertThat(Wording.exact(0.01)).isEqualTo("0.01");
        assertThat(Wording.exact(123.5)).isEqualTo("123.5");
        assertThat(Wording.exact(10)).isEqualTo("10");
        assertThat(Wording.exact(0)).isEqualTo("0");
    }

    @Test
    void aPenaltyNamesItsThresholdAsDelta() {
        assertThat(Wording.penalty(Penalty.huber(1e-3))).isEqualTo("huber, δ = 1e-3");
        assertThat(Wording.penalty(Penalty.overEstimate(1e-4, 10))).isEqualTo("over-estimate, δ = 1e-4, κ = 10");
        assertThat(Wording.penalty(Penalty.squared())).isEqualTo("squared");
    }
}
