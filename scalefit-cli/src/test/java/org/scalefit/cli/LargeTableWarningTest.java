package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fit, bootstrap and report warn once, on standard error, when their --data table has at least
 * {@code scalefit.largeTableRows} rows (1 000 000 by default), and say nothing below it. The threshold is lowered to
 * the 12 rows of a small table here.
 */
class LargeTableWarningTest {

    @TempDir
    Path folder;

    static Stream<String> commands() {
        return Stream.of("fit --no-store --threads 2", "bootstrap --resamples 4 --threads 2",
                "report --threads 2 --out REPORT");
    }

    private CliRun run(String command, long threshold) throws Exception {
        Path data = folder.resolve("runs.csv");
        Files.writeString(data, UserRunsCommandTest.runs("params,tokens,loss", ","));
        String[] words = command.replace("REPORT", folder.resolve("report-" + threshold).toString()).split(" ");
        String[] args = new String[words.length + 2];
        args[0] = words[0];
        args[1] = "--data";
        args[2] = data.toString();
        System.arraycopy(words, 1, args, 3, words.length - 1);
        return withThreshold(threshold, args);
    }

    /** The command line run in-process with the system property set to {@code threshold}, then restored. */
    private static CliRun withThreshold(long threshold, String... args) {
        String before = System.getProperty(LargeTableWarning.THRESHOLD_PROPERTY);
        System.setProperty(LargeTableWarning.THRESHOLD_PROPERTY, Long.toString(threshold));
        try {
            return CliRun.of(args);
        } finally {
            if (before == null) {
                System.clearProperty(LargeTableWarning.THRESHOLD_PROPERTY);
            } else {
                System.setProperty(LargeTableWarning.THRESHOLD_PROPERTY, before);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aTableOfTheThresholdsRowsIsWarnedOfOnceAndOneRowFewerIsNot(String command) throws Exception {
        Path data = folder.resolve("runs.csv");

        CliRun large = run(command, 12);
        CliRun small = run(command, 13);

        assertThat(large.err()).containsOnlyOnce("scalefit: warning: " + data + " has 12 rows (warned from 12, "
                + "-Dscalefit.largeTableRows=N)").contains("--where");
        assertThat(large.out()).doesNotContain("has 12 rows");
        assertThat(small.err()).doesNotContain("has 12 rows");
        assertThat(small.exitCode()).isEqualTo(large.exitCode());
    }

    @Test
    void theBootstrapOfAFitWarnsOfTheFitsData() throws Exception {
        Path fit = folder.resolve("fit.json");
        assertThat(run("fit --no-store --threads 2 --out " + fit, 13).exitCode()).isZero();

        CliRun run = withThreshold(12, "bootstrap", "--fit", fit.toString(), "--resamples", "4", "--threads", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsOnlyOnce("the data of " + fit + " has 12 rows (warned from 12");
    }

    @Test
    void theDefaultThresholdIsAMillionRows() {
        assertThat(System.getProperty(LargeTableWarning.THRESHOLD_PROPERTY)).isNull();
        assertThat(LargeTableWarning.threshold()).isEqualTo(1_000_000);
    }
}
