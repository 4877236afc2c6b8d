package org.scalefit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CentredMomentsTest {

    @Test
    void momentsAreTheCentredSumsAboutTheMeans() {
        CentredMoments moments = CentredMoments.of(new double[] {1, 2, 3, 4}, new double[] {2, 4, 5, 9});
        assertThat(moments.meanX()).isEqualTo(2.5);
        assertThat(moments.meanY()).isEqualTo(5.0);
        assertThat(moments.sxx()).isEqualTo(5.0);
        assertThat(moments.sxy()).isEqualTo(1.5 * 3 + 0.5 * 1 + 0.5 * 0 + 1.5 * 4);
        assertThat(moments.syy()).isEqualTo(9 + 1 + 0 + 16);
    }

    @Test
    void sumsAreTakenInIndexOrderAsTheTwoPassLoops() {
        double[] x = {0.1, 1e16, -1e16, 0.7, 3.3};
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        assertThat(CentredMoments.mean(x)).isEqualTo(mean);
        assertThat(CentredMoments.sumOfSquares(x)).isEqualTo(sum);
        assertThat(CentredMoments.of(x, x).sxx()).isEqualTo(sum);
    }

    @Test
    void correlationIsPearsonsAndNaNWithoutSpread() {
        assertThat(CentredMoments.of(new double[] {1, 2, 3}, new double[] {5, 3, 1}).correlation()).isEqualTo(-1.0);
        assertThat(CentredMoments.of(new double[] {1, 2, 3}, new double[] {4, 4, 4}).correlation()).isNaN();
    }

    @Test
    void pairsOfDifferentLengthsAreRejected() {
        assertThatThrownBy(() -> CentredMoments.of(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 and 3");
    }
}
