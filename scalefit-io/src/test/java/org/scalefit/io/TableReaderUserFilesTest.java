package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.RunTable;

/** The run tables users bring: their own column names, pandas' and spreadsheets' CSVs, odd file names, pipes. */
class TableReaderUserFilesTest {

    private static final ColumnRequest PARAMS_TOKENS_LOSS = ColumnRequest.of("params", "tokens", "loss");

    @TempDir
    Path dir;

    private final TableReader reader = new TableReader();

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static void assertRows(RunTable table, double[] params, double[] tokens, double[] loss) {
        assertThat(table.column("params")).containsExactly(params);
        assertThat(table.column("tokens")).containsExactly(tokens);
        assertThat(table.column("loss")).containsExactly(loss);
    }

    @Test
    void theCommonColumnNamesAreReadWithoutAMapping() throws IOException {
        for (String header : new String[] {"params,tokens,loss", "n_params,D,final_loss", "N,D,loss"}) {
            Path csv = write("runs.csv", header + "\n1e8,2e9,3.5\n2e8,4e9,3.25\n");

            TableReader.Read read = reader.readWithColumns(csv.toString(), PARAMS_TOKENS_LOSS);

            assertRows(read.table(), new double[] {1e8, 2e8}, new double[] {2e9, 4e9}, new double[] {3.5, 3.25});
            String[] names = header.split(",");
            assertThat(read.columns().fileColumns()).containsEntry("params", names[0])
                    .containsEntry("tokens", names[1]).containsEntry("loss", names[2]);
        }
    }

    @Test
    void gemstonesNamesComeFirstWhenAFileHasBoth() throws IOException {
        Path csv = write("runs.csv", "params,params_active_precise,tokens,loss,final_loss\n1,2,3,4,5\n");

        TableReader.Read read = reader.readWithColumns(csv.toString(), PARAMS_TOKENS_LOSS);

        assertRows(read.table(), new double[] {2}, new double[] {3}, new double[] {5});
        assertThat(read.columns()).isEqualTo(ColumnMapping.gemstones());
    }

    @Test
    void aSemicolonOrTabSeparatedCsvIsReadWithItsDelimiter() throws IOException {
        Path semicolons = write("semicolons.csv", "params;tokens;loss\n1e8;2e9;3.5\n");
        Path tabs = write("tabs.csv", "params\ttokens\tloss\n1e8\t2e9\t3.5\n");

        for (Path csv : new Path[] {semicolons, tabs}) {
            assertRows(reader.read(csv, PARAMS_TOKENS_LOSS), new double[] {1e8}, new double[] {2e9},
                    new double[] {3.5});
        }
    }

    @Test
    void pandasToCsvWithItsDefaultIndexIsRead() throws IOException {
        Path csv = write("pandas.csv", ",params,tokens,loss\n0,1e8,2e9,3.5\n1,2e8,4e9,3.25\n");

        assertRows(reader.read(csv, PARAMS_TOKENS_LOSS), new double[] {1e8, 2e8}, new double[] {2e9, 4e9},
                new double[] {3.5, 3.25});
    }

    @Test
    void aByteOrderMarkAndMixedLineEndsAreAcceptedAndLinesStillCount() throws IOException {
        Path jsonl = write("bom.jsonl", "\uFEFF{\"params\":1,\"tokens\":2,\"loss\":3}\r\n{\"params\":4,\"tokens\":5,"
                + "\"loss\":6}\n\r\n{\"params\":7,\"tokens\":8,\"loss\":9}\r\n");
        Path csv = write("mixed.csv", "\uFEFFparams,tokens,loss\r\n1,2,3\n4,5,6\r\n");
        Path bad = write("bad.csv", "params,tokens,loss\r\n1,2,3\n4,5,x\r\n");

        assertRows(reader.read(jsonl, PARAMS_TOKENS_LOSS), new double[] {1, 4, 7}, new double[] {2, 5, 8},
                new double[] {3, 6, 9});
        assertThat(reader.read(jsonl, PARAMS_TOKENS_LOSS).sourceLines()).containsExactly(1, 2, 4);
        assertRows(reader.read(csv, PARAMS_TOKENS_LOSS), new double[] {1, 4}, new double[] {2, 5},
                new double[] {3, 6});
        assertThat(catchThrowableOfType(InputException.class, () -> reader.read(bad, PARAMS_TOKENS_LOSS)))
                .hasMessage(bad + ":3: column 'loss': expected a positive finite number, found \"x\"");
    }

    @Test
    void aFileNamedLikeAGlobPatternIsReadAsThatFileAlone() throws IOException {
        String row = "{\"params\":1,\"tokens\":2,\"loss\":3}\n";
        write("runs1.jsonl", row.replace("3}", "4}"));
        write("h1.jsonl", row.replace("3}", "5}"));
        for (String name : new String[] {"runs*.jsonl", "h[12].jsonl", "what?.jsonl"}) {
            Path file = write(name, row);

            RunTable table = reader.read(file, PARAMS_TOKENS_LOSS);

            assertThat(table.column("loss")).as(name).containsExactly(3);
            assertThat(table.source()).isEqualTo(file.toString());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aNamedPipeIsReadOnceWithoutHanging() throws Exception {
        Path fifo = dir.resolve("runs.csv");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write("params,tokens,loss\n1,2,3\n4,5,6\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        RunTable table = reader.read(fifo, PARAMS_TOKENS_LOSS);

        writer.get(10, TimeUnit.SECONDS);
        assertRows(table, new double[] {1, 4}, new double[] {2, 5}, new double[] {3, 6});
    }

    @Test
    void aStreamIsReadInTheFormatItsContentShows() {
        Map<String, String> contents = Map.of(
                "csv", "params,tokens,loss\n1,2,3\n",
                "jsonl", "{\"params\":1,\"tokens\":2,\"loss\":3}\n",
                "json", "[{\"params\":1,\"tokens\":2,\"loss\":3}]");
        contents.forEach((format, content) -> {
            TableReader.Read read = reader.readWithColumns(
                    new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "-", PARAMS_TOKENS_LOSS);

            assertRows(read.table(), new double[] {1}, new double[] {2}, new double[] {3});
            assertThat(read.table().source()).as(format).isEqualTo("-");
        });
    }

    @Test
    void anEmptyStreamIsAnInputError() {
        InputException error = catchThrowableOfType(InputException.class, () -> reader.readWithColumns(
                new ByteArrayInputStream(new byte[0]), "-", PARAMS_TOKENS_LOSS));

        assertThat(error).hasMessage("standard input: expected at least one row, found an empty file");
    }

    @Test
    void aRunNameColumnIsReadAsTextBesideTheNumbers() throws IOException {
        Path csv = Files.writeString(dir.resolve("named.csv"), "model,params,tokens,loss\n"
                + "tiny,1e7,2e8,5.3\n tiny ,1e7,1e9,4.6\nbase,5e7,2e8,4.9\n");

        TableReader.Read read = DataSource.of(csv.toString())
                .readWithColumns(ColumnRequest.of("params", "tokens", "loss").withOptional("run"));

        assertThat(read.text("run")).contains(java.util.List.of("tiny", "tiny", "base"));
        assertThat(read.table().columnNames()).containsExactly("params", "tokens", "loss");
        assertThat(read.columns().fileColumns()).doesNotContainKey("run");
    }

    @Test
    void aFileWithoutARunColumnReadsNoText() throws IOException {
        Path csv = Files.writeString(dir.resolve("plain.csv"), "params,tokens,loss\n1e7,2e8,5.3\n");

        TableReader.Read read = DataSource.of(csv.toString())
                .readWithColumns(ColumnRequest.of("params", "tokens", "loss").withOptional("run"));

        assertThat(read.text("run")).isEmpty();
    }
}
