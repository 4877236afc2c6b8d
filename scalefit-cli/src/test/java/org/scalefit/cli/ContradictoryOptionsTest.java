package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.PublishedValues;

/** Options that say opposite things are refused with both named, before any work and without output. */
class ContradictoryOptionsTest {

    @TempDir
    Path folder;

    private Path law() {
        return PublishedValues.copy("gemstones/parameters_delta-3/approach_3_width_depth_parameters_grid_search_0_"
                + "hot_100b+.json", folder.resolve("law.json"));
    }

    @Test
    void parabolaRefusesAnIndustryBandWithNoIndustry() {
        Path out = folder.resolve("parabola.json");

        CliRun run = CliRun.of("parabola", "--law", law().toString(), "--no-industry", "--industry-band", "0.05",
                "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--no-industry").contains("--industry-band");
        assertThat(out).doesNotExist();
    }

    @Test
    void parabolaRefusesAnIndustryFileOrExclusionWithNoIndustry() throws Exception {
        Path models = Files.writeString(folder.resolve("models.json"), "{}");

        CliRun file = CliRun.of("parabola", "--law", law().toString(), "--no-industry", "--industry",
                models.toString());
        CliRun exclude = CliRun.of("parabola", "--law", law().toString(), "--no-industry", "--industry-exclude",
                "gpt2");

        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.err()).contains("--no-industry").contains("--industry");
        assertThat(exclude.exitCode()).isEqualTo(2);
        assertThat(exclude.err()).contains("--no-industry").contains("--industry-exclude");
    }

    @Test
    void frontierRefusesAFlopsColumnWithAFlopCount() throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss,flops\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8}) {
            for (double d : new double[] {1e9, 3e9, 1e10}) {
                csv.append(n).append(',').append(d).append(',').append(1.7 + 400 / Math.pow(n, 0.34)
                        + 410 / Math.pow(d, 0.28)).append(',').append(6 * n * d).append('\n');
            }
        }
        Path data = Files.writeString(folder.resolve("runs.csv"), csv);
        Path out = folder.resolve("frontier.json");

        CliRun run = CliRun.of("frontier", "--data", data.toString(), "--flops", "flops", "--flop-count", "kaplan",
                "--bootstrap", "0", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--flops flops").contains("--flop-count kaplan");
        assertThat(out).doesNotExist();
    }
}
