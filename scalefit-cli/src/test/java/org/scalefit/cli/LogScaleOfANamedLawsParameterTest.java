package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-constrained law's fit suggests "--log R_N_star" when R_N* ends far beyond its starts; that option, with or
 * without the user's starts, fits (the law's start R* = 0 has no log) instead of refusing the law's own start grid.
 */
class LogScaleOfANamedLawsParameterTest {

    @TempDir
    Path folder;

    private Path data() throws Exception {
        return Files.writeString(folder.resolve("dc.csv"),
                "params,tokens,unique_tokens,loss\n1e8,1e9,1e9,3.9\n1e8,4e9,1e9,3.8\n1e9,1e10,1e9,3.0\n"
                        + "1e9,4e10,4e9,2.9\n3e9,1e10,1e10,2.7\n3e9,4e10,1e10,2.6\n");
    }

    @Test
    void theLogScaleWithTheUsersStartsFits() throws Exception {
        CliRun run = CliRun.of("fit", "--data", data().toString(), "--law", "data-constrained", "--log", "R_D_star",
                "--start", "R_D_star=1,5,20", "--threads", "1", "--no-store");

        assertThat(run.exitCode()).as(run.err()).isNotEqualTo(2);
        assertThat(run.err()).doesNotContain("strictly inside the bounds");
        assertThat(run.out()).contains("objective = ").containsPattern("(?m)^\\s*R_D_star\\s*=");
    }

    @Test
    void theLogScaleWithoutStartsFitsFromTheLawsPositiveStartsAndSaysSo() throws Exception {
        CliRun run = CliRun.of("fit", "--data", data().toString(), "--law", "data-constrained", "--log", "R_N_star",
                "--threads", "1", "--no-store");

        assertThat(run.exitCode()).as(run.err()).isNotEqualTo(2);
        assertThat(run.err()).contains("note: --log R_N_star drops the law's start 0");
    }
}
