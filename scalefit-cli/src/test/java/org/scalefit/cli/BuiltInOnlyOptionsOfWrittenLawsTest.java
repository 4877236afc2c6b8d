package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options of the built-in laws' fit would be dropped by a law written as text or named in the law language (its
 * starts are its parameters' own): they are refused by name, before any fit.
 */
class BuiltInOnlyOptionsOfWrittenLawsTest {

    @TempDir
    Path folder;

    @Test
    void theEpochGridIsRefusedForALawWrittenAsTextNamingTheStartsOption() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--law", "E + A/N^alpha + B/D^beta", "--log",
                "E,A,B", "--grid", "epoch", "--no-store");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--grid", "--start NAME=");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void fixingAParameterOfTheBuiltInLawPointsToTheLawWrittenAsTextNotToBootstrap() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--fix", "E=1.7", "--no-store");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--fix", "--law 'E + A/N^alpha + B/D^beta'")
                .doesNotContain("scalefit bootstrap --fit");
    }

    @Test
    void aVocabularyIsRefusedForANamedLawOfTheLawLanguage() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--law", "kaplan", "--vocab", "32000",
                "--no-store");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--vocab");
    }
}
