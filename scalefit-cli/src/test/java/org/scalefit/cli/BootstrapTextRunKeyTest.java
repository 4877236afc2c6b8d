package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bootstrap --fit --run-key} names a column read as numbers; naming a text column (the runs' names) is refused
 * with the way to key runs by name, {@code --run-key run}, which then works.
 */
class BootstrapTextRunKeyTest {

    @TempDir
    Path folder;

    /** Two seeds of each of 5 sizes × 4 token counts, each run named in a run_name column. */
    private Path fit() throws IOException {
        StringBuilder csv = new StringBuilder("run_name,params,tokens,loss\n");
        int i = 0;
        for (int seed = 0; seed < 2; seed++) {
            for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
                for (double d : new double[] {2e8, 1e9, 5e9, 2e10}) {
                    double loss = (1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28))
                            * (1 + 0.003 * Math.sin(7 * i++));
                    csv.append(String.format(Locale.ROOT, "seed%d-%g,%g,%g,%.5f%n", seed, n, n, d, loss));
                }
            }
        }
        Path data = Files.writeString(folder.resolve("runs.csv"), csv);
        Path fit = folder.resolve("fit.json");
        CliRun run = CliRun.of("fit", "--data", data.toString(), "--out", fit.toString(), "--no-store", "--threads",
                "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return fit;
    }

    @Test
    void aTextColumnAsRunKeyIsRefusedWithTheWayToKeyRunsByName() throws IOException {
        CliRun run = CliRun.of("bootstrap", "--fit", fit().toString(), "--run-key", "run_name", "--resamples", "4");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("run_name").contains("--run-key run");
    }

    @Test
    void theRunsNamesKeyRunsWithRunKeyRun() throws IOException {
        CliRun run = CliRun.of("bootstrap", "--fit", fit().toString(), "--run-key", "run", "--resamples", "4");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("10 runs, one per distinct run (all points of a run drawn together)");
    }
}
