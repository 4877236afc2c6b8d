package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Huber threshold that is not a positive finite number is refused where it was typed: the message names the option
 * ({@code --delta}, {@code --deltas}) or the law file's field, not only the engine's "Huber delta".
 */
class DeltaOutOfRangeTest {

    @TempDir
    Path folder;

    @Test
    void aNonPositiveDeltaIsRefusedNamingTheOption() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--law", "E + A/N^alpha + B/D^beta", "--delta", "0",
                "--no-store");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--delta").contains("positive");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aNonPositiveDeltaOfTheDeltaGridIsRefusedNamingTheOption() {
        CliRun run = CliRun.of("sensitivity", "delta-grid", "--data", "gemstones:hot", "--deltas", "1e-3,-1e-4");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--deltas").contains("positive");
    }

    @Test
    void aLawFilesNonPositiveDeltaIsRefusedNamingTheField() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());
        Path law = Files.writeString(folder.resolve("law.json"), "{\"expression\": \"E + A/N^alpha + B/D^beta\", "
                + "\"delta\": -1e-4}");

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--law-file", law.toString(), "--no-store");

        assertThat(run.exitCode()).isEqualTo(ScalefitCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("law.json", "delta", "positive").doesNotContain("Huber delta must");
    }
}
