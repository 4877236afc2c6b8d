package org.scalefit.isoflop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Python's {@code %.3g} and {@code %.2f}, as Porian et al.'s {@code paper_tables.py} prints Table 1. */
class IsoflopIntervalsTest {

    @Test
    void formatsLikePython() {
        assertThat(IsoflopIntervals.pythonG(0.8353000424913991, 3)).isEqualTo("0.835");
        assertThat(IsoflopIntervals.pythonG(0.5, 3)).isEqualTo("0.5");
        assertThat(IsoflopIntervals.pythonG(0.99999, 3)).isEqualTo("1");
        assertThat(IsoflopIntervals.pythonG(1234.5, 3)).isEqualTo("1.23e+03");
        assertThat(IsoflopIntervals.pythonG(0.0000123, 3)).isEqualTo("1.23e-05");
        assertThat(IsoflopIntervals.pythonF(0.125, 2)).isEqualTo("0.12");
        assertThat(IsoflopIntervals.pythonF(0.835, 2)).isEqualTo("0.83");
    }
}
