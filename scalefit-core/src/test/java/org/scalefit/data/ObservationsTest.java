package org.scalefit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationsTest {

    private static Observations withLosses(double... losses) {
        double[][] inputs = new double[losses.length][];
        for (int i = 0; i < losses.length; i++) {
            inputs[i] = new double[] {i + 1.0};
        }
        return new Observations("test", List.of("params"), inputs, losses);
    }

    @Test
    void dropHighestLossesKeepsOnlyLossesStrictlyBelowTheNthLargest() {
        Observations kept = withLosses(3, 5, 1, 4, 2).withoutHighestLosses(2);
        assertThat(kept.losses()).containsExactly(3, 1, 2);
    }

    @Test
    void dropHighestLossesAlsoDropsTiesAtTheThreshold() {
        Observations kept = withLosses(3, 4, 4, 1).withoutHighestLosses(1);
        assertThat(kept.losses()).containsExactly(3, 1);
    }

    @Test
    void rejectsNonPositiveOrNonFiniteValues() {
        assertThatThrownBy(() -> withLosses(1, 0)).hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> withLosses(1, Double.NaN)).hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> withLosses(Double.POSITIVE_INFINITY)).hasMessageContaining("positive and finite");
    }
}
