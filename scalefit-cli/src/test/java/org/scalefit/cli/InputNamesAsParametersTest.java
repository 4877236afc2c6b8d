package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a law written as text N, D, U, C and M are inputs unless a control names them: a user who writes
 * {@code C/U^gamma} meaning a coefficient C, without a control of C, is told that C is read as the FLOPs input and how
 * to make it a parameter; a name mapped with --input stays an input, and a control of it says so.
 */
class InputNamesAsParametersTest {

    private static final String LAW = "E + A/N^alpha + B/D^beta + C/U^gamma";

    @TempDir
    Path folder;

    private Path runs() throws Exception {
        return Files.writeString(folder.resolve("runs.csv"), "params,tokens,unique_tokens,loss\n"
                + "1e8,1e9,1e9,3.9\n1e8,4e9,1e9,3.8\n1e9,1e10,1e9,3.0\n1e9,4e10,4e9,2.9\n3e9,1e10,1e10,2.7\n"
                + "3e9,4e10,1e10,2.6\n3e8,2e10,5e9,3.1\n");
    }

    @Test
    void aControlOfAnInputMappedWithInputSaysItIsAnInput() throws Exception {
        CliRun run = CliRun.of("fit", "--data", runs().toString(), "--law", LAW, "--input", "C=unique_tokens",
                "--log", "E,A,B,C", "--no-store");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'C' is an input", "unique_tokens", "another name");
    }

    @Test
    void aMissingColumnOfADefaultInputSaysHowToMakeItAParameter() throws Exception {
        CliRun run = CliRun.of("fit", "--data", runs().toString(), "--law", LAW, "--log", "E,A,B", "--no-store");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("input 'C' reads column 'FLOPs'", "--input C=COLUMN",
                "if C is a parameter, name it in --start, --log or --bounds");
    }
}
