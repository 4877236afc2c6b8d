package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.GemstonesBenchmarks;
import org.scalefit.io.PublishedValues;

/** {@code scalefit report --parabola FIT.json --benchmarks}: the optional Gemstones sections. */
class ReportExtraSectionsTest {

    /** Gemstones' 24 runs sampled like Chinchilla's (bundled): small enough for a quick fit. */
    private static final String DATA = "gemstones:hot_sampled_like_chinchilla";

    @TempDir
    Path folder;

    /** A published Gemstones law file ({@link PublishedValues}), copied to the temporary folder. */
    private Path law(String name) {
        return PublishedValues.copy("gemstones/parameters_delta-3/" + name, folder.resolve(name));
    }

    private static CliRun report(Path out, String... extra) {
        String[] base = {"report", "--data", DATA, "--out", out.toString(), "--no-timestamps", "--law-bootstrap",
            "0", "--bootstrap", "0", "--threads", "2"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void theParabolaAndBenchmarkSectionsAreAddedWithTheirFigures() throws IOException {
        Path out = folder.resolve("report");
        Path wd = law("approach_3_width_depth_parameters_grid_search_0_hot_100b+.json");

        CliRun run = report(out, "--parabola", wd.toString(), "--benchmarks");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<section id=\"parabola\">", "<section id=\"benchmarks\">",
                "<section id=\"validation-sets\">", "gemstones:industry");
        // the sample's tokens are rounded to 1e9 and match no checkpoint: the laws use Dolma's losses
        assertThat(html).contains(GemstonesBenchmarks.DEFAULT_LOSSES);
        try (Stream<Path> figures = Files.list(out.resolve("figures"))) {
            assertThat(figures.map(p -> p.getFileName().toString())).contains("parabola-bucket-2.png",
                    "parabola-bucket-12.svg", "parabola-params.png", "benchmarks-accuracy.png",
                    "benchmarks-error.png", "validation-sets-loss.png");
        }
    }

    @Test
    void theParabolasBootstrapAddsThePenaltyFigureWithItsLevel() throws IOException {
        Path data = folder.resolve("runs.csv");
        try (java.io.InputStream in = ReportExtraSectionsTest.class.getResourceAsStream("width-depth-few-00.csv")) {
            Files.write(data, in.readAllBytes());
        }
        Path fit = folder.resolve("fit.json");
        Path boot = folder.resolve("boot.json");
        assertThat(CliRun.of("fit", "--data", data.toString(), "--law", "width-depth", "--out", fit.toString(),
                "--threads", "2", "--no-store").exitCode()).isZero();
        assertThat(CliRun.of("bootstrap", "--fit", fit.toString(), "--resamples", "6", "--draws", "--out",
                boot.toString(), "--threads", "2").exitCode()).isZero();
        Path out = folder.resolve("report");

        CliRun run = report(out, "--parabola", fit.toString(), "--parabola-bootstrap", boot.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("Loss penalty of overtraining at C = ", "(95 % bootstrap band)",
                "for each of 6 bootstrap replicates", "central 95 % percentile band", "--parabola-bootstrap");
        try (java.util.stream.Stream<Path> figures = Files.list(out.resolve("figures"))) {
            assertThat(figures.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("parabola-penalty-")
                    && n.endsWith(".png"))).isNotEmpty();
        }
    }

    @Test
    void theParabolasBootstrapNeedsTheParabola() throws IOException {
        Path out = folder.resolve("report");

        CliRun run = report(out, "--parabola-bootstrap", folder.resolve("boot.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--parabola");
        assertThat(out).doesNotExist();
    }

    @Test
    void theShapeSearchCarriesTheBandsOfTheLawsBootstrapRefits() throws IOException {
        Path out = folder.resolve("report");

        CliRun run = CliRun.of("report", "--data", DATA, "--out", out.toString(), "--no-timestamps", "--law-bootstrap",
                "12", "--bootstrap", "0", "--threads", "2", "--shape-search");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("Grid optimum per FLOPs bucket", "95 % bootstrap band per FLOPs bucket",
                "the grid search repeated for each of 12 pairs-bootstrap refits", "Shaded: the 95 % band");
    }

    @Test
    void withoutTheLawsBootstrapTheShapeSearchHasNoBands() throws IOException {
        Path out = folder.resolve("report");

        CliRun run = report(out, "--shape-search");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("Grid optimum per FLOPs bucket").doesNotContain("bootstrap band per FLOPs bucket");
    }

    @Test
    void aParamsTokensLawForTheParabolaStopsWithExitCode2BeforeAnyFit() throws IOException {
        Path out = folder.resolve("report");
        Path params = law("approach_3_parameters_grid_search_0_hot_100b+.json");

        CliRun run = report(out, "--parabola", params.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--parabola", "width-depth");
        assertThat(out).doesNotExist();
    }

    @Test
    void theParabolaNeedsDataWithWidthAndDepth() throws IOException {
        Path out = folder.resolve("report");
        Path wd = law("approach_3_width_depth_parameters_grid_search_0_hot_100b+.json");

        CliRun run = CliRun.of("report", "--data", "chinchilla:epoch", "--out", out.toString(), "--parabola",
                wd.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("width and depth");
        assertThat(out).doesNotExist();
    }
}
