package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code --where}: the rows a fit uses are recorded with it, keyed in the store and re-selected by bootstrap. */
class WhereOptionTest {

    @TempDir
    Path folder;

    private static JsonNode json(Path file) {
        return JsonMapper.builder().build().readTree(file.toFile());
    }

    /** The 12 runs of {@link UserRunsCommandTest#runs} and 3 more at 1e9 parameters with a broken loss. */
    private Path runs() throws Exception {
        return Files.writeString(folder.resolve("runs.csv"), UserRunsCommandTest.runs("params,tokens,loss", ",")
                + "1e9,1e9,-1\n1e9,3e9,-1\n1e9,1e10,-1\n");
    }

    @Test
    void aFitOnTheRowsWhereAConditionHoldsRecordsItAndBootstrapReadsTheSameRows() throws Exception {
        Path data = runs();
        Path out = folder.resolve("fit.json");

        CliRun fit = CliRun.of("fit", "--data", data.toString(), "--where", "params < 1e9", "--threads", "2",
                "--out", out.toString());
        CliRun bootstrap = CliRun.of("bootstrap", "--fit", out.toString(), "--resamples", "4", "--threads", "2");

        assertThat(fit.exitCode()).as(fit.err()).isZero();
        assertThat(json(out).get("points").asInt()).isEqualTo(12);
        assertThat(json(out).get("provenance").get("transforms").get(0).asString()).isEqualTo("where(params < 1e9)");
        assertThat(bootstrap.exitCode()).as(bootstrap.err()).isZero();
    }

    @Test
    void anExpressionFitRecordsItsRowConditionAsABuiltInFitDoes() throws Exception {
        Path data = runs();
        Path builtIn = folder.resolve("fit.json");
        Path expression = folder.resolve("expression.json");
        assertThat(CliRun.of("fit", "--data", data.toString(), "--where", "params < 1e9", "--threads", "2",
                "--out", builtIn.toString(), "--no-store").exitCode()).isZero();

        CliRun fit = CliRun.of("fit", "--data", data.toString(), "--where", "params < 1e9", "--law",
                "E + A/N^alpha + B/D^beta", "--log", "E,A,B", "--start", "E=1,2", "--start", "A=300",
                "--start", "B=300", "--start", "alpha=0.3", "--start", "beta=0.3", "--threads", "2",
                "--out", expression.toString(), "--no-store");

        assertThat(fit.exitCode()).as(fit.err()).isZero();
        assertThat(json(expression).get("points").asInt()).as("the 3 rows with loss -1 left out").isEqualTo(12);
        assertThat(json(expression).get("provenance").get("transforms"))
                .isEqualTo(json(builtIn).get("provenance").get("transforms"));
        assertThat(json(expression).get("provenance").get("transforms").get(0).asString())
                .isEqualTo("where(params < 1e9)");
    }

    @Test
    void aFrontierRecordsItsRowConditionAsAFitDoes() throws Exception {
        Path data = runs();
        Path out = folder.resolve("frontier.json");

        CliRun frontier = CliRun.of("frontier", "--data", data.toString(), "--where", "params < 1e9", "--out",
                out.toString());

        assertThat(frontier.exitCode()).as(frontier.err()).isZero();
        assertThat(json(out).get("runs").asInt()).isEqualTo(12);
        assertThat(json(out).get("provenance").get("transforms").get(0).asString()).isEqualTo("where(params < 1e9)");
    }

    @Test
    void aFrontierOfAllRowsRecordsNoRowCondition() throws Exception {
        Path data = Files.writeString(folder.resolve("all.csv"), UserRunsCommandTest.runs("params,tokens,loss",
                ","));
        Path out = folder.resolve("frontier.json");

        CliRun frontier = CliRun.of("frontier", "--data", data.toString(), "--out", out.toString());

        assertThat(frontier.exitCode()).as(frontier.err()).isZero();
        assertThat(json(out).get("provenance").get("transforms").toString()).doesNotContain("where(");
    }

    @Test
    void anotherConditionIsAnotherResultInTheStore() throws Exception {
        Path data = runs();
        Path out = folder.resolve("fit.json");

        CliRun first = CliRun.of("fit", "--data", data.toString(), "--where", "params < 1e9", "--threads", "2",
                "--out", out.toString());
        CliRun second = CliRun.of("fit", "--data", data.toString(), "--where", "params < 5e7", "--threads", "2",
                "--out", out.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.out()).isEqualTo(5);   // 2 sizes left: not identified
        assertThat(json(out).get("points").asInt()).isEqualTo(6);
    }

    @Test
    void aConditionOnAColumnTheFileLacksIsAUsageError() throws Exception {
        CliRun run = CliRun.of("fit", "--data", runs().toString(), "--where", "size > 1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--where 'size > 1': expected a condition over the columns of")
                .contains("(params, tokens, loss)");
    }

    @Test
    void aReportOnTheRowsWhereAConditionHoldsRecordsTheCondition() throws Exception {
        Path report = folder.resolve("report");

        CliRun run = CliRun.of("report", "--data", runs().toString(), "--where", "params < 1e9", "--out",
                report.toString(), "--no-timestamps", "--law-bootstrap", "0", "--bootstrap", "0", "--threads", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(report.resolve("index.html"))).contains("--where").contains("params &lt; 1e9");
    }
}
