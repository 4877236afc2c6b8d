package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TestStatisticTest {

    @Test
    void studentTwoSidedPValueMatchesScipy() {
        // 2 * scipy.stats.t.sf(|t|, ν)
        assertThat(TestStatistic.studentTwoSided(2.0, 10).pValue()).isCloseTo(0.07338803477074039, within(1e-15));
        assertThat(TestStatistic.studentTwoSided(-0.5, 3).pValue()).isCloseTo(0.651447964848151, within(1e-14));
        assertThat(TestStatistic.studentTwoSided(12.0, 235).pValue())
                .isCloseTo(3.4159222595732196e-26, within(1e-12 * 3.4159222595732196e-26));
    }

    @Test
    void chiSquaredUpperTailKeepsTinyPValues() {
        // scipy.stats.chi2.sf(x, 5): 1 − cdf would round the first to 0
        assertThat(TestStatistic.chiSquaredUpperTail(238.40327428469573, 5).pValue())
                .isCloseTo(1.6889911367506752e-49, within(1e-12 * 1.6889911367506752e-49));
        assertThat(TestStatistic.chiSquaredUpperTail(84.0, 5).pValue())
                .isCloseTo(1.2197916546792866e-16, within(1e-12 * 1.2197916546792866e-16));
        assertThat(TestStatistic.chiSquaredUpperTail(3.0, 5).pValue()).isCloseTo(0.6999858358786276, within(1e-14));
        assertThat(TestStatistic.chiSquaredUpperTail(0.0, 5).pValue()).isEqualTo(1.0);
    }
}
