package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frontier}'s first line says what it counted and which frontier it drew: rows are points (a run, or one
 * checkpoint of a run), and with {@code --drop-dominated} the frontier is the strict Pareto frontier of the hull runs.
 */
class FrontierHeaderTest {

    @TempDir
    Path folder;

    @Test
    void theHeaderCountsTheTablesRowsAsPointsNotRuns() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());
        long rows = ChinchillaRuns.ladder().lines().count() - 1;

        CliRun run = CliRun.of("frontier", "--data", data.toString(), "--bootstrap", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).contains(": " + rows + " points, ")
                .doesNotContain(" runs");
    }

    @Test
    void withDropDominatedTheHeaderNamesTheStrictParetoFrontier() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());

        CliRun run = CliRun.of("frontier", "--data", data.toString(), "--bootstrap", "0", "--drop-dominated");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).contains("strict Pareto frontier of the runs on the "
                + "lower convex hull");
    }
}
