package org.scalefit.report.plot;

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

    @Test
    void runStylesKeepOneHundredAndFiftyRunsApart() {
        java.util.Set<SeriesStyle> styles = new java.util.HashSet<>();
        for (int i = 0; i < Palette.DISTINCT_RUN_STYLES; i++) {
            styles.add(Palette.runStyle(i));
        }

        assertThat(styles).hasSize(150);
    }

    @Test
    void theFirstFiftyRunStylesDifferInColourOrMarker() {
        java.util.Set<String> looks = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            looks.add(Palette.runStyle(i).color() + " " + Palette.runStyle(i).marker());
        }

        assertThat(looks).hasSize(50);
    }
}
