package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartGridTest {

    @Test
    void gemstonesGridsHave4500And135000And4050000Starts() {
        assertThat(StartGrid.gemstones(2).size()).isEqualTo(4_500);
        assertThat(StartGrid.gemstones(3).size()).isEqualTo(135_000);
        assertThat(StartGrid.gemstones(4).size()).isEqualTo(4_050_000);
    }

    @Test
    void startsAreEnumeratedLikeItertoolsProductWithTheLastParameterFastest() {
        StartGrid grid = StartGrid.gemstones(2);
        double[] theta = new double[5];
        grid.start(0, theta);
        assertThat(theta).containsExactly(0, 0, 0, 0, -1);
        grid.start(1, theta);
        assertThat(theta).containsExactly(0, 0, 0, 0, -0.5);
        grid.start(5, theta);
        assertThat(theta).containsExactly(0, 0, 0, 5, -1);
        grid.start(4_499, theta);
        assertThat(theta).containsExactly(2, 2, 25, 25, 1);
    }

    @Test
    void epochGridLoopsOverAlphaBetaEThenAB() {
        StartGrid grid = StartGrid.epoch();
        double[] theta = new double[5];
        grid.start(1, theta);
        // θ = [α, β, a, b, e]: the fastest loop is b
        assertThat(theta).containsExactly(0, 0, 0, 5, -1);
        grid.start(36, theta);
        assertThat(theta).containsExactly(0, 0, 0, 0, -0.5);
    }

    @Test
    void spreadingStrideIsCoprimeWithTheGridSize() {
        for (long n : new long[] {4_500, 135_000, 4_050_000, 7, 1}) {
            long stride = MultiStartFitter.spreadingStride(n);
            assertThat(java.math.BigInteger.valueOf(stride).gcd(java.math.BigInteger.valueOf(n)).longValue())
                    .isEqualTo(1);
        }
    }
}
