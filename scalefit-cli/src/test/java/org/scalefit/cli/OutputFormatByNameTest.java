package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output file named for another format than the command writes ({@code predict --out p.json} writes CSV,
 * {@code fit --out fit.csv} JSON) would be read back as that format and fail far from here: it is a usage error
 * naming the format the command writes, before any work, with nothing written.
 */
class OutputFormatByNameTest {

    @TempDir
    Path folder;

    @Test
    void predictRefusesAJsonNameForItsCsv() {
        Path out = folder.resolve("predictions.json");

        CliRun run = CliRun.of("predict", "--reference", "chinchilla-unrounded", "--at", "N=1e9,D=2e10", "--out",
                out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("predictions.json", "CSV");
        assertThat(out).doesNotExist();
    }

    @Test
    void fitRefusesACsvNameForItsJson() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());
        Path out = folder.resolve("fit.csv");

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--no-store", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("fit.csv", "JSON");
        assertThat(out).doesNotExist();
        assertThat(run.out()).isEmpty();
    }
}
