package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --weights COLUMN}: a weight of 0 leaves its point out of the fit (it adds nothing to F = Σ w_i·ρ(r_i)), as
 * if its row were not there; a negative weight is refused at its line.
 */
class ZeroWeightsTest {

    private static final String LAW = "E + A/N^alpha + B/D^beta";

    @TempDir
    Path folder;

    /** The ladder's runs with a weight column: 1, or 0 on the rows {@code zero} (data rows, from 0). */
    private Path weighted(String name, List<Integer> zero, boolean keepZeroRows) throws Exception {
        List<String> lines = ChinchillaRuns.ladder().lines().toList();
        StringBuilder csv = new StringBuilder(lines.get(0)).append(",w\n");
        for (int i = 1; i < lines.size(); i++) {
            boolean isZero = zero.contains(i - 1);
            if (isZero && !keepZeroRows) {
                continue;
            }
            csv.append(lines.get(i)).append(isZero ? ",0" : ",1").append('\n');
        }
        return Files.writeString(folder.resolve(name), csv.toString());
    }

    @Test
    void aWeightOfZeroLeavesThePointOutAsIfItsRowWereNotThere() throws Exception {
        Path withZeros = weighted("zeros.csv", List.of(0, 3), true);
        Path without = weighted("without.csv", List.of(0, 3), false);

        CliRun zeros = CliRun.of("fit", "--data", withZeros.toString(), "--law", LAW, "--log", "E,A,B", "--weights",
                "w", "--no-store", "--threads", "1");
        CliRun left = CliRun.of("fit", "--data", without.toString(), "--law", LAW, "--log", "E,A,B", "--weights",
                "w", "--no-store", "--threads", "1");

        assertThat(zeros.exitCode()).as(zeros.err()).isZero();
        assertThat(withoutTimings(zeros.out())).isEqualTo(withoutTimings(left.out()));
    }

    @Test
    void aNegativeWeightIsRefusedAtItsLine() throws Exception {
        Path data = weighted("negative.csv", List.of(), true);
        String csv = Files.readString(data);
        int second = csv.indexOf('\n', csv.indexOf('\n') + 1);
        Files.writeString(data, csv.substring(0, second - 1) + "-1" + csv.substring(second));

        CliRun run = CliRun.of("fit", "--data", data.toString(), "--law", LAW, "--weights", "w", "--no-store");

        assertThat(run.exitCode()).isEqualTo(ScalefitCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("negative.csv:2: column 'w'").contains("-1");
    }

    @Test
    void aWeightColumnOfZerosIsRefusedAsLeavingNothingToFit() throws Exception {
        Path data = weighted("zeros.csv", java.util.stream.IntStream.range(0, 30).boxed().toList(), true);

        CliRun run = CliRun.of("fit", "--data", data.toString(), "--law", LAW, "--weights", "w", "--no-store");

        assertThat(run.exitCode()).isEqualTo(ScalefitCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("zeros.csv: column 'w'").contains("0 at every row");
    }

    private static String withoutTimings(String out) {
        return out.replaceAll("[0-9.]+ s on [0-9]+ threads?", "").replaceAll("(?m)^.*(zeros|without)\\.csv.*$", "");
    }
}
