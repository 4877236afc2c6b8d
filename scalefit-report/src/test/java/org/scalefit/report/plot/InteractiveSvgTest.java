package org.scalefit.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InteractiveSvgTest {

    private static Figure figure() {
        return Figure.of("runs", "Runs", Axis.log("tokens"), Axis.linear("loss"))
                .with(Series.of("a<b & \"c\"", new double[] {1e9, 2e9, -1}, new double[] {3, 2.9, 2.8},
                        SeriesStyle.markers("#1f77b4")).withPointLabels(List.of("first", "second", "third")))
                .with(Series.of("hidden line", new double[] {1e9, 2e9}, new double[] {3, 3},
                        SeriesStyle.line("#000000")).hiddenFromLegend());
    }

    @Test
    void everyDrawablePointHasAHoverLabelWithItsSeriesLabelAndCoordinates() {
        String html = InteractiveSvg.html(figure());

        assertThat(count(html, "<circle [^>]*data-l=")).isEqualTo(2);
        assertThat(html).contains("data-l=\"a&lt;b &amp; &quot;c&quot;: second — tokens 2×10⁹, loss 2.9\"");
        assertThat(html).doesNotContain("third");
    }

    @Test
    void aPointLabelThatStartsWithTheSeriesNameIsNotPrefixedWithItAgain() {
        Figure figure = Figure.of("runs", "Runs", Axis.log("tokens"), Axis.linear("loss"))
                .with(Series.of("1024x28", new double[] {1e9}, new double[] {3}, SeriesStyle.markers("#1f77b4"))
                        .withPointLabels(List.of("1024x28, 10⁹ tokens (line 2)")));

        assertThat(InteractiveSvg.html(figure))
                .contains("data-l=\"1024x28, 10⁹ tokens (line 2) — tokens 10⁹, loss 3\"");
    }

    @Test
    void onlySeriesInTheLegendGetAClickableEntryPointingAtTheirGroup() {
        String html = InteractiveSvg.html(figure());

        assertThat(count(html, "<li data-s=")).isEqualTo(1);
        assertThat(html).contains("<li data-s=\"0\"").contains("<g class=\"series\" data-s=\"0\"")
                .contains("<g class=\"series\" data-s=\"1\"");
    }

    @Test
    void aColourKeyIsShownBesideTheLegendWithItsLabelledValuesAndItsGradient() {
        ColorKey key = ColorKey.of("parameters N", Scale.LOG, 1e8, 1e10);

        String html = InteractiveSvg.html(figure().withColorKey(key));

        assertThat(html).contains("parameters N").contains(">10⁸<").contains(">10¹⁰<")
                .contains("stop-color=\"" + key.color(1e8) + "\"").contains("stop-color=\"" + key.color(1e10) + "\"");
        assertThat(InteractiveSvg.html(figure())).doesNotContain("stop-color");
    }

    @Test
    void theColourKeyUnderItsNarrowBarLabelsThePowersOfTenAndItsEndsAndLeavesOutLabelsThatWouldTouch() {
        ColorKey key = ColorKey.of("parameters N", Scale.LOG, 5e7, 2e9);

        String html = InteractiveSvg.html(figure().withColorKey(key));

        assertThat(html).contains(">10⁸<").contains(">10⁹<").contains(">5×10⁷<").contains(">2×10⁹<");
        assertThat(key.ticks().labels()).contains("2×10⁸", "3×10⁸");
        assertThat(html).doesNotContain(">3×10⁸<");
    }

    @Test
    void theSvgReferencesNothingOutsideThePage() {
        String html = InteractiveSvg.html(figure().withColorKey(ColorKey.of("N", Scale.LOG, 1e8, 1e10)));

        assertThat(html).doesNotContain("http").doesNotContain("xmlns").doesNotContain("href");
    }

    @Test
    void theSameFigureGivesTheSameText() {
        assertThat(InteractiveSvg.html(figure())).isEqualTo(InteractiveSvg.html(figure()));
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
