package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scalefit bootstrap --fit} on a table of one row per run, the runs named in a run column. */
class BootstrapRunColumnTest {

    @TempDir
    Path folder;

    /** 30 runs, one row each, 5 per model size, named run-00 … run-29; fitted, the fit written to fit.json. */
    private Path fitOfThirtyNamedRuns() throws IOException {
        StringBuilder csv = new StringBuilder("run_name,params,tokens,loss\n");
        int run = 0;
        for (double n : new double[] {1e8, 2e8, 4e8, 8e8, 1.6e9, 3.2e9}) {
            for (double d : new double[] {2e9, 4e9, 8e9, 16e9, 32e9}) {
                double loss = (1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(d, 0.28))
                        * (1 + 0.003 * ((run * 7) % 5 - 2));
                csv.append(String.format(Locale.ROOT, "run-%02d,%.6g,%.6g,%.9f%n", run++, n, d, loss));
            }
        }
        Path data = Files.writeString(folder.resolve("runs.csv"), csv);
        Path fit = folder.resolve("fit.json");
        CliRun fitted = CliRun.of("fit", "--data", data.toString(), "--grid", "epoch", "--no-store", "--out",
                fit.toString());
        assertThat(fitted.exitCode()).as(fitted.err()).isZero();
        return fit;
    }

    @Test
    void theDefaultUnitsOfATableWhoseRunColumnNamesMoreRunsAreStatedAndWarnedAbout() throws IOException {
        CliRun run = CliRun.of("bootstrap", "--fit", fitOfThirtyNamedRuns().toString(), "--resamples", "20",
                "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("runs scheme: 6 runs, one per distinct params")
                .contains("warning: the run column names 30 runs among the points, but the runs scheme resampled 6 "
                        + "units").contains("--run-key run");
    }
}
