package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FrontierAndAllocateCommandTest {

    @TempDir
    Path folder;

    private static JsonNode json(Path file) {
        return JsonMapper.builder().build().readTree(file.toFile());
    }

    @Test
    void gemstonesFormatWritesTheThreeApproach1Files() throws Exception {
        CliRun run = CliRun.of("frontier", "--data", "gemstones:hot_477", "--flop-count", "gemstones-gqa",
                "--bootstrap", "0", "--format", "gemstones", "--out", folder.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode params = json(folder.resolve("approach_1_linear_regression_params.json"));
        assertThat(params.get("coef").get(0).asDouble()).isCloseTo(0.499380216082636, within(1e-9));
        assertThat(params.get("label").asString()).isEqualTo("params");
        assertThat(folder.resolve("approach_1_linear_regression_tokens_per_param.json")).exists();
    }

    @Test
    void scalefitFormatCarriesFrontierFitsIntervalsAndProvenance() throws Exception {
        Path out = folder.resolve("frontier.json");
        CliRun run = CliRun.of("frontier", "--data", "gemstones:hot", "--resource", "gpu-hours", "--bootstrap", "200",
                "--bins", "20", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json(out);
        assertThat(result.get("resource").asString()).isEqualTo("gpu-hours");
        assertThat(result.get("frontier").size()).isGreaterThan(2);
        assertThat(result.get("fits").get("params").get("slope_interval_95").size()).isEqualTo(2);
        assertThat(result.get("overspend_percent").size()).isEqualTo(result.get("runs").asInt());
        assertThat(result.get("provenance").get("data_sha256").asString()).hasSize(64);
        assertThat(run.out()).contains("frontier");
    }

    @Test
    void aFrontierRunDominatedByAnEarlierOneIsNamedInTheOutputAndTheDocument() throws Exception {
        // 6·N·D = 6e17·{1, 4, 5, 6}; the run at line 4 diverged (loss 100), so Gemstones' rule keeps line 5
        // although line 3 spends less for a lower loss.
        Path data = folder.resolve("diverged.csv");
        Files.writeString(data, "params,tokens,loss\n1e8,1e9,5\n1e8,4e9,1\n1e8,5e9,100\n1e8,6e9,1.2\n");
        Path out = folder.resolve("frontier.json");
        CliRun run = CliRun.of("frontier", "--data", data.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("warning: dominated: the frontier run at line 5").contains("line 3");
        JsonNode warnings = json(out).get("warnings");
        assertThat(warnings.size()).isEqualTo(1);
        assertThat(warnings.get(0).asString()).contains("line 5").contains("line 3");
    }

    @Test
    void dropDominatedLeavesTheDominatedRunOutOfTheFrontier() throws Exception {
        Path data = folder.resolve("diverged.csv");
        Files.writeString(data, "params,tokens,loss\n1e8,1e9,5\n1e8,4e9,1\n1e8,5e9,100\n1e8,6e9,1.2\n");
        Path out = folder.resolve("frontier.json");
        CliRun run = CliRun.of("frontier", "--data", data.toString(), "--drop-dominated", "--bootstrap", "0",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(out).get("frontier").size()).isEqualTo(2);
        assertThat(run.out()).contains("left out of the frontier").contains("line 5");
    }

    @Test
    void theHelpNamesDropDominated() {
        assertThat(CliRun.of("frontier", "--help").out()).contains("--drop-dominated");
    }

    @Test
    void aFrontierWithoutDominatedRunsWritesNoWarnings() throws Exception {
        Path out = folder.resolve("frontier.json");
        CliRun run = CliRun.of("frontier", "--data", "gemstones:hot", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(out).has("warnings")).isFalse();
        assertThat(run.out()).doesNotContain("dominated");
    }

    @Test
    void aSingleRunIsAClearErrorAndWritesNothing() throws Exception {
        Path data = folder.resolve("one.csv");
        Files.writeString(data, "width,depth,tokens,final_loss\n512,12,1e9,3.1\n");
        Path out = folder.resolve("never.json");
        CliRun run = CliRun.of("frontier", "--data", data.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("frontier has 1 run");
        assertThat(out).doesNotExist();
    }

    @Test
    void allEqualLossesAreAClearError() throws Exception {
        Path data = folder.resolve("flat.csv");
        Files.writeString(data, "width,depth,tokens,final_loss\n512,12,1e9,3.0\n512,12,2e9,3.0\n1024,12,2e9,3.0\n");
        CliRun run = CliRun.of("frontier", "--data", data.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("frontier has 1 run");
    }

    @Test
    void zeroResourceIsABadInputWithFileLineAndColumn() throws Exception {
        Path data = folder.resolve("zero.csv");
        Files.writeString(data, "width,depth,tokens,final_loss\n512,12,1e9,3.1\n512,12,0,3.0\n");
        CliRun run = CliRun.of("frontier", "--data", data.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("zero.csv:3").contains("tokens");
    }

    @Test
    void allocateReadsAFitWrittenByFitAndMatchesItsClosedForm() throws Exception {
        Path fit = folder.resolve("fit.json");
        assertThat(CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--delta", "1e-3", "--threads", "1", "--out",
                fit.toString()).exitCode()).isZero();
        Path out = folder.resolve("allocation.json");
        CliRun run = CliRun.of("allocate", "--law", fit.toString(), "--compute", "1e21,1e23", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json(out);
        JsonNode fitted = json(fit);
        double alpha = fitted.get("exponents").get(0).asDouble();
        double beta = fitted.get("exponents").get(1).asDouble();
        assertThat(result.get("params_exponent").asDouble()).isCloseTo(beta / (alpha + beta), within(1e-15));
        JsonNode first = result.get("allocations").get(0);
        assertThat(6 * first.get("params").asDouble() * first.get("tokens").asDouble() / 1e21)
                .isCloseTo(1, within(1e-12));
    }

    @Test
    void allocateTakesLogSpacedRangesAndWritesCsvWhenOutEndsInCsv() throws Exception {
        Path csv = folder.resolve("budgets.csv");

        CliRun run = CliRun.of("allocate", "--law", "chinchilla", "--compute", "1e21:1e24", "--out", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("compute,params,tokens,tokens_per_param,predicted_loss");
        assertThat(lines.subList(1, lines.size()).stream().map(line -> line.split(",")[0]))
                .containsExactly("1E+21", "1E+22", "1E+23", "1E+24");
        String[] first = lines.get(1).split(",", -1);
        assertThat(6 * Double.parseDouble(first[1]) * Double.parseDouble(first[2]) / 1e21).isCloseTo(1, within(1e-12));
        CliRun factor = CliRun.of("allocate", "--law", "chinchilla", "--compute", "1e21:1e22:2,5e22");
        assertThat(factor.exitCode()).as(factor.err()).isZero();
        assertThat(factor.out()).contains("1.00e+21").contains("2.00e+21").contains("4.00e+21").contains("8.00e+21")
                .contains("5.00e+22").doesNotContain("1.60e+22");
        Path refused = folder.resolve("refused.csv");
        CliRun backwards = CliRun.of("allocate", "--law", "chinchilla", "--compute", "1e24:1e21", "--out",
                refused.toString());
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err()).contains("--compute").contains("LOW ≤ HIGH").contains("1e24:1e21");
        assertThat(refused).doesNotExist();
    }

    @Test
    void allocateKnowsTheReferenceLaws() {
        for (String law : new String[] {"chinchilla", "epoch", "kaplan"}) {
            CliRun run = CliRun.of("allocate", "--law", law, "--compute", "1e21");
            assertThat(run.exitCode()).as(law + ": " + run.err()).isZero();
            assertThat(run.out()).contains("1.00e+21");
        }
        CliRun unknown = CliRun.of("allocate", "--law", "nonsense", "--compute", "1e21");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("neither a reference law");
    }

    @Test
    void tokenRangeKeepsOneCheckpointPerModelForTheOverspendingAnalysis() throws Exception {
        Path out = folder.resolve("overspend.json");
        CliRun run = CliRun.of("frontier", "--data", "gemstones:hot_100b+_477", "--tokens", "299e9:301e9",
                "--resource", "gpu-hours", "--bootstrap", "0", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json(out);
        assertThat(result.get("runs").asInt()).isEqualTo(22);
        assertThat(result.get("overspend_percent").size()).isEqualTo(22);
        CliRun none = CliRun.of("frontier", "--data", "gemstones:hot", "--tokens", "1:2");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no row");
    }
}
