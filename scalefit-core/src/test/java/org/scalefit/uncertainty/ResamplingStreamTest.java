package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResamplingStreamTest {

    @Test
    void numpyStreamReproducesEpochsFirstResample() {
        // np.random.seed(42); np.random.choice(rows 5…244, 240): CSV rows 107, 184, 97, 19, 111, 76, 193, 25, 107, 126
        int[][] resamples = ResamplingStream.NUMPY_RANDOM_STATE.resamples(42, 2, 240);
        assertThat(Arrays.copyOf(resamples[0], 10)).containsExactly(102, 179, 92, 14, 106, 71, 188, 20, 102, 121);
    }

    @Test
    void streamsAreReproducibleAndInRange() {
        for (ResamplingStream stream : ResamplingStream.values()) {
            int[][] a = stream.resamples(7, 20, 13);
            assertThat(stream.resamples(7, 20, 13)).isDeepEqualTo(a);
            assertThat(stream.resamples(8, 20, 13)).isNotEqualTo(a);
            assertThat(Arrays.stream(a).flatMapToInt(Arrays::stream)).allMatch(i -> i >= 0 && i < 13);
            assertThat(stream.resamples(7, 3, 1)).isDeepEqualTo(new int[3][1]);
        }
    }
}
