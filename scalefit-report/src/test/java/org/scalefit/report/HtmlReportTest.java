package org.scalefit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.report.plot.Axis;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Series;
import org.scalefit.report.plot.SeriesStyle;

class HtmlReportTest {

    @TempDir
    Path folder;

    private static Report report(Provenance provenance) {
        Figure loss = Figure.of("loss", "Loss against FLOPs", Axis.log("FLOPs"), Axis.log("loss"))
                .with(Series.of("run <1>", new double[] {1e18, 1e19, 1e20}, new double[] {3.5, 3.0, 2.7},
                        SeriesStyle.markers("#1f77b4")).withPointLabels(List.of("a", "b", "c")));
        Figure ratio = Figure.of("ratio", "Tokens per parameter", Axis.log("FLOPs"), Axis.linear("D/N"))
                .with(Series.of("policy", new double[] {1e18, 1e22}, new double[] {20, 25}, SeriesStyle.line("#000000")));
        Section first = Section.of("first", "First analysis").withText("Some text & more.")
                .withFacts(List.of(new Block.Fact("slope", Numbers.withInterval(0.5, 0.45, 0.55, 3), "95 %")))
                .withTable("numbers", List.of("name", "value"), List.of(List.of("x", "3.142×10¹⁹"),
                        List.of("y", "text")))
                .withFigure(loss, "A caption.");
        Section second = Section.of("second", "Second analysis").withFigure(ratio, "");
        return new Report("Test report", List.of(first, second), provenance);
    }

    private static Provenance provenance(boolean runDetails) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--data", "gemstones:hot");
        options.put("--delta", "1e-4");
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("fit", 1.25);
        Provenance full = new Provenance("0.1.0", List.of(new Provenance.DataSource("gemstones:hot", "ab12",
                "220 rows")), options, "2026-11-25T12:00:00Z", seconds);
        return runDetails ? full : full.withoutRunDetails();
    }

    @Test
    void thePageLoadsNothingFromOutside() {
        String html = HtmlReport.html(report(provenance(true)));

        assertThat(html).doesNotContainIgnoringCase("http").doesNotContain("//").doesNotContain("src=")
                .doesNotContain("<link").doesNotContain("@import").doesNotContain("xmlns");
        Matcher links = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (links.find()) {
            assertThat(links.group(1)).matches("#[a-z0-9-]+|figures/[a-z0-9-]+\\.(png|svg)");
        }
    }

    @Test
    void onANarrowWindowFactsStackAndLongValuesBreak() {
        String html = HtmlReport.html(report(provenance(false)));

        assertThat(html).contains("@media (max-width: 640px)")
                .contains("dl.facts { grid-template-columns: 1fr; }")
                .contains("dl.facts dd { min-width: 0; overflow-wrap: anywhere; }");
    }

    @Test
    void theSameReportGivesTheSameBytes() throws IOException {
        HtmlReport.write(report(provenance(false)), folder.resolve("one"));
        HtmlReport.write(report(provenance(false)), folder.resolve("two"));

        for (String file : List.of("index.html", "figures/loss.png", "figures/loss.svg", "figures/ratio.png",
                "figures/ratio.svg")) {
            assertThat(Files.readAllBytes(folder.resolve("two").resolve(file)))
                    .as(file).isEqualTo(Files.readAllBytes(folder.resolve("one").resolve(file)));
        }
    }

    @Test
    void theDirectoryHoldsThePageAndEachFigureAsPngAndSvg() throws IOException {
        Path out = folder.resolve("report");

        HtmlReport.write(report(provenance(false)), out);

        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted())
                    .containsExactly("figures/loss.png", "figures/loss.svg", "figures/ratio.png", "figures/ratio.svg",
                            "index.html");
        }
        try (Stream<Path> siblings = Files.list(folder)) {
            assertThat(siblings).containsExactly(out);
        }
    }

    @Test
    void sectionsBlocksAndProvenanceAppearInOrder() {
        String html = HtmlReport.html(report(provenance(false)));

        assertThat(html).containsSubsequence("<section id=\"first\">", "Some text &amp; more.",
                "<dt>slope</dt><dd><span class=\"value\">0.5 [0.45, 0.55]</span>", "<td class=\"num\">3.142×10¹⁹</td>",
                "<td>text</td>", "<h3>Loss against FLOPs</h3>", "A caption.", "href=\"figures/loss.png\"",
                "<section id=\"second\">", "<section id=\"provenance\">", "ab12", "--delta", "1e-4");
        assertThat(html).contains("run &lt;1&gt;");
    }

    @Test
    void runDetailsAreInTheirOwnSectionAndLeftOutWithoutThem() {
        String with = HtmlReport.html(report(provenance(true)));
        String without = HtmlReport.html(report(provenance(false)));

        assertThat(with).contains("<section id=\"this-run\"").contains("2026-11-25T12:00:00Z").contains("1.25");
        assertThat(with.indexOf("2026-11-25")).isGreaterThan(with.indexOf("<section id=\"this-run\""));
        assertThat(without).doesNotContain("this-run").doesNotContain("2026-11-25").doesNotContain("1.25");
    }

    @Test
    void anEarlierReportIsReplaced() throws IOException {
        Path out = folder.resolve("report");
        HtmlReport.write(report(provenance(true)), out);

        HtmlReport.write(report(provenance(false)), out);

        assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8)).doesNotContain("this-run");
    }

    @Test
    void aFolderThatIsNotAReportIsNeverReplaced() throws IOException {
        Path precious = Files.createDirectories(folder.resolve("precious"));
        Files.writeString(precious.resolve("thesis.tex"), "years of work");

        assertThatThrownBy(() -> HtmlReport.write(report(provenance(false)), precious))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a scalefit report");
        assertThat(Files.readString(precious.resolve("thesis.tex"))).isEqualTo("years of work");
        try (Stream<Path> siblings = Files.list(folder)) {
            assertThat(siblings).containsExactly(precious);
        }
    }

    @Test
    void twoFiguresWithOneIdAreRefused() {
        Figure figure = Figure.of("same", "A", Axis.linear("x"), Axis.linear("y"));
        Section a = Section.of("a", "A").withFigure(figure, "");
        Section b = Section.of("b", "B").withFigure(figure, "");

        assertThatThrownBy(() -> new Report("r", List.of(a, b), provenance(false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same");
    }
}
