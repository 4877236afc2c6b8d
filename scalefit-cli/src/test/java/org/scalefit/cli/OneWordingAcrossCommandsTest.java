package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same thing said the same way in every command's text output. */
class OneWordingAcrossCommandsTest {

    private static final String DATA = "gemstones:slim_chinchilla";

    @TempDir
    Path folder;

    @Test
    void everyCommandWritesTheHuberThresholdAsDeltaEqualsItsShortestDecimal() throws IOException {
        Path fit = folder.resolve("fit.json");
        List<CliRun> runs = List.of(
                CliRun.of("fit", "--data", DATA, "--grid", "epoch", "--delta", "2.5e-4", "--out", fit.toString(),
                        "--no-store"),
                CliRun.of("fit", "--data", DATA, "--law", "E + A/N^alpha + B/D^beta", "--log", "A,B", "--delta",
                        "2.5e-4", "--no-store"),
                CliRun.of("rollout", "--data", DATA, "--mode", "rollout", "--smallest", "14", "--grid", "epoch",
                        "--delta", "2.5e-4"),
                CliRun.of("bootstrap", "--data", DATA, "--resamples", "20", "--policy-draws", "0", "--delta",
                        "2.5e-4"));
        for (CliRun run : runs) {
            assertThat(run.out()).as(run.err()).contains("δ = 2.5e-4").doesNotContain("delta")
                    .doesNotContain("0.00025");
        }
        CliRun stored = CliRun.of("bootstrap", "--fit", fit.toString(), "--data", DATA, "--resamples", "5");
        assertThat(stored.out()).as(stored.err()).contains("δ = 2.5e-4").doesNotContain("delta");

        CliRun grid = CliRun.of("sensitivity", "delta-grid", "--data", DATA, "--deltas", "2.5e-4", "--grid-sizes",
                "10");
        assertThat(grid.out()).as(grid.err()).containsPattern("(?m)^δ +target").containsPattern("(?m)^2\\.5e-4 +10 ");
    }

    @Test
    void theMinimisedQuantityIsCalledTheObjectiveNeverTheLoss() {
        CliRun builtIn = CliRun.of("fit", "--data", DATA, "--grid", "epoch", "--no-store");
        CliRun written = CliRun.of("fit", "--data", DATA, "--law", "E + A/N^alpha + B/D^beta", "--log", "A,B",
                "--no-store");
        CliRun grid = CliRun.of("sensitivity", "delta-grid", "--data", DATA, "--deltas", "1e-3", "--grid-sizes",
                "10");

        assertThat(builtIn.out()).containsPattern("(?m)^objective = ").doesNotContain("Huber sum");
        assertThat(written.out()).containsPattern("(?m)^objective = ");
        assertThat(grid.out()).containsPattern("(?m)^δ +target +e×c×r +starts +objective +alpha")
                .doesNotContain(" loss ");
    }

    @Test
    void aFitTheDataCannotIdentifyGivesItsReasonsOnceOnStandardOutput() throws IOException {
        Path data = Files.writeString(folder.resolve("one-size.csv"),
                "params,tokens,loss\n1e8,1e9,3\n1e8,2e9,2.9\n1e8,4e9,2.8\n");
        for (CliRun run : List.of(CliRun.of("fit", "--data", data.toString(), "--no-store"),
                CliRun.of("fit", "--data", data.toString(), "--law", "E + A/N^alpha + B/D^beta", "--no-store"),
                CliRun.of("sensitivity", "delta-grid", "--data", data.toString(), "--deltas", "1e-3",
                        "--grid-sizes", "10"))) {
            assertThat(run.exitCode()).isEqualTo(5);
            assertThat(run.out()).contains("NOT IDENTIFIED").contains("constant input: params");
            assertThat(run.err()).doesNotContain("constant input").contains("the data cannot identify the law")
                    .hasLineCount(1);
        }
    }

    @Test
    void predictListsTheInputsInTheOrderAtNamesThem() {
        CliRun run = CliRun.of("predict", "--law", "E + A/N^alpha + B/D^beta", "--set",
                "E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28", "--at", "D=1e10,N=1e8");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("D\tN\tloss\n1e10\t1e8\t");
    }

    @Test
    void theSamplingDesignWritesEachRoundedTokenCountWithoutFalseDigits() {
        CliRun run = CliRun.of("sensitivity", "sampling", "--data", "gemstones:hot_100b+_477", "--grid", "300",
                "--delta", "1e-3");

        assertThat(run.out()).as(run.err()).contains("reference design (tokens rounded to 2e9):")
                .contains("  size 2e9: 0, 8e9, 1.6e10,").doesNotContain("0.000");
    }

    @Test
    void aLawFileNamesItsFieldsAsFields() throws IOException {
        Path law = Files.writeString(folder.resolve("law.json"),
                "{\"expression\": \"E + A/N^alpha\", \"parameters\": {\"gamma\": {\"scale\": \"log\"}}}");

        CliRun run = CliRun.of("fit", "--data", DATA, "--law-file", law.toString(), "--no-store");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(law + ": field 'parameters.gamma': expected a parameter of the expression");
    }
}
