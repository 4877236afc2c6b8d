package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frontier} counts FLOPs as 6·N·D unless told to read a column: a table that has its own FLOPs column would
 * otherwise be analysed on other numbers than the user's without a word, so the printout says where C came from.
 */
class FrontierFlopsSourceTest {

    @TempDir
    Path folder;

    @Test
    void theHeaderSaysFlopsAreSixNDAndHowToReadAColumnInstead() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), withFlops("FLOPs"));

        CliRun run = CliRun.of("frontier", "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).contains("6·N·D", "--flops COLUMN");
    }

    @Test
    void theHeaderNamesTheColumnFlopsAreReadFrom() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), withFlops("compute"));

        CliRun run = CliRun.of("frontier", "--data", data.toString(), "--flops", "compute");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).contains("column compute");
    }

    /** The ladder with a FLOPs column {@code name} of 6.5·N·D (attention included, say). */
    private static String withFlops(String name) {
        StringBuilder runs = new StringBuilder("params,tokens,loss," + name + "\n");
        ChinchillaRuns.ladder().lines().skip(1).forEach(line -> {
            String[] cells = line.split(",");
            runs.append(line).append(',').append(6.5 * Double.parseDouble(cells[0]) * Double.parseDouble(cells[1]))
                    .append('\n');
        });
        return runs.toString();
    }
}
