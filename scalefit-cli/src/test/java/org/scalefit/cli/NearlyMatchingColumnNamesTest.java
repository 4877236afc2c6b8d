package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Columns are found under their exact names only (a column {@code n} or {@code d} may be anything); a header that
 * differs from a default name in case or by spaces around it is not taken silently, but named in the error with the
 * option that maps it, ready to copy.
 */
class NearlyMatchingColumnNamesTest {

    @TempDir
    Path folder;

    @Test
    void aHeaderInAnotherCaseIsNamedWithTheOptionThatMapsIt() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"),
                ChinchillaRuns.ladder().replaceFirst("params,tokens,loss", "Params,Tokens,Loss"));

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--no-store");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("--column \"params=Params\" --column \"tokens=Tokens\" --column \"loss=Loss\"");
    }

    @Test
    void aHeaderWithSpacesAfterItsCommasIsNamedWithTheOptionThatMapsIt() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"),
                ChinchillaRuns.ladder().replaceFirst("params,tokens,loss", "params, tokens, loss"));

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--no-store");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("--column \"tokens= tokens\" --column \"loss= loss\"");
    }
}
