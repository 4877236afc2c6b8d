package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start grid, scale or bounds given to a parameter that is not fitted (fixed by {@code --fix} or by a named law, or
 * tied to another) would have no effect: it is refused naming both controls, before any fit, with nothing written.
 */
class ControlsOfHeldParametersTest {

    private static final String LAW = "E + A/N^alpha + B/D^beta";

    @TempDir
    Path folder;

    private Path runs() throws Exception {
        return Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());
    }

    @Test
    void startsOfAParameterHeldByFixAreRefused() throws Exception {
        Path out = folder.resolve("fit.json");

        CliRun run = CliRun.of("fit", "--data", runs().toString(), "--law", LAW, "--log", "A,B", "--fix", "E=1.7",
                "--start", "E=1,2", "--no-store", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--start E=1,2", "--fix E=1.7");
        assertThat(out).doesNotExist();
    }

    @Test
    void theLogScaleOfAParameterANamedLawFixesIsRefusedSayingHowToFitIt() throws Exception {
        Path data = Files.writeString(folder.resolve("dc.csv"),
                "params,tokens,unique_tokens,loss\n1e8,1e9,1e9,3.9\n1e8,4e9,1e9,3.8\n1e9,1e10,1e9,3.0\n"
                        + "1e9,4e10,4e9,2.9\n3e9,1e10,1e10,2.7\n3e9,4e10,1e10,2.6\n");

        CliRun run = CliRun.of("fit", "--data", data.toString(), "--law", "data-constrained", "--log", "a",
                "--no-store");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--log a", "fixed at 6.255414 by the law data-constrained",
                "write the law as text");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void boundsOfATiedParameterAreRefusedNamingTheParameterItFollows() throws Exception {
        CliRun run = CliRun.of("fit", "--data", runs().toString(), "--law", LAW, "--log", "E,A,B", "--tie",
                "beta=alpha", "--bounds", "beta=0:1", "--no-store");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--bounds beta=0:1", "tied to alpha", "--bounds alpha=");
    }

    @Test
    void theLogScaleOfATiedParameterIsRefused() throws Exception {
        CliRun run = CliRun.of("fit", "--data", runs().toString(), "--law", LAW, "--log", "E,A,B,beta", "--tie",
                "beta=alpha", "--no-store");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--log beta", "tied to alpha");
    }
}
