package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scalefit bootstrap} on Epoch AI's Chinchilla points (Besiroglu et al. 2024, {@code data_analysis.ipynb}):
 * Fit B and its intervals, the tests against Hoffmann et al.'s law and the tokens-per-parameter policy band as the
 * command prints and writes them, independent of the thread count, and its usage errors. The numbers themselves are
 * checked against the published ones through the library in scalefit-reproduce
 * ({@code PublishedEpochUncertaintyTest}, {@code PublishedEpochTestsAgainstChinchillaTest}).
 */
class EpochBootstrapCommandTest {

    @Test
    void bootstrapCommandPrintsFitBAndIntervalsAndWritesJson(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("boot.json");
        CliRun run = CliRun.of("bootstrap", "--data", "chinchilla:epoch", "--drop-highest-losses", "5",
                "--resamples", "200", "--seed", "42", "--threads", "2", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("240 points").contains("482.0057").contains("2085.434").contains("1.816864")
                .contains("0.3478130").contains("0.3658541").contains("200 resamples");
        String json = Files.readString(out);
        assertThat(json).contains("\"percentile_2.5\"").contains("\"standard_errors\"").contains("\"log_scale\"");
        assertThat(CliRun.of("bootstrap", "--data", "chinchilla:epoch", "--resamples", "1").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bootstrap", "--data", "chinchilla:epoch", "--stream", "mt").exitCode()).isEqualTo(2);
    }

    @Test
    void bootstrapCommandPrintsTestsAndPolicyAndWritesThemWhateverTheThreads(@TempDir Path dir) throws Exception {
        String[] common = {"bootstrap", "--data", "chinchilla:epoch", "--drop-highest-losses", "5", "--resamples",
                "200", "--policy-draws", "2000", "--seed", "42"};
        Path one = dir.resolve("one.json");
        Path two = dir.resolve("two.json");
        CliRun run = CliRun.of(concat(common, "--threads", "1", "--out", one.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("tests against chinchilla-unrounded").contains("Wald chi2 (df 5")
                .contains("two-sample t (df 478): t = 2.9084").contains("fitted points (240, df 5): 84.00")
                .contains("all points (245, df 5): 86.75").contains("reference model")
                .contains("72.8653").contains("18.3476").contains("p10").contains("p90");
        assertThat(CliRun.of(concat(common, "--threads", "2", "--out", two.toString())).exitCode()).isZero();
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode first = mapper.readTree(Files.readString(one));
        JsonNode second = mapper.readTree(Files.readString(two));
        assertThat(second.get("tests")).isEqualTo(first.get("tests"));
        assertThat(second.get("policy")).isEqualTo(first.get("policy"));
        assertThat(first.get("policy").get("rows")).hasSize(200);
        assertThat(first.get("policy").get("rows").get(115).has("p10")).isTrue();
        assertThat(first.get("tests").get("likelihood_ratio").get("all_points").get("points").asInt()).isEqualTo(245);
        assertThat(first.get("tests").get("wald").get("degrees_of_freedom").asDouble()).isEqualTo(5);
        assertThat(first.has("estimate") && first.get("bootstrap").has("standard_errors")).isTrue();
    }

    @Test
    void runsOfTwoModelSizesCannotIdentifyTheLawSoNothingIsEstimatedOrWritten(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        for (double n : new double[] {2e8, 4e8}) {
            for (double d = 2e9; d < 4e10; d *= 2) {
                csv.append(n).append(',').append(d).append(',')
                        .append(1.69 + 406.4 * Math.pow(n, -0.34) + 410.7 * Math.pow(d, -0.28)).append('\n');
            }
        }
        Path data = Files.writeString(dir.resolve("two-sizes.csv"), csv);
        Path out = dir.resolve("boot.json");

        CliRun run = CliRun.of("bootstrap", "--data", data.toString(), "--resamples", "20", "--policy-draws", "0",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.out()).isEqualTo(5);
        assertThat(run.err()).contains("two-sizes.csv").contains("the data cannot identify the law")
                .doesNotContain("params takes 2 distinct values");
        assertThat(run.out()).contains("params takes 2 distinct values");
        assertThat(out).doesNotExist();
    }

    /** Nine runs (3 sizes × 3 token counts, noisy) on which Fit B's L-BFGS stops without converging: it says so. */
    @Test
    void anEstimateWhoseSearchDidNotConvergeIsWarnedAbout(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("nine.csv"), """
                params,tokens,loss
                5e+07,2e+09,3.693992
                5e+07,8e+09,3.373844
                5e+07,3.2e+10,3.131760
                2e+08,2e+09,3.312946
                2e+08,8e+09,2.960062
                2e+08,3.2e+10,2.754562
                1.6e+09,2e+09,3.014596
                1.6e+09,8e+09,2.672223
                1.6e+09,3.2e+10,2.464380
                """);

        CliRun run = CliRun.of("bootstrap", "--data", data.toString(), "--resamples", "20", "--policy-draws", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("LINE_SEARCH_FAILED")
                .contains("warning: Fit B did not converge (L-BFGS stopped: LINE_SEARCH_FAILED)");
        assertThat(run.err()).contains("warning: Fit B did not converge");
    }

    @Test
    void badPolicyOptionsAreUsageErrors() {
        String[] common = {"bootstrap", "--data", "chinchilla:epoch", "--resamples", "10"};
        CliRun range = CliRun.of(concat(common, "--policy-compute", "18:28"));
        assertThat(range.exitCode()).isEqualTo(2);
        assertThat(range.err()).contains("--policy-compute must be FROM:TO:STEP");
        assertThat(CliRun.of(concat(common, "--policy-draws", "-1")).exitCode()).isEqualTo(2);
        assertThat(CliRun.of(concat(common, "--reference", "kaplan")).exitCode()).isEqualTo(2);
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
