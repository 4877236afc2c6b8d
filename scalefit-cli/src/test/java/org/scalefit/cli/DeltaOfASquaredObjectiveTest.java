package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Huber threshold given to a squared objective (gadre-overtraining's, {@code --objective squared}, or a law file's
 * {@code "objective": "squared"}) would be dropped without effect: it is refused, as {@code --kappa} is for any
 * objective but over-estimate.
 */
class DeltaOfASquaredObjectiveTest {

    @TempDir
    Path folder;

    @Test
    void deltaIsRefusedForANamedLawFittedBySquares() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--law", "gadre-overtraining", "--delta", "1e-4",
                "--no-store");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--delta", "squared");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void deltaIsRefusedWithObjectiveSquared() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--law", "E + A/N^alpha + B/D^beta", "--log",
                "E,A,B", "--objective", "squared", "--delta", "1e-4", "--no-store");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--delta", "squared");
    }

    @Test
    void aLawFilesDeltaIsRefusedWithItsSquaredObjective() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());
        Path law = Files.writeString(folder.resolve("law.json"), "{\"expression\": \"E + A/N^alpha + B/D^beta\", "
                + "\"objective\": \"squared\", \"delta\": 1e-4}");

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--law-file", law.toString(), "--no-store");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("law.json", "delta", "squared");
    }
}
