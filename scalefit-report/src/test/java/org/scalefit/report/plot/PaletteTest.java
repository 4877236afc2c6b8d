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
    void viridisRunsFromMatplotlibsDarkPurpleThroughTealToYellowAndDarkensMonotonically() {
        // matplotlib: cm.viridis(0) = #440154, cm.viridis(0.5) = #21918c, cm.viridis(1) = #fde725
        assertThat(Palette.viridis(0)).isEqualTo("#440154");
        assertThat(Palette.viridis(0.5)).isEqualTo("#21908c");
        assertThat(Palette.viridis(1)).isEqualTo("#fde725");
        double previous = -1;
        for (int i = 0; i <= 100; i++) {
            int[] rgb = new SeriesStyle(Palette.viridis(i / 100.0), SeriesStyle.Stroke.SOLID,
                    SeriesStyle.Marker.NONE, 1).rgb();
            double lightness = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
            assertThat(lightness).isGreaterThan(previous);
            previous = lightness;
        }
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
