package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.BenchmarkScores;
import org.scalefit.data.RunTable;
import org.scalefit.data.ScoresAtLoss;

/**
 * The bundled Gemstones benchmark results against the values of a pandas re-run of Gemstones' {@code benchmarks/}
 * scripts ({@code plot_lighteval.py} and {@code gadre_fit.py}), and bad input.
 */
class GemstonesBenchmarksTest {

    private static GemstonesBenchmarks bundled;

    @TempDir
    Path folder;

    @BeforeAll
    static void read() {
        bundled = GemstonesBenchmarks.read(GemstonesBenchmarks.BUNDLED);
    }

    @Test
    void theBundledFilesHold22ModelsTimes35CheckpointsOnNineTasks() {
        assertThat(bundled.checkpoints()).hasSize(770);
        assertThat(bundled.checkpoints().stream().map(BenchmarkScores::model).distinct()).hasSize(22);
        assertThat(bundled.checkpoints().get(0).accuracy().keySet()).containsExactly("arc:challenge", "arc:easy",
                "commonsense_qa", "hellaswag", "mmlu", "openbookqa", "piqa", "siqa", "winogrande");
        assertThat(bundled.finalRevisions()).hasSize(22);
    }

    /** Re-run: avg_acc of every model's "main" revision, printed to 4 decimals. */
    @Test
    void finalRevisionAverageAccuraciesAreThoseOfTheStudy() {
        Map<String, String> published = Map.ofEntries(Map.entry("1536x50", "0.4885"), Map.entry("2048x27", "0.4778"),
                Map.entry("3072x12", "0.4737"), Map.entry("1280x36", "0.4617"), Map.entry("1792x18", "0.4540"),
                Map.entry("2560x8", "0.4479"), Map.entry("1024x28", "0.4389"), Map.entry("768x45", "0.4343"),
                Map.entry("1280x15", "0.4309"), Map.entry("1792x7", "0.4222"), Map.entry("384x36", "0.3824"),
                Map.entry("512x16", "0.3794"), Map.entry("256x71", "0.3786"), Map.entry("512x11", "0.3780"),
                Map.entry("512x12", "0.3775"), Map.entry("512x14", "0.3769"), Map.entry("512x13", "0.3740"),
                Map.entry("256x80", "0.3731"), Map.entry("384x13", "0.3667"), Map.entry("768x3", "0.3638"),
                Map.entry("256x23", "0.3555"), Map.entry("256x27", "0.3544"));
        Map<String, String> ours = bundled.finalRevisions().stream().collect(Collectors.toMap(BenchmarkScores::model,
                scores -> String.format(Locale.ROOT, "%.4f", scores.averageAccuracy())));
        assertThat(ours).isEqualTo(published);
    }

    /** Re-run: the final stderrs lie in 0.0061–0.0064 (4 decimals), 1536x50's is 0.0064. */
    @Test
    void finalRevisionStandardErrorsAreThoseOfTheStudy() {
        for (BenchmarkScores scores : bundled.finalRevisions()) {
            assertThat(Math.round(scores.averageStandardError() * 1e4)).as(scores.model()).isBetween(61L, 64L);
        }
        BenchmarkScores largest = bundled.finalRevisions().stream().filter(s -> s.model().equals("1536x50"))
                .findFirst().orElseThrow();
        assertThat(String.format(Locale.ROOT, "%.4f", largest.averageStandardError())).isEqualTo("0.0064");
    }

    @Test
    void the1024x28MainRowHoldsTheStudysAccuracies() {
        BenchmarkScores row = bundled.checkpoints().stream().filter(s -> s.name().equals("Gemstone-1024x28-main"))
                .findFirst().orElseThrow();
        assertThat(row.accuracy().values()).containsExactly(0.265, 0.541, 0.351, 0.502, 0.29313417029968436, 0.344,
                0.721, 0.411, 0.522);
        assertThat(row.width()).isEqualTo(1024);
        assertThat(row.depth()).isEqualTo(28);
        assertThat(row.step()).isEqualTo(83475);
        assertThat(row.tokens()).isEqualTo(350119526400.0);
    }

    /**
     * plot_lighteval.py re-run: the mean of avg_acc over all 770 rows is 0.3992830151929245. pandas sums in another order (numpy's
     * pairwise summation), so the last bit may differ: 1e-15 is 5 units in the last place.
     */
    @Test
    void theMeanAverageAccuracyOverAllRowsIsTheStudys() {
        double mean = bundled.checkpoints().stream().mapToDouble(BenchmarkScores::averageAccuracy).average()
                .orElseThrow();
        assertThat(mean).isCloseTo(0.3992830151929245, within(1e-15));
    }

    @Test
    void stepRevisionsCarryTheirStepAndTokens() {
        BenchmarkScores row = bundled.checkpoints().stream()
                .filter(s -> s.name().equals("Gemstone-1024x28-step_00002385")).findFirst().orElseThrow();
        assertThat(row.revision()).isEqualTo("step_00002385");
        assertThat(row.step()).isEqualTo(2385);
        assertThat(row.tokens()).isEqualTo(2385 * 2048.0 * 2048.0);
        assertThat(row.isFinalRevision()).isFalse();
    }

    /** gadre_fit.py: the inner merge with hot_100b+_477 on (model, tokens) keeps all 770 rows, x in the script's range. */
    @Test
    void everyCheckpointMatchesADolmaLossOfHot100bPlus477() {
        RunTable losses = new TableReader().read(GemstonesBenchmarks.DEFAULT_LOSSES, GemstonesBenchmarks.lossColumns());
        List<ScoresAtLoss> points = bundled.atLosses(losses);
        assertThat(points).hasSize(770);
        double[] x = points.stream().mapToDouble(ScoresAtLoss::loss).toArray();
        assertThat(java.util.Arrays.stream(x).min().orElseThrow()).isEqualTo(2.4953598976);
        assertThat(java.util.Arrays.stream(x).max().orElseThrow()).isEqualTo(3.6073541641);
        Map<String, Double> byName = points.stream().collect(Collectors.toMap(p -> p.scores().name(),
                ScoresAtLoss::loss));
        assertThat(byName.get("Gemstone-1024x28-main")).isEqualTo(2.7034347057);
        assertThat(byName.get("Gemstone-256x23-step_00002385")).isEqualTo(3.6073541641);
    }

    @Test
    void theFinewebLossTablesMatchEveryCheckpointToo() {
        RunTable losses = new TableReader().read("gemstones:fineweb_edu", GemstonesBenchmarks.lossColumns());
        Map<String, Double> byName = bundled.atLosses(losses).stream().collect(Collectors.toMap(
                p -> p.scores().name(), ScoresAtLoss::loss));
        assertThat(byName).hasSize(770);
        assertThat(byName.get("Gemstone-256x23-main")).isEqualTo(3.4044631029);
    }

    @Test
    void twoDifferentLossesForOneCheckpointAreRejected() {
        RunTable losses = new RunTable("losses.jsonl", "0", Map.of("width", new double[] {256, 256},
                "depth", new double[] {23, 23}, "tokens", new double[] {1e10, 1e10}, "loss", new double[] {3.1, 3.2}),
                new int[] {1, 2});
        assertThatThrownBy(() -> bundled.atLosses(losses)).isInstanceOf(InputException.class)
                .hasMessage("losses.jsonl:2: expected one loss per (width, depth, tokens), found a second one for "
                        + "(256, 23, 10000000000) (the first on line 1)");
    }

    // ---------------------------------------------------------------- bad input

    /** Writes both Parquet files with DuckDB from a VALUES list of (name, arc:easy, piqa). */
    private Path files(String accuracyRows, String errorRows) throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            for (Map.Entry<String, String> file : Map.of(GemstonesBenchmarks.ACCURACY_FILE, accuracyRows,
                    GemstonesBenchmarks.STANDARD_ERROR_FILE, errorRows).entrySet()) {
                statement.execute("COPY (SELECT * FROM (VALUES " + file.getValue() + ") AS t(\"arc:easy\", piqa, "
                        + "__index_level_0__)) TO '" + folder.resolve(file.getKey()) + "' (FORMAT parquet)");
            }
        }
        return folder;
    }

    private static final String GOOD_ERRORS = "(0.01, 0.02, 'Gemstone-256x23-main'), "
            + "(0.01, 0.02, 'Gemstone-256x23-step_00002385')";

    @Test
    void aDirectoryWithBothFilesIsReadLikeTheBundledCopy() throws SQLException {
        Path data = files("(0.5, 0.7, 'Gemstone-256x23-main'), (0.4, 0.6, 'Gemstone-256x23-step_00002385')",
                GOOD_ERRORS);
        GemstonesBenchmarks read = GemstonesBenchmarks.read(data.toString());
        assertThat(read.checkpoints()).extracting(BenchmarkScores::averageAccuracy).containsExactly(0.6, 0.5);
        assertThat(read.source()).isEqualTo(data.toString());
        assertThat(read.contentHash()).hasSize(64);
    }

    @Test
    void aNameThatIsNotAGemstonesCheckpointIsReportedWithItsRow() throws SQLException {
        Path data = files("(0.5, 0.7, 'Gemstone-256x23-main'), (0.4, 0.6, 'Gemstone-256-step_1')", GOOD_ERRORS);
        assertThatThrownBy(() -> GemstonesBenchmarks.read(data.toString())).isInstanceOf(InputException.class)
                .hasMessage(data.resolve(GemstonesBenchmarks.ACCURACY_FILE) + ", row 2: column '__index_level_0__': "
                        + "expected a checkpoint name Gemstone-<width>x<depth>-step_<digits> or "
                        + "Gemstone-<width>x<depth>-main, found \"Gemstone-256-step_1\"");
    }

    @Test
    void anAccuracyAboveOneIsReportedWithItsRowAndTask() throws SQLException {
        Path data = files("(0.5, 0.7, 'Gemstone-256x23-main'), (0.4, 1.6, 'Gemstone-256x23-step_00002385')",
                GOOD_ERRORS);
        assertThatThrownBy(() -> GemstonesBenchmarks.read(data.toString())).isInstanceOf(InputException.class)
                .hasMessage(data.resolve(GemstonesBenchmarks.ACCURACY_FILE) + ", row 2: column 'piqa': expected an "
                        + "accuracy between 0 and 1, found 1.6");
    }

    @Test
    void aMissingOrNaNValueIsRejected() throws SQLException {
        Path data = files("(0.5, NULL, 'Gemstone-256x23-main'), (0.4, 0.6, 'Gemstone-256x23-step_00002385')",
                GOOD_ERRORS);
        assertThatThrownBy(() -> GemstonesBenchmarks.read(data.toString())).isInstanceOf(InputException.class)
                .hasMessageEndingWith(", row 1: column 'piqa': expected an accuracy between 0 and 1, found null");
        Path nan = files("(0.5, 0.7, 'Gemstone-256x23-main'), (0.4, 0.6, 'Gemstone-256x23-step_00002385')",
                "(0.01, 'NaN'::DOUBLE, 'Gemstone-256x23-main'), (0.01, 0.02, 'Gemstone-256x23-step_00002385')");
        assertThatThrownBy(() -> GemstonesBenchmarks.read(nan.toString())).isInstanceOf(InputException.class)
                .hasMessage(nan.resolve(GemstonesBenchmarks.STANDARD_ERROR_FILE) + ", row 1: column 'piqa': expected a "
                        + "finite standard error ≥ 0, found NaN");
    }

    @Test
    void aCheckpointWithoutStandardErrorsIsRejected() throws SQLException {
        Path data = files("(0.5, 0.7, 'Gemstone-256x23-main'), (0.4, 0.6, 'Gemstone-512x13-main')",
                "(0.01, 0.02, 'Gemstone-256x23-main')");
        assertThatThrownBy(() -> GemstonesBenchmarks.read(data.toString())).isInstanceOf(InputException.class)
                .hasMessageContaining("expected a row for every checkpoint of")
                .hasMessageEndingWith("found none for \"Gemstone-512x13-main\"");
    }

    @Test
    void aRepeatedCheckpointIsRejected() throws SQLException {
        Path data = files("(0.5, 0.7, 'Gemstone-256x23-main'), (0.4, 0.6, 'Gemstone-256x23-main')", GOOD_ERRORS);
        assertThatThrownBy(() -> GemstonesBenchmarks.read(data.toString())).isInstanceOf(InputException.class)
                .hasMessageEndingWith(", row 2: column '__index_level_0__': expected each checkpoint once, found "
                        + "\"Gemstone-256x23-main\" again (first on row 1)");
    }

    @Test
    void aMissingDirectoryOrFileIsReported() throws SQLException {
        assertThatThrownBy(() -> GemstonesBenchmarks.read(folder.resolve("absent").toString()))
                .isInstanceOf(InputException.class).hasMessageContaining("expected 'gemstones' or a directory")
                .hasMessageEndingWith("found nothing at that path");
        assertThatThrownBy(() -> GemstonesBenchmarks.read(folder.toString())).isInstanceOf(InputException.class)
                .hasMessage(folder.resolve(GemstonesBenchmarks.ACCURACY_FILE) + ": expected an existing file, found "
                        + "nothing at that path");
    }
}
