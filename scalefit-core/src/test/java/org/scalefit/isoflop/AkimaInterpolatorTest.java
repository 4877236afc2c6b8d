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

    @Test
    void aReusedWorkspaceGivesExactlyTheValuesOfFreshInterpolants() {
        java.util.Random random = new java.util.Random(7);
        double[] x = {0.0, 0.4, 1.1, 1.5, 2.6, 3.0, 4.2};
        double[] z = new double[200];
        for (int i = 0; i < z.length; i++) {
            z[i] = x[0] + (x[x.length - 1] - x[0]) * i / (z.length - 1);
        }
        AkimaInterpolator.Workspace workspace = new AkimaInterpolator.Workspace(x);
        double[] reused = new double[z.length];
        double[] fresh = new double[z.length];
        for (int round = 0; round < 200; round++) {
            double[] y = new double[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = round % 10 == 0 ? 1.0 : random.nextGaussian();
            }
            workspace.fit(y);
            workspace.valuesAscending(z, reused);
            AkimaInterpolator.of(x, y).valuesAscending(z, fresh);
            assertThat(reused).containsExactly(fresh);
        }
        double[] notFinite = {1.0, 2.0, Double.NaN, 1.0, 0.5, 0.2, 0.1};
        assertThatThrownBy(() -> workspace.fit(notFinite)).isInstanceOf(IllegalArgumentException.class);
    }
}
