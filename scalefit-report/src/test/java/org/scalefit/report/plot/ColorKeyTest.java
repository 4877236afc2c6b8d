package org.scalefit.report.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColorKeyTest {

    private final ColorKey sizes = ColorKey.of("parameters N", Scale.LOG, 1e8, 1e10);

    @Test
    void theLowestValueIsDarkestViridisAndTheHighestStopsShortOfItsPaleYellow() {
        assertThat(sizes.color(1e8)).isEqualTo(Palette.viridis(0));
        assertThat(sizes.color(1e10)).isEqualTo(Palette.viridis(ColorKey.TOP));
        assertThat(sizes.color(1e9)).isEqualTo(Palette.viridis(ColorKey.TOP / 2));
        assertThat(sizes.color(1e12)).isEqualTo(sizes.color(1e10));
    }

    @Test
    void aLinearKeyPlacesValuesLinearly() {
        ColorKey linear = ColorKey.of("x", Scale.LINEAR, 0, 10);

        assertThat(linear.color(2.5)).isEqualTo(Palette.viridis(ColorKey.TOP / 4));
    }

    @Test
    void theKeyLabelsAFewValuesInsideItsRangeAsTheAxesDo() {
        AxisTicks ticks = sizes.ticks();

        assertThat(ticks.labels()).containsExactly("10⁸", "3×10⁸", "10⁹", "3×10⁹", "10¹⁰");
        assertThat(ticks.values()).containsExactly(1e8, 3e8, 1e9, 3e9, 1e10);
    }

    @Test
    void aKeyNeedsARangeItsScaleCanShow() {
        assertThatThrownBy(() -> ColorKey.of("N", Scale.LOG, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColorKey.of("N", Scale.LOG, 10, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
