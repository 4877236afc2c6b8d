package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.store.ResultsStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --unit LOGICAL=FACTOR}: a column counted in a larger unit is read as counts, recorded in the result's
 * provenance and keyed in the store.
 */
class UnitOptionTest {

    @TempDir
    Path folder;

    private static JsonNode json(Path file) {
        return JsonMapper.builder().build().readTree(file.toFile());
    }

    /** The 12 runs of {@link UserRunsCommandTest#runs}, their tokens written in billions. */
    private Path runsInBillions() throws Exception {
        return runsInBillions(0);
    }

    /** As {@link #runsInBillions()}, each loss off the law by up to {@code noise} of itself (a fixed pattern). */
    private Path runsInBillions(double noise) throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        int i = 0;
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8}) {
            for (double billions : new double[] {1, 3, 10}) {
                double d = billions * 1e9;
                double loss = 1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(d, 0.28);
                csv.append(n).append(',').append(billions).append(',')
                        .append(loss * (1 + noise * Math.sin(++i))).append('\n');
            }
        }
        return Files.writeString(folder.resolve("billions.csv"), csv);
    }

    private Path runsInCounts() throws Exception {
        return Files.writeString(folder.resolve("counts.csv"), UserRunsCommandTest.runs("params,tokens,loss", ","));
    }

    @Test
    void tokensInBillionsWithTheirUnitFitAsTheSameRunsInCounts() throws Exception {
        Path scaled = folder.resolve("scaled.json");
        Path counted = folder.resolve("counted.json");

        CliRun fit = CliRun.of("fit", "--data", runsInBillions().toString(), "--unit", "tokens=1e9", "--threads", "2",
                "--out", scaled.toString(), "--no-store");
        CliRun plain = CliRun.of("fit", "--data", runsInCounts().toString(), "--threads", "2", "--out",
                counted.toString(), "--no-store");

        assertThat(fit.exitCode()).as(fit.err()).isZero();
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(fit.out()).doesNotContain("implausible");
        assertThat(json(scaled).get("parameters")).isEqualTo(json(counted).get("parameters"));
        assertThat(json(scaled).get("data_range")).isEqualTo(json(counted).get("data_range"));
    }

    @Test
    void theFactorIsRecordedInTheProvenanceAndBootstrapReadsTheSameRows() throws Exception {
        Path out = folder.resolve("fit.json");

        CliRun fit = CliRun.of("fit", "--data", runsInBillions().toString(), "--where", "params > 1e7",
                "--unit", "tokens=1000000000", "--threads", "2", "--out", out.toString(), "--no-store");
        CliRun bootstrap = CliRun.of("bootstrap", "--fit", out.toString(), "--resamples", "4", "--threads", "2");

        assertThat(fit.exitCode()).as(fit.err()).isIn(0, 4);
        assertThat(json(out).get("points").asInt()).isEqualTo(9);
        assertThat(json(out).get("provenance").get("transforms").toString())
                .isEqualTo("[\"where(params > 1e7)\",\"unit(tokens=1e9)\"]");
        assertThat(bootstrap.exitCode()).as(bootstrap.err()).isIn(0, 4);
        assertThat(bootstrap.out()).doesNotContain("implausible");
    }

    @Test
    void aFitWithAndWithoutTheFactorAreTwoResultsInTheStore() throws Exception {
        Path data = runsInBillions();
        Path out = folder.resolve("fit.json");

        CliRun without = CliRun.of("fit", "--data", data.toString(), "--threads", "2", "--out", out.toString());
        CliRun with = CliRun.of("fit", "--data", data.toString(), "--unit", "tokens=1e9", "--threads", "2",
                "--out", out.toString());
        CliRun again = CliRun.of("fit", "--data", data.toString(), "--unit", "tokens=1e9", "--threads", "2",
                "--out", out.toString());

        assertThat(without.exitCode()).as(without.err()).isIn(0, 4);
        assertThat(with.err()).doesNotContain("served from store");
        assertThat(again.err()).contains("served from store");
        assertThat(ResultsStore.at(folder.resolve(ResultsStore.DEFAULT_FILE_NAME)).fits()).hasSize(2);
    }

    @Test
    void theImplausibleTokensWarningNamesTheOptionThatReadsThemAsCounts() throws Exception {
        CliRun fit = CliRun.of("fit", "--data", runsInBillions().toString(), "--threads", "2", "--no-store");

        assertThat(fit.out()).contains("implausible tokens per parameter").contains("If so, add --unit tokens=1e9");
    }

    @Test
    void aFrontierRecordsTheFactorAsAFitDoes() throws Exception {
        Path out = folder.resolve("frontier.json");

        CliRun frontier = CliRun.of("frontier", "--data", runsInBillions().toString(), "--unit", "tokens=1e9",
                "--out", out.toString());

        assertThat(frontier.exitCode()).as(frontier.err()).isZero();
        assertThat(json(out).get("provenance").get("transforms").toString()).contains("unit(tokens=1e9)");
    }

    @Test
    void epochsAnalysisRecordsTheFactorInItsProvenance() throws Exception {
        Path out = folder.resolve("epoch.json");

        CliRun bootstrap = CliRun.of("bootstrap", "--data", runsInBillions(0.01).toString(), "--unit", "tokens=1e9",
                "--resamples", "40", "--policy-draws", "0", "--threads", "2", "--out", out.toString());

        assertThat(bootstrap.exitCode()).as(bootstrap.err()).isIn(0, 4);
        assertThat(json(out).get("provenance").get("transforms").toString()).isEqualTo("[\"unit(tokens=1e9)\"]");
    }

    @Test
    void badFactorsAndColumnsAreUsageErrorsThatWriteNothing() throws Exception {
        String data = runsInBillions().toString();
        Path out = folder.resolve("fit.json");
        String[][] cases = {{"tokens=0", "a positive finite number"}, {"tokens=-1e9", "a positive finite number"},
            {"tokens=NaN", "a positive finite number"}, {"tokens=billion", "a positive finite number"},
            {"tokenz=1e9", "unknown logical column 'tokenz'"}, {"run=2", "--unit run=2"},
            {"flops=1e18", "--unit flops=1e18"}};
        for (String[] bad : cases) {
            CliRun fit = CliRun.of("fit", "--data", data, "--unit", bad[0], "--out", out.toString());

            assertThat(fit.exitCode()).as(bad[0] + ": " + fit.err()).isEqualTo(2);
            assertThat(fit.err()).as(bad[0]).contains(bad[1]);
            assertThat(out).as(bad[0]).doesNotExist();
            assertThat(folder.resolve(ResultsStore.DEFAULT_FILE_NAME)).as(bad[0]).doesNotExist();
        }
    }
}
