package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.RunTable;

/**
 * Large tables are streamed: read with exactly the numbers written and the lines they are on, with a progress that
 * rises to 1, without the file's text in memory, and stoppable by an interruption.
 */
class TableReaderStreamingTest {

    private static final ColumnRequest PARAMS_TOKENS_LOSS = ColumnRequest.of("params", "tokens", "loss");
    private static final int ROWS = 50_000;
    private static final int SMALL = 50;

    @TempDir
    Path dir;

    /** Generated runs: distinct positive numbers, each written exactly ({@link Double#toString} round-trips). */
    private record Runs(double[] params, double[] tokens, double[] loss) {

        static Runs generate(int rows, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] params = new double[rows];
            double[] tokens = new double[rows];
            double[] loss = new double[rows];
            for (int i = 0; i < rows; i++) {
                params[i] = Math.pow(10, random.nextDouble(6, 11));
                tokens[i] = Math.pow(10, random.nextDouble(8, 12));
                loss[i] = 1.7 + random.nextDouble(0, 4);
            }
            return new Runs(params, tokens, loss);
        }
    }

    /**
     * A CSV of {@code runs} ({@code rows} of them) with a note column, CRLF line ends on every third line, cells
     * DuckDB does not parse as plain numbers but scalefit reads (padded with spaces) on every 1000th row, quoted
     * cells, and a blank line after row 10; the 1-based line of each row is put in {@code lines}.
     */
    private static void writeCsv(Path file, Runs runs, int rows, int[] lines) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("params,tokens,loss,note\r\n");
            int line = 2;
            for (int i = 0; i < rows; i++) {
                if (i == 10) {
                    out.write("\n");
                    line++;
                }
                String params = i % 1000 == 7 ? "  " + runs.params[i] + " " : String.valueOf(runs.params[i]);
                String tokens = i % 5 == 0 ? "\"" + runs.tokens[i] + "\"" : String.valueOf(runs.tokens[i]);
                out.write(params + "," + tokens + "," + runs.loss[i] + ",run " + i + (i % 3 == 0 ? "\r\n" : "\n"));
                lines[i] = line++;
            }
        }
    }

    /** The same runs as JSON Lines, one object a line, with a blank line after row 10. */
    private static void writeJsonLines(Path file, Runs runs, int rows, int[] lines) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int line = 1;
            for (int i = 0; i < rows; i++) {
                if (i == 10) {
                    out.write("\n");
                    line++;
                }
                out.write("{\"params\": " + runs.params[i] + ", \"tokens\": " + runs.tokens[i] + ", \"loss\": "
                        + runs.loss[i] + ", \"note\": \"run " + i + "\"}\n");
                lines[i] = line++;
            }
        }
    }

    /** Every fraction and row count reported, and how often a read ended. */
    private static class Recorded implements ReadProgress {

        final List<Double> fractions = new ArrayList<>();
        final List<String> rows = new ArrayList<>();
        int ended;

        @Override
        public void progressed(double fraction) {
            fractions.add(fraction);
        }

        @Override
        public void read(int count) {
            rows.add(count + (ended == 0 ? "" : " after the end") + (fractions.contains(1.0) ? "" : " before 1"));
        }

        @Override
        public void ended() {
            ended++;
        }
    }

    private static void assertRuns(RunTable table, Runs runs, int rows, int[] lines) {
        assertThat(table.rows()).isEqualTo(rows);
        assertThat(table.column("params")).isEqualTo(Arrays.copyOf(runs.params, rows));
        assertThat(table.column("tokens")).isEqualTo(Arrays.copyOf(runs.tokens, rows));
        assertThat(table.column("loss")).isEqualTo(Arrays.copyOf(runs.loss, rows));
        assertThat(table.sourceLines()).isEqualTo(Arrays.copyOf(lines, rows));
    }

    private static void assertRisesToOne(Recorded progress) {
        assertThat(progress.fractions).hasSizeGreaterThan(10);
        for (int i = 1; i < progress.fractions.size(); i++) {
            assertThat(progress.fractions.get(i)).as("report %d", i).isGreaterThan(progress.fractions.get(i - 1));
        }
        assertThat(progress.fractions.get(0)).isPositive();
        assertThat(progress.fractions.get(progress.fractions.size() - 1)).isEqualTo(1.0);
        assertThat(progress.ended).isEqualTo(1);
    }

    @Test
    void aLargeCsvIsReadWithTheNumbersWrittenAsASmallOneIsAndItsProgressRisesToOne() throws IOException {
        Runs runs = Runs.generate(ROWS, 15);
        int[] lines = new int[ROWS];
        Path large = dir.resolve("large.csv");
        writeCsv(large, runs, ROWS, lines);
        Path small = dir.resolve("small.csv");
        writeCsv(small, runs, SMALL, new int[SMALL]);
        Recorded progress = new Recorded();

        TableReader.Read read = new TableReader().withProgress(progress).readWithColumns(large.toString(),
                PARAMS_TOKENS_LOSS.withOptional("run").withMapping(ColumnMapping.defaults().with("run", "note")));

        assertThat(Files.size(large)).isGreaterThan(3_000_000);
        assertRuns(read.table(), runs, ROWS, lines);
        List<String> names = read.text("run").orElseThrow();
        assertThat(names).hasSize(ROWS);
        assertThat(List.of(names.get(0), names.get(1), names.get(ROWS - 1))).containsExactly("run 0", "run 1",
                "run " + (ROWS - 1));
        assertRisesToOne(progress);
        RunTable few = new TableReader().read(small, PARAMS_TOKENS_LOSS);
        assertRuns(few, runs, SMALL, lines);
    }

    @Test
    void largeJsonLinesAreReadWithTheNumbersWrittenAsSmallOnesAreAndTheirProgressRisesToOne() throws IOException {
        Runs runs = Runs.generate(ROWS, 16);
        int[] lines = new int[ROWS];
        Path large = dir.resolve("large.jsonl");
        writeJsonLines(large, runs, ROWS, lines);
        Path small = dir.resolve("small.jsonl");
        writeJsonLines(small, runs, SMALL, new int[SMALL]);
        Recorded progress = new Recorded();

        RunTable table = new TableReader().withProgress(progress).read(large, PARAMS_TOKENS_LOSS);

        assertRuns(table, runs, ROWS, lines);
        assertRisesToOne(progress);
        assertRuns(new TableReader().read(small, PARAMS_TOKENS_LOSS), runs, SMALL, lines);
    }

    @Test
    void aReadTellsTheRowsItKeptAfterItsLastFractionAndBeforeItEndsAndAFailedReadNone() throws IOException {
        Runs runs = Runs.generate(SMALL, 19);
        Path file = dir.resolve("small.csv");
        writeCsv(file, runs, SMALL, new int[SMALL]);
        long kept = Arrays.stream(runs.loss).filter(loss -> loss < 3.5).count();
        Recorded all = new Recorded();
        Recorded some = new Recorded();
        Recorded failed = new Recorded();

        new TableReader().withProgress(all).read(file, PARAMS_TOKENS_LOSS);
        new TableReader().withProgress(some).read(file, PARAMS_TOKENS_LOSS.withWhere("loss < 3.5"));
        catchThrowable(() -> new TableReader().withProgress(failed).read(file, ColumnRequest.of("params", "flops")));

        assertThat(kept).isBetween(1L, SMALL - 1L);
        assertThat(all.rows).containsExactly(String.valueOf(SMALL));
        assertThat(some.rows).containsExactly(String.valueOf(kept));
        assertThat(failed.rows).isEmpty();
        assertThat(failed.ended).isEqualTo(1);
    }

    @Test
    void aBadValueDeepInALargeTableIsReportedAtItsLine() throws IOException {
        Runs runs = Runs.generate(ROWS, 17);
        Path file = dir.resolve("bad.csv");
        writeCsv(file, runs, ROWS, new int[ROWS]);
        Files.writeString(file, "1e8,2e9,nan,last\n", java.nio.file.StandardOpenOption.APPEND);
        Recorded progress = new Recorded();

        Throwable error = catchThrowable(() -> new TableReader().withProgress(progress).read(file, PARAMS_TOKENS_LOSS));

        assertThat(error).isInstanceOf(InputException.class).hasMessage(file + ":" + (ROWS + 3)
                + ": column 'loss': expected a positive finite number, found \"nan\"; a run that diverged? --where "
                + "'isfinite(\"loss\") AND \"loss\" > 0' fits the other rows");
        assertThat(progress.fractions).doesNotContain(1.0);
        assertThat(progress.ended).isEqualTo(1);
    }

    @Test
    void anInterruptedReadStopsWithACancellation() throws IOException {
        Runs runs = Runs.generate(ROWS, 18);
        Path file = dir.resolve("runs[1].csv");   // read through a temporary copy
        writeCsv(file, runs, ROWS, new int[ROWS]);
        Recorded progress = new Recorded() {
            @Override
            public void progressed(double fraction) {
                super.progressed(fraction);
                if (fraction > 0.6) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        Throwable error;
        try {
            error = catchThrowable(() -> new TableReader().withProgress(progress).read(file, PARAMS_TOKENS_LOSS));
        } finally {
            Thread.interrupted();
        }

        assertThat(error).isInstanceOf(CancellationException.class).hasMessage("interrupted");
        assertThat(progress.fractions).last().isNotEqualTo(1.0);
        assertThat(progress.ended).isEqualTo(1);
    }

    /**
     * A table whose text is several times the heap of a JVM reading it: 40 MB of CSV (a long note on each run)
     * read with a 16 MB heap, which cannot hold its bytes, let alone its text as a Java string (80 MB).
     */
    @Test
    void aTableLargerThanTheHeapIsReadWithoutHoldingItsText() throws Exception {
        Path file = dir.resolve("wide.csv");
        int rows = 20_000;
        String note = "x".repeat(2_000);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("params,tokens,loss,note\n");
            for (int i = 0; i < rows; i++) {
                out.write((1e8 + i) + ",2e9," + (3 + i * 1e-6) + "," + note + "\n");
            }
        }
        assertThat(Files.size(file)).isGreaterThan(40_000_000);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx16m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), ReadInSmallHeap.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output.strip()).isEqualTo(rows + " rows, loss of the last " + (3 + (rows - 1) * 1e-6));
    }

    /** The JVM forked by {@link #aTableLargerThanTheHeapIsReadWithoutHoldingItsText}: reads its argument. */
    static final class ReadInSmallHeap {

        public static void main(String[] args) {
            RunTable table = new TableReader().read(Path.of(args[0]), PARAMS_TOKENS_LOSS);
            double[] loss = table.column("loss");
            System.out.println(table.rows() + " rows, loss of the last " + loss[loss.length - 1]);
        }
    }
}
