package org.scalefit.report.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RunStylesTest {

    private final RunStyles gemstones = RunStyles.gemstones();

    @Test
    void gemstonesRunsKeepTheColourAndLineOfTheStudysPlots() {
        // plotters/model_styles.json: "PyGemma-1024x28_pretrain": {"color": "#7f7f7f", "line_style": "--"}
        SeriesStyle style = gemstones.forRun("PyGemma-1024x28_pretrain", 0);

        assertThat(style.color()).isEqualTo("#7f7f7f");
        assertThat(style.stroke()).isEqualTo(SeriesStyle.Stroke.DASHED);
    }

    @Test
    void aRunNamedByItsShapeFindsTheStyleOfTheRunWithThatShape() {
        // "PyGemma-1280x15_pretrain": {"color": "#1f77b4", "line_style": "-"}
        assertThat(gemstones.forRun("1280x15", 7)).isEqualTo(gemstones.forRun("PyGemma-1280x15_pretrain", 0));
        assertThat(gemstones.forRun("1280x15", 7).color()).isEqualTo("#1f77b4");
    }

    @Test
    void anUnknownRunGetsThePaletteRunStyleOfItsPosition() {
        assertThat(gemstones.forRun("999x99", 3)).isEqualTo(Palette.runStyle(3));
        assertThat(gemstones.forRun("999x9", 13).color()).isEqualTo(Palette.categorical(3));
        assertThat(gemstones.forRun("999x9", 13).marker()).isNotEqualTo(gemstones.forRun("999x99", 3).marker());
    }

    @Test
    void twentyFiveUnknownRunsOfOneFigureGetTwentyFiveDistinctColourMarkerStyles() {
        java.util.List<String> names = java.util.stream.IntStream.range(0, 25).mapToObj(i -> "N = " + (i + 1) + "e7")
                .toList();

        java.util.Map<String, SeriesStyle> styles = RunStyles.none().forRuns(names);

        assertThat(styles).hasSize(25);
        assertThat(styles.values().stream().map(s -> s.color() + RunStyles.pointMarker(s)).distinct()).hasSize(25);
    }

    @Test
    void gemstonesRunsThatShareAColourAreToldApartByAMarker() {
        // model_styles.json gives #17becf "--" to two of the runs of gemstones:hot
        java.util.List<String> names = new java.util.ArrayList<>(gemstones.byName().keySet().stream()
                .filter(name -> name.startsWith("PyGemma-")).toList());

        java.util.Map<String, SeriesStyle> styles = gemstones.forRuns(names);

        assertThat(names).hasSizeGreaterThanOrEqualTo(20);
        assertThat(styles.values().stream().map(s -> s.color() + RunStyles.pointMarker(s)).distinct())
                .hasSize(names.size());
        assertThat(styles.get(names.get(0))).isEqualTo(gemstones.forRun(names.get(0), 0));
    }

    @Test
    void referenceLawsHaveTheirNamedStyle() {
        // "Chinchilla": {"color": "#e377c2", "line_style": ":"}, "Kaplan": {"color": "#8c564b", "line_style": "-"}
        SeriesStyle fallback = SeriesStyle.line("#000000");

        assertThat(gemstones.named("Chinchilla", fallback)).isEqualTo(SeriesStyle.dotted("#e377c2"));
        assertThat(gemstones.named("Kaplan", fallback)).isEqualTo(SeriesStyle.line("#8c564b"));
        assertThat(gemstones.named("nobody", fallback)).isEqualTo(fallback);
    }

    @Test
    void anUnknownLineStyleIsRejectedNamingTheEntry() {
        String json = "{\"run\": {\"color\": \"#123456\", \"line_style\": \"~~\"}}";

        assertThatThrownBy(() -> RunStyles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'run'")
                .hasMessageContaining("~~");
    }
}
