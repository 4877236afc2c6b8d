package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --fix} and {@code --tie} take several NAME=VALUE pairs separated by commas, as {@code --log} takes several
 * names: {@code --fix E=1.7,alpha=0.3} holds both (it was refused as "'1.7,alpha=0.3' is not a double").
 */
class CommaSeparatedControlsTest {

    private static final String LAW = "E + A/N^alpha + B/D^beta";

    @TempDir
    Path folder;

    @Test
    void oneFixHoldsEveryParameterOfItsCommaSeparatedList() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--law", LAW, "--log", "A,B", "--fix",
                "E=1.7,alpha=0.3", "--no-store");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("E          = 1.700000000 (fixed)", "alpha      = 0.3000000000 (fixed)");
    }

    @Test
    void oneTieTiesEveryPairOfItsCommaSeparatedList() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--law", "E + A/N^alpha + B/D^beta + K/D^gamma",
                "--log", "A,B,K", "--tie", "beta=alpha,gamma=alpha", "--fix", "E=1.7", "--no-store");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("beta +=.* \\(= alpha\\)").containsPattern("gamma +=.* \\(= alpha\\)");
    }
}
