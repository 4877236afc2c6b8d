package org.scalefit.io.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.law.expr.ParameterSpec;

/**
 * A parameter's scale, bounds and starts are checked together, as the user gave them: the user's {@code --start}
 * replaces the law's starts before the scale or bounds are checked against them; without {@code --start}, the law's
 * starts outside the new domain (the data-constrained law's R* = 0 on the log scale) are dropped with a note, and if
 * none is left the control is refused saying to give {@code --start}.
 */
class LawControlsScaleAndStartsTest {

    private static LawControls controls(List<String> log, Map<String, String> bounds, Map<String, String> starts) {
        return new LawControls(null, Map.of(), Map.of(), Map.of(), log, bounds, starts, null, null, null, null);
    }

    @Test
    void theLogScaleTakesTheUsersStartsInsteadOfTheLawsZeroStart() {
        LawControls.Controlled controlled = controls(List.of("R_D_star"), Map.of(), Map.of("R_D_star", "1,5,20"))
                .law("data-constrained", null);

        ParameterSpec spec = controlled.law().parameter("R_D_star");
        assertThat(spec.scale()).isEqualTo(ParameterSpec.Scale.LOG);
        assertThat(spec.starts()).containsExactly(1, 5, 20);
        assertThat(controlled.notes()).isEmpty();
    }

    @Test
    void theLogScaleWithoutStartsDropsTheLawsNonPositiveStartsWithANote() {
        LawControls.Controlled controlled = controls(List.of("R_N_star"), Map.of(), Map.of())
                .law("data-constrained", null);

        ParameterSpec spec = controlled.law().parameter("R_N_star");
        assertThat(spec.scale()).isEqualTo(ParameterSpec.Scale.LOG);
        assertThat(spec.starts()).containsExactly(20.0 / 3, 40.0 / 3, 20);
        assertThat(controlled.notes()).singleElement().asString()
                .contains("--log R_N_star", "drops the law's start 0", "--start R_N_star=");
    }

    @Test
    void boundsThatExcludeEveryStartOfTheLawAreRefusedSayingToGiveStarts() {
        LawControls controls = controls(List.of(), Map.of("R_D_star", "100:"), Map.of());

        assertThatThrownBy(() -> controls.law("data-constrained", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--bounds R_D_star=100:")
                .hasMessageContaining("none of the law's starts")
                .hasMessageContaining("give --start R_D_star=");
    }
}
