package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit --law … --bootstrap B}: a parameter the data do not determine (only A·K is identified in
 * {@code E + A*K/N^alpha + B/D^beta}) gets no honest interval from refits that start at the optimum, so it is marked
 * not identified in the printout and the document, as {@code bootstrap --fit} marks the built-in laws'.
 */
class WrittenLawUnidentifiedIntervalsTest {

    @TempDir
    Path folder;

    @Test
    void theIntervalOfAParameterTheDataDoNotDetermineIsMarkedNotIdentified() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), noisyLadder());
        Path out = folder.resolve("fit.json");

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--law", "E + A*K/N^alpha + B/D^beta", "--log",
                "E,A,B,K", "--bootstrap", "20", "--threads", "2", "--no-store", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^  K +in \\[.*\\] \\*$")
                .containsPattern("(?m)^  alpha +in \\[[^*]*\\]$")
                .contains("* not identified");
        assertThat(Files.readString(out)).containsPattern("\"not_identified\" : \\[[^]]*\"K\"");
    }

    @Test
    void aFixedParameterIsPrintedAsFixedNotAsAZeroWidthInterval() throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), noisyLadder());

        CliRun run = CliRun.of("fit", "--data", runs.toString(), "--law", "E + A/N^alpha + B/D^beta", "--log",
                "A,B", "--fix", "E=1.69", "--bootstrap", "10", "--threads", "2", "--no-store");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String intervals = run.out().substring(run.out().indexOf("bootstrap:"));
        assertThat(intervals).containsPattern("(?m)^  E +fixed at 1\\.69$").doesNotContain("[1.69000, 1.69000]");
    }

    /** Chinchilla's law on six sizes × five token counts, each loss off by a deterministic 0.3 % at most. */
    private static String noisyLadder() {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        int i = 0;
        for (double n : new double[] {5e7, 1e8, 2e8, 4e8, 8e8, 1.6e9}) {
            for (double d : new double[] {2e9, 4e9, 8e9, 1.6e10, 3.2e10}) {
                double loss = (1.69 + 406.4 * Math.pow(n, -0.34) + 410.7 * Math.pow(d, -0.28)) * (1 + 0.003
                        * Math.sin(++i));
                csv.append(n).append(',').append(d).append(',').append(loss).append('\n');
            }
        }
        return csv.toString();
    }
}
