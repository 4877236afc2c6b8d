package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the held-out summary says when held-out fits find no optimum. */
class RolloutFailedFitsTest {

    @TempDir
    Path folder;

    @Test
    void heldOutFitsThatCannotIdentifyTheLawSayWhyInsteadOfBlamingTheStarts() throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        for (double n : new double[] {2e7, 4e7}) {
            for (double d = 2e9; d < 3e11; d *= 2) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", n, d,
                        1.69 + 406.4 * Math.pow(n, -0.34) + 410.7 * Math.pow(d, -0.28)));
            }
        }
        Path runs = folder.resolve("two-sizes.csv");
        Files.writeString(runs, csv);

        CliRun run = CliRun.of("rollout", "--data", runs.toString(), "--grid", "coarse", "--threads", "1");

        assertThat(run.out()).doesNotContain("no start converged")
                .contains("params is 2.00000e+07 at every point");
    }

    @Test
    void whenNoHeldOutFitCanIdentifyTheLawTheRunExitsFive() throws Exception {
        Path runs = folder.resolve("two-sizes.csv");
        Files.writeString(runs, table(new double[] {2e7, 4e7}));

        CliRun run = CliRun.of("rollout", "--data", runs.toString(), "--grid", "coarse", "--threads", "1");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).contains("no held-out fit could identify the law");
    }

    @Test
    void eachFailedHeldOutFitIsNamedBesideItsReasons() throws Exception {
        Path runs = folder.resolve("five-sizes.csv");
        Files.writeString(runs, table(new double[] {2e7, 4e7, 8e7, 1.6e8, 3.2e8}));

        CliRun run = CliRun.of("rollout", "--data", runs.toString(), "--mode", "rollout", "--smallest", "2,3",
                "--grid", "coarse", "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("k = 2: not identified: too few distinct values: params takes 2 distinct "
                + "values").doesNotContain("k = 3:");
    }

    /**
     * Fewer than 3 sizes give every input of a built-in law fewer than 3 distinct values (fit's identification rule),
     * so the default roll-out starts at k = 3: it has no fit that cannot succeed.
     */
    @Test
    void theDefaultRolloutStartsAtTheSmallestNumberOfSizesThatCanIdentifyTheLaw() throws Exception {
        Path runs = folder.resolve("five-sizes.csv");
        Files.writeString(runs, table(new double[] {2e7, 4e7, 8e7, 1.6e8, 3.2e8}));

        CliRun run = CliRun.of("rollout", "--data", runs.toString(), "--mode", "rollout", "--grid", "coarse",
                "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("k = 2").doesNotContain("failed")
                .containsPattern("(?m)^ +3 80000000 ").containsPattern("(?m)^ +4 160000000 ");
    }

    /** Runs of L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 at each size and 2e9 … 2.6e11 tokens. */
    private static String table(double[] sizes) {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        for (double n : sizes) {
            for (double d = 2e9; d < 3e11; d *= 2) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", n, d,
                        1.69 + 406.4 * Math.pow(n, -0.34) + 410.7 * Math.pow(d, -0.28)));
            }
        }
        return csv.toString();
    }
}
