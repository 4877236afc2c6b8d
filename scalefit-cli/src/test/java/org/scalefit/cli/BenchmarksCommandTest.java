package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenchmarksCommandTest {

    @TempDir
    Path folder;

    @Test
    void fitsBothLawsAndPrintsTheFinalAccuracies() {
        CliRun run = CliRun.of("benchmarks");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("770 checkpoints of 22 models on 9 tasks; 770 matched with losses from "
                + "gemstones:hot_100b+_477");
        assertThat(run.out()).containsPattern("error law .*\\n  Levenberg–Marquardt, 770 points; RSS 0\\.00883234908,"
                + " R² 0\\.992767, converged\\n  k = 14\\.92679\\d+ ± 1\\.0511");
        assertThat(run.out()).contains("sigmoid law", "degenerate", "warning: the midpoint L0");
        assertThat(run.out()).containsPattern("\\n  1536x50 +0\\.4885 +0\\.0064 +2\\.4954");
        assertThat(run.out().lines().filter(line -> line.matches("  \\d+x\\d+ .*"))).hasSize(22);
    }

    @Test
    void writesTheFitsAndFinalAccuraciesAsJson() throws IOException {
        Path out = folder.resolve("benchmarks.json");
        CliRun run = CliRun.of("benchmarks", "--law", "error", "--solver", "varpro", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out));
        assertThat(json.get("points").asInt()).isEqualTo(770);
        assertThat(json.has("sigmoid_law")).isFalse();
        JsonNode law = json.get("error_law");
        assertThat(law.get("k").asDouble()).isCloseTo(14.926795353831828, within(1e-5));
        assertThat(law.at("/standard_errors/gamma").asDouble()).isCloseTo(0.030352, within(5e-7));
        assertThat(law.get("r_squared").asDouble()).isCloseTo(0.99277, within(5e-6));
        assertThat(law.at("/fit/solver").asString()).isEqualTo("varpro");
        assertThat(json.get("final_revisions")).hasSize(22);
        assertThat(json.at("/provenance/losses").asString()).isEqualTo("gemstones:hot_100b+_477");
        assertThat(json.at("/provenance/data_sha256").asString()).hasSize(64);
    }

    @Test
    void fitsTheSigmoidAloneAgainstAnotherValidationSet() throws IOException {
        Path out = folder.resolve("edu.json");
        CliRun run = CliRun.of("benchmarks", "--law", "sigmoid", "--losses", "gemstones:fineweb_edu", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("matched with losses from gemstones:fineweb_edu").doesNotContain("error law");
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out));
        assertThat(json.at("/sigmoid_law/p0")).hasSize(4);
        assertThat(json.at("/sigmoid_law/standard_errors").size()).isEqualTo(4);
    }

    /** A user's own results without a {@code main} revision: the final-checkpoint table says it has no rows. */
    @Test
    void resultsWithoutAMainRevisionSayTheyHaveNoFinalCheckpoints() throws Exception {
        Path data = Files.createDirectories(folder.resolve("mine"));
        StringBuilder values = new StringBuilder();
        StringBuilder losses = new StringBuilder("width,depth,tokens,final_loss\n");
        int[] steps = {1000, 2000, 4000, 8000};
        for (int i = 0; i < steps.length; i++) {
            double loss = 4.0 - 0.3 * i;
            double accuracy = 1 - (0.68 - 15 * Math.exp(-1.8 * loss));
            values.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT,
                    "(%.6f, 'Gemstone-512x12-step_%08d')", accuracy, steps[i]));
            losses.append(String.format(java.util.Locale.ROOT, "512,12,%d,%.6f%n", steps[i] * 2048L * 2048L, loss));
        }
        try (java.sql.Connection duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement statement = duckdb.createStatement()) {
            for (String[] file : new String[][] {{"light_eval_df.parquet", "acc"}, {"light_eval_df_err.parquet",
                "0.01"}}) {
                statement.execute("COPY (SELECT " + file[1] + " AS task, name AS __index_level_0__ FROM (VALUES "
                        + values + ") t(acc, name)) TO '" + data.resolve(file[0]).toString().replace("'", "''")
                        + "' (FORMAT parquet)");
            }
        }
        Path lossFile = folder.resolve("losses.csv");
        Files.writeString(lossFile, losses);
        CliRun run = CliRun.of("benchmarks", "--data", data.toString(), "--losses", lossFile.toString(), "--law",
                "error");
        assertThat(run.out()).as(run.err()).contains("4 matched with losses");
        assertThat(run.out()).contains("final checkpoints (main, step 83475): none; no checkpoint is named "
                + "Gemstone-<width>x<depth>-main");
        assertThat(run.out()).doesNotContain("by average accuracy");
    }

    @Test
    void anUnknownLawIsAUsageError() {
        CliRun run = CliRun.of("benchmarks", "--law", "power");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("expected error, sigmoid or both, found 'power'");
    }

    @Test
    void badBenchmarkDataStopsWithExitCode3AndWritesNothing() {
        Path out = folder.resolve("never.json");
        CliRun run = CliRun.of("benchmarks", "--data", folder.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("light_eval_df.parquet: expected an existing file, found nothing at that path");
        assertThat(out).doesNotExist();
    }

    /** Three matched checkpoints cannot fit the sigmoid's 4 parameters: bad input naming the loss table, exit 3. */
    @Test
    void aLossTableThatMatchesTooFewCheckpointsIsBadInput() throws IOException {
        Path losses = folder.resolve("losses.csv");
        StringBuilder csv = new StringBuilder("width,depth,tokens,final_loss\n");
        for (int step : new int[] {2385, 4770, 7155}) {
            csv.append("1024,28,").append(step * 2048L * 2048L).append(',').append(3.3 - step / 1e4).append('\n');
        }
        Files.writeString(losses, csv);
        Path out = folder.resolve("never.json");
        CliRun run = CliRun.of("benchmarks", "--losses", losses.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.out()).isEqualTo(3);
        assertThat(run.err()).contains("losses.csv: expected at least 4 rows that match checkpoints of gemstones "
                + "on (width, depth, tokens) for the sigmoid law's 4 parameters, found 3");
        assertThat(out).doesNotExist();
    }

    @Test
    void aLossTableThatMatchesNoCheckpointIsBadInput() throws IOException {
        Path losses = folder.resolve("losses.csv");
        Files.writeString(losses, "width,depth,tokens,final_loss\n100,3,1000,3.5\n");
        CliRun run = CliRun.of("benchmarks", "--losses", losses.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("expected rows that match checkpoints of gemstones on (width, depth, tokens), "
                + "found none of its 1");
    }
}
