package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that refits only the built-in laws, given a law of the law language or one written as text, says that
 * it takes the built-in laws and where such a law is fitted, rather than calling a known law unknown.
 */
class BuiltInLawOnlyCommandsTest {

    @TempDir
    Path folder;

    @Test
    void rolloutOfANamedLawOfTheLawLanguageSaysWhereThatLawIsFitted() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());

        CliRun run = CliRun.of("rollout", "--data", runs.toString(), "--law", "kaplan");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("built-in laws", "scalefit fit --law").doesNotContain("unknown law");
    }

    @Test
    void rolloutOfALawWrittenAsTextSaysWhereThatLawIsFitted() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());

        CliRun run = CliRun.of("rollout", "--data", runs.toString(), "--law", "E + A/N^alpha + B/D^beta");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("built-in laws", "scalefit fit --law").doesNotContain("unknown law");
    }
}
