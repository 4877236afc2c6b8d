package org.scalefit.report.figure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void rainbowRunsFromMatplotlibsPurpleThroughGreenToRed() {
        // matplotlib: cm.rainbow(0.0) = (0.5, 0, 1), cm.rainbow(0.5) ≈ (0.5, 1, 0.707), cm.rainbow(1.0) = (1, 0, 0)
        assertThat(Palette.rainbow(0)).isEqualTo("#8000ff");
        assertThat(Palette.rainbow(0.5)).isEqualTo("#80ffb4");
        assertThat(Palette.rainbow(1)).isEqualTo("#ff0000");
        assertThat(Palette.rainbow(2)).isEqualTo(Palette.rainbow(1));
    }
}
