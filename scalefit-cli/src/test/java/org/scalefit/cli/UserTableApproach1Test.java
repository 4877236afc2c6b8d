package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Approach 1 from a user's own run table of params, tokens and loss alone: FLOPs are 6ND on the file's params (or a
 * FLOPs column when asked), shape counts only when asked, and frontier and report agree.
 */
class UserTableApproach1Test {

    @TempDir
    Path folder;

    /** 30 runs (6 sizes × 5 token counts) of L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28, with a FLOPs column 7ND. */
    private Path runs() throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss,compute\n");
        for (double n : new double[] {1e7, 2e7, 5e7, 1e8, 2e8, 5e8}) {
            for (double d : new double[] {2e8, 1e9, 3e9, 1e10, 3e10}) {
                csv.append(n).append(',').append(d).append(',')
                        .append(1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28)).append(',')
                        .append(7 * n * d).append('\n');
            }
        }
        return Files.writeString(folder.resolve("runs.csv"), csv.toString());
    }

    private static JsonNode json(Path file) throws Exception {
        return JsonMapper.builder().build().readTree(file.toFile());
    }

    @Test
    void frontierOfParamsTokensLossUsesSixNDOnTheFilesParamsAndAgreesWithTheReport() throws Exception {
        Path data = runs();
        Path out = folder.resolve("frontier.json");

        CliRun frontier = CliRun.of("frontier", "--data", data.toString(), "--bootstrap", "0", "--out",
                out.toString());

        assertThat(frontier.exitCode()).as(frontier.err()).isZero();
        JsonNode result = json(out);
        assertThat(result.get("runs").asInt()).isEqualTo(30);
        for (JsonNode run : result.get("frontier")) {
            assertThat(run.get("resource").asDouble()).isCloseTo(6 * run.get("params").asDouble()
                    * run.get("tokens").asDouble(), within(1.0));
        }
        JsonNode params = result.get("fits").get("params");

        Path report = folder.resolve("report");
        CliRun reported = CliRun.of("report", "--data", data.toString(), "--out", report.toString(),
                "--no-timestamps", "--law-bootstrap", "4", "--bootstrap", "0", "--threads", "2");

        assertThat(reported.exitCode()).as(reported.err()).isZero();
        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("training FLOPs (6ND)").contains(String.format(Locale.ROOT,
                "slope %.3f, R² %.4f", params.get("slope").asDouble(), params.get("r_squared").asDouble()));
    }

    @Test
    void aFlopsColumnIsUsedWhenAskedAndShapeCountsNeedTheShape() throws Exception {
        Path data = runs();
        Path out = folder.resolve("frontier.json");

        CliRun column = CliRun.of("frontier", "--data", data.toString(), "--flops", "compute", "--bootstrap", "0",
                "--out", out.toString());

        assertThat(column.exitCode()).as(column.err()).isZero();
        for (JsonNode run : json(out).get("frontier")) {
            assertThat(run.get("resource").asDouble()).isCloseTo(7 * run.get("params").asDouble()
                    * run.get("tokens").asDouble(), within(1.0));
        }
        CliRun sameByColumn = CliRun.of("frontier", "--data", data.toString(), "--column", "flops=compute",
                "--bootstrap", "0");
        assertThat(sameByColumn.out()).isEqualTo(column.out());
        CliRun shapeCount = CliRun.of("frontier", "--data", data.toString(), "--flop-count", "gemstones-gqa");
        assertThat(shapeCount.exitCode()).isEqualTo(2);
        assertThat(shapeCount.err()).contains("no width and depth columns").contains("--column width=COLUMN");
        CliRun both = CliRun.of("frontier", "--data", data.toString(), "--flops", "compute", "--flop-count", "six-n");
        assertThat(both.exitCode()).isEqualTo(2);
    }
}
