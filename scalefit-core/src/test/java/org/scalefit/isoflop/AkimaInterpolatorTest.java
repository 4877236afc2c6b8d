package org.scalefit.isoflop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Values from {@code scipy.interpolate.Akima1DInterpolator} (SciPy 1.x, method "akima"). */
class AkimaInterpolatorTest {

    @Test
    void matchesScipyIncludingTheEndIntervals() {
        AkimaInterpolator akima = AkimaInterpolator.of(new double[] {0.0, 1.0, 2.5, 3.0, 4.5},
                new double[] {1.0, 0.2, 0.3, 0.3, 2.0});
        double[] z = {0.0, 0.3, 1.0, 1.7, 2.5, 2.75, 3.0, 3.9, 4.5};
        double[] scipy = {1.0, 0.6456, 0.2, 0.2393738271604938, 0.3, 0.29842592592592593, 0.3, 1.0434666666666665,
            2.0};
        for (int i = 0; i < z.length; i++) {
            assertThat(akima.value(z[i])).as("z = " + z[i]).isCloseTo(scipy[i], within(1e-13 * Math.abs(scipy[i])));
        }
    }

    @Test
    void acceptsThreeNodesAsScipyDoes() {
        AkimaInterpolator akima = AkimaInterpolator.of(new double[] {0.0, 1.0, 3.0}, new double[] {2.0, 1.0, 1.5});
        assertThat(akima.values(new double[] {0.0, 0.5, 2.0, 3.0})).containsExactly(2.0, 1.34375, 0.9375, 1.5);
    }

    @Test
    void doesNotExtrapolate() {
        AkimaInterpolator akima = AkimaInterpolator.of(new double[] {0.0, 1.0, 3.0}, new double[] {2.0, 1.0, 1.5});
        assertThat(akima.value(-1e-9)).isNaN();
        assertThat(akima.value(3.0000001)).isNaN();
    }

    @Test
    void refusesUnsortedOrTooFewNodes() {
        assertThatThrownBy(() -> AkimaInterpolator.of(new double[] {0, 1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> AkimaInterpolator.of(new double[] {0, 2, 1}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increasing");
    }
}
