package org.scalefit.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlopBucketsTest {

    @Test
    void gemstonesEdgesAreNumpys() {
        // repr(10 ** np.linspace(np.log10(1e18), np.log10(1e26), num=14)), /usr/bin/python3, numpy 1.24.2
        assertThat(FlopBuckets.gemstones().edges()).containsExactly(1e18, 4.1246263829013647e+18,
                1.7012542798525858e+19, 7.017038286703836e+19, 2.89426612471674e+20, 1.1937766417144357e+21,
                4.923882631706752e+21, 2.0309176209047305e+22, 8.376776400682923e+22, 3.455107294592233e+23,
                1.4251026703029964e+24, 5.878016072274924e+24, 2.4244620170823405e+25, 1e26);
    }

    @Test
    void bucketsAreLeftOpenRightClosedExceptTheFirst() {
        FlopBuckets buckets = FlopBuckets.gemstones();
        assertThat(buckets.count()).isEqualTo(13);
        assertThat(buckets.indexOf(1e18)).isZero();
        assertThat(buckets.indexOf(Math.nextDown(1e18))).isEqualTo(-1);
        assertThat(buckets.indexOf(buckets.upper(0))).isZero();
        assertThat(buckets.indexOf(Math.nextUp(buckets.upper(0)))).isEqualTo(1);
        assertThat(buckets.indexOf(1e26)).isEqualTo(12);
        assertThat(buckets.indexOf(Math.nextUp(1e26))).isEqualTo(-1);
        assertThat(buckets.indexOf(Double.NaN)).isEqualTo(-1);
    }

    @Test
    void rangesMustBeSensible() {
        assertThatThrownBy(() -> FlopBuckets.logSpaced(1e20, 1e18, 13)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlopBuckets.logSpaced(1e18, 1e26, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
