package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scalefit fit}'s caution that runs repeat their data (Muennighoff et al. 2023's runs, datablations:c4: 255 of
 * the 296 train on more tokens than their unique tokens), for a law written as text and for standard input.
 */
class RepeatedDataCautionCommandTest {

    private static final String CAUTION = "repeated data: 255 of 296 runs train on more tokens than their unique "
            + "tokens (up to 9000 epochs)";

    @TempDir
    Path folder;

    @Test
    void aWrittenLawInTokensIsCautionedInItsOutputAndDocument() throws IOException {
        Path out = folder.resolve("fit.json");
        CliRun run = CliRun.of("fit", "--law", "E + A/N^alpha + B/D^beta", "--log", "E,A,B", "--data",
                "datablations:c4", "--no-store", "--threads", "2", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("warning: " + CAUTION).contains("--law data-constrained");
        assertThat(Files.readString(out)).contains(CAUTION);
    }

    @Test
    void aLawThatReadsTheUniqueTokensModelsRepetitionAndIsNotCautioned() {
        CliRun run = CliRun.of("fit", "--law", "data-constrained", "--data", "datablations:c4_published_fit",
                "--no-store", "--threads", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("repeated data");
    }

    @Test
    void runsOnStandardInputAreCautioned() throws IOException {
        byte[] runs;
        try (InputStream in = getClass().getResourceAsStream("/org/scalefit/io/datasets/datablations/runs.csv")) {
            runs = in.readAllBytes();
        }
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(runs));
        try {
            CliRun run = CliRun.of("fit", "--data", "-", "--no-store", "--threads", "2");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("warning: " + CAUTION);
        } finally {
            System.setIn(original);
        }
    }
}
