package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.RowLocation;
import org.scalefit.data.RunTable;

class TableReaderBadInputTest {

    private static final ColumnRequest PARAMS_TOKENS_LOSS = ColumnRequest.of("params", "tokens", "loss");
    private static final String CSV_HEADER = "params_active_precise,tokens,final_loss\n";

    @TempDir
    Path dir;

    private final TableReader reader = new TableReader();

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private InputException readingFails(Path file) {
        return catchThrowableOfType(InputException.class, () -> reader.read(file, PARAMS_TOKENS_LOSS));
    }

    private InputException readingCsvFails(String rows) throws IOException {
        return readingFails(write("data.csv", CSV_HEADER + rows));
    }

    private InputException readingJsonLinesFails(String lines) throws IOException {
        return readingFails(write("data.jsonl", lines));
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("nowhere.csv");

        InputException error = readingFails(missing);

        assertThat(error).hasMessage(missing + ": expected an existing file, found nothing at that path");
        assertThat(error.file()).isEqualTo(missing.toString());
        assertThat(error.line()).isEmpty();
    }

    @Test
    void directoryIsNotAReadableFile() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("runs.csv"));

        assertThat(readingFails(directory)).hasMessage(directory + ": expected a file, found a directory");
    }

    @Test
    void unknownExtensionNamesTheSupportedOnes() throws IOException {
        Path text = write("data.txt", "params_active_precise\n1\n");

        assertThat(readingFails(text)).hasMessage(text
                + ": expected a .jsonl, .ndjson, .json, .csv or .parquet file, found extension '.txt'");
    }

    @Test
    void emptyCsvFileHasNoRows() throws IOException {
        Path csv = write("data.csv", "");

        assertThat(readingFails(csv)).hasMessage(csv + ": expected at least one row, found an empty file");
    }

    @Test
    void blankJsonLinesFileHasNoRows() throws IOException {
        Path jsonl = write("data.jsonl", "\n\n");

        assertThat(readingFails(jsonl)).hasMessage(jsonl + ": expected at least one row, found an empty file");
    }

    @Test
    void csvWithOnlyAHeaderHasNoRows() throws IOException {
        Path csv = write("data.csv", CSV_HEADER);

        assertThat(readingFails(csv)).hasMessage(csv + ": expected at least one row, found no rows");
    }

    @Test
    void emptyParquetFileHasNoRows() throws Exception {
        Path parquet = dir.resolve("data.parquet");
        duckdb("COPY (SELECT 1.0::DOUBLE AS final_loss WHERE false) TO '" + parquet + "' (FORMAT parquet)");

        assertThat(catchThrowableOfType(InputException.class, () -> reader.read(parquet, ColumnRequest.of("loss"))))
                .hasMessage(parquet + ": expected at least one row, found no rows");
    }

    @Test
    void missingRequiredColumnNamesTheColumnsThatExist() throws IOException {
        Path csv = write("data.csv", "params_active_precise,tokens,val_loss\n1,2,3\n");

        InputException error = readingFails(csv);

        assertThat(error).hasMessage(csv + ": expected a column for 'loss' (final_loss or loss;"
                + " or name it with --column loss=COLUMN), found only the columns 'params_active_precise', 'tokens',"
                + " 'val_loss'; 'val_loss' may hold the loss: map it with --column \"loss=val_loss\"");
        assertThat(error.column()).contains("final_loss");
    }

    @Test
    void severalColumnsNamedLikeALossAreNamedForTheUserToChooseOne() throws IOException {
        Path csv = write("data.csv", "params_active_precise,tokens,train_loss,eval/loss\n1,2,3,4\n");

        InputException error = readingFails(csv);

        assertThat(error.getMessage()).endsWith("; 'train_loss', 'eval/loss' may hold the loss: map one with "
                + "--column \"loss=COLUMN\"");
    }

    @Test
    void aMissingColumnIsReportedUnderItsLogicalNameNotUnderItsFirstDefault() throws IOException {
        Path csv = write("data.csv", "x,tokens,loss\n1,2,3\n");

        InputException error = readingFails(csv);

        assertThat(error).hasMessage(csv + ": expected a column for 'params' (params_active_precise, params, n_params"
                + " or N; or name it with --column params=COLUMN), found only the columns 'x', 'tokens', 'loss'");
    }

    @Test
    void twoCandidateColumnsForOneInputAreRefusedNamingBothAndTheColumnOption() throws IOException {
        Path csv = write("data.csv", "N,params,tokens,loss\n1,2,3,4\n");

        InputException error = readingFails(csv);

        assertThat(error).hasMessage(csv + ": column 'params': expected one column for 'params', found two: 'params'"
                + " and 'N' (choose one with --column params=COLUMN)");
    }

    @Test
    void everyMissingColumnIsReportedAtOnceWithTheColumnOptions() throws IOException {
        Path csv = write("data.csv", "model_size,n_tok,val_loss\n1,2,3\n");

        InputException error = readingFails(csv);

        assertThat(error).hasMessage(csv + ": expected columns for 'params' (params_active_precise, params, n_params"
                + " or N), 'tokens' (tokens, D or n_tokens), 'loss' (final_loss or loss) (or name them with"
                + " --column params=COLUMN --column tokens=COLUMN --column loss=COLUMN), found only the columns"
                + " 'model_size', 'n_tok', 'val_loss'; 'val_loss' may hold the loss: map it with --column"
                + " \"loss=val_loss\"");
        assertThat(error.column()).isEmpty();
    }

    @Test
    void missingRequiredJsonKeyNamesTheKeysThatExist() throws IOException {
        InputException error = readingJsonLinesFails("{\"params_active_precise\":1,\"final_loss\":3}\n");

        assertThat(error.getMessage()).endsWith("data.jsonl: expected a column for 'tokens' (tokens,"
                + " D or n_tokens; or name it with --column tokens=COLUMN), found only the columns"
                + " 'params_active_precise', 'final_loss'");
    }

    @Test
    void nonNumericCsvValueIsReportedWithFileLineAndColumn() throws IOException {
        InputException error = readingCsvFails("1,2,3\n4,5,abc\n");

        assertThat(error.getMessage())
                .endsWith("data.csv:3: column 'final_loss': expected a positive finite number, found \"abc\"");
        assertThat(error.file()).endsWith("data.csv");
        assertThat(error.line()).hasValue(3);
        assertThat(error.column()).contains("final_loss");
        assertThat(error.expected()).isEqualTo("a positive finite number");
        assertThat(error.found()).isEqualTo("\"abc\"");
    }

    @Test
    void nonNumericJsonStringIsReportedWithItsLine() throws IOException {
        InputException error = readingJsonLinesFails("{\"params_active_precise\":1,\"tokens\":2,\"final_loss\":3}\n"
                + "{\"params_active_precise\":\"big\",\"tokens\":2,\"final_loss\":3}\n");

        assertThat(error.getMessage()).endsWith(
                "data.jsonl:2: column 'params_active_precise': expected a positive finite number, found \"big\"");
    }

    @Test
    void jsonBooleanIsNotANumber() throws IOException {
        InputException error = readingJsonLinesFails("{\"params_active_precise\":true,\"tokens\":2,\"final_loss\":3}\n");

        assertThat(error.getMessage()).endsWith(":1: column 'params_active_precise': expected a positive finite number,"
                + " found \"true\"");
    }

    @Test
    void jsonNanIsRejected() throws IOException {
        InputException error = readingJsonLinesFails("{\"params_active_precise\":1,\"tokens\":2,\"final_loss\":NaN}\n");

        assertThat(error.getMessage())
                .endsWith("data.jsonl:1: column 'final_loss': expected a positive finite number, found \"NaN\"; a run that diverged? --where 'isfinite(\"final_loss\") AND \"final_loss\" > 0' fits the other rows");
    }

    @Test
    void jsonInfinityIsRejected() throws IOException {
        InputException error = readingJsonLinesFails("{\"params_active_precise\":1,\"tokens\":2,\"final_loss\":3}\n"
                + "{\"params_active_precise\":1,\"tokens\":Infinity,\"final_loss\":3}\n");

        assertThat(error.getMessage())
                .endsWith("data.jsonl:2: column 'tokens': expected a positive finite number, found \"Infinity\"");
    }

    @Test
    void jsonNegativeInfinityIsRejected() throws IOException {
        InputException error = readingJsonLinesFails("{\"params_active_precise\":-Infinity,\"tokens\":2,\"final_loss\":3}\n");

        assertThat(error.getMessage()).endsWith(
                "data.jsonl:1: column 'params_active_precise': expected a positive finite number, found \"-Infinity\"");
    }

    @Test
    void jsonNumberTooLargeForADoubleIsRejected() throws IOException {
        InputException error = readingJsonLinesFails("{\"params_active_precise\":1e400,\"tokens\":2,\"final_loss\":3}\n");

        assertThat(error.line()).hasValue(1);
        assertThat(error.column()).contains("params_active_precise");
        assertThat(error.expected()).isEqualTo("a positive finite number");
    }

    @Test
    void jsonNullIsRejected() throws IOException {
        InputException error = readingJsonLinesFails("{\"params_active_precise\":1,\"tokens\":null,\"final_loss\":3}\n");

        assertThat(error.getMessage())
                .endsWith("data.jsonl:1: column 'tokens': expected a positive finite number, found null or no value");
    }

    @Test
    void jsonKeyAbsentFromOneLineIsRejectedAtThatLine() throws IOException {
        InputException error = readingJsonLinesFails("{\"params_active_precise\":1,\"tokens\":2,\"final_loss\":3}\n"
                + "\n{\"params_active_precise\":1,\"final_loss\":3}\n");

        assertThat(error.getMessage())
                .endsWith("data.jsonl:3: column 'tokens': expected a positive finite number, found null or no value");
    }

    @Test
    void csvNanIsRejected() throws IOException {
        InputException error = readingCsvFails("1,2,nan\n");

        assertThat(error.getMessage())
                .startsWith(dir.resolve("data.csv") + ":2: column 'final_loss': expected a positive finite number, found \"nan\"; ");
    }

    /**
     * A loss that is missing, NaN, infinite or not positive is the mark of a run that diverged: the message says how
     * to fit the other rows (the condition, over the file's own column, keeps exactly the rows whose loss is a
     * positive finite number), and its place, expected and found stay as for any other column.
     */
    @Test
    void aBadLossSaysHowToLeaveTheRunOut() throws IOException {
        InputException error = readingCsvFails("1,2,3\n4,5,inf\n");

        assertThat(error.getMessage()).isEqualTo(dir.resolve("data.csv") + ":3: column 'final_loss': expected a "
                + "positive finite number, found \"inf\"; a run that diverged? --where 'isfinite(\"final_loss\") "
                + "AND \"final_loss\" > 0' fits the other rows");
        assertThat(error.found()).isEqualTo("\"inf\"");
        assertThat(readingCsvFails("1,2,abc\n").getMessage()).doesNotContain("--where");
        assertThat(readingCsvFails("1,inf,3\n").getMessage()).doesNotContain("--where");
    }

    @Test
    void csvInfIsRejected() throws IOException {
        InputException error = readingCsvFails("1,2,3\n1,inf,3\n");

        assertThat(error.getMessage())
                .endsWith("data.csv:3: column 'tokens': expected a positive finite number, found \"inf\"");
    }

    @Test
    void csvNegativeInfIsRejected() throws IOException {
        InputException error = readingCsvFails("-inf,2,3\n");

        assertThat(error.getMessage()).endsWith(
                "data.csv:2: column 'params_active_precise': expected a positive finite number, found \"-inf\"");
    }

    @Test
    void csvEmptyCellIsRejected() throws IOException {
        InputException error = readingCsvFails("1,2,3\n4,,6\n");

        assertThat(error.getMessage())
                .endsWith("data.csv:3: column 'tokens': expected a positive finite number, found an empty cell");
    }

    @Test
    void zeroIsRejected() throws IOException {
        InputException error = readingCsvFails("1,0,3\n");

        assertThat(error.getMessage())
                .endsWith("data.csv:2: column 'tokens': expected a positive finite number, found \"0\"");
    }

    @Test
    void negativeValueIsRejected() throws IOException {
        InputException error = readingJsonLinesFails("{\"params_active_precise\":1,\"tokens\":2,\"final_loss\":-2.5}\n");

        assertThat(error.getMessage())
                .endsWith("data.jsonl:1: column 'final_loss': expected a positive finite number, found \"-2.5\"; a run that diverged? --where 'isfinite(\"final_loss\") AND \"final_loss\" > 0' fits the other rows");
    }

    @Test
    void valueThatUnderflowsToZeroIsRejected() throws IOException {
        InputException error = readingCsvFails("1e-400,2,3\n");

        assertThat(error.line()).hasValue(2);
        assertThat(error.found()).isEqualTo("\"1e-400\"");
    }

    @Test
    void javaOnlyNumberSyntaxIsNotANumber() throws IOException {
        InputException error = readingCsvFails("0x1p3,2d,3f\n");

        assertThat(error.found()).isEqualTo("\"0x1p3\"");
    }

    @Test
    void badParquetValueIsReportedWithItsRowNumber() throws Exception {
        Path parquet = dir.resolve("data.parquet");
        duckdb("COPY (SELECT * FROM (VALUES (1.0::DOUBLE, 2.0::DOUBLE, 3.0::DOUBLE), (1.0, 'nan'::DOUBLE, 3.0))"
                + " AS t(params_active_precise, tokens, final_loss)) TO '" + parquet + "' (FORMAT parquet)");

        InputException error = readingFails(parquet);

        assertThat(error).hasMessage(parquet + ", row 2: column 'tokens': expected a positive finite number, found "
                + "\"nan\"");
        assertThat(error.locations()).isEqualTo(RowLocation.ROW);
        assertThat(error.line()).hasValue(2);
    }

    @Test
    void duplicateRowsReportBothLines() throws IOException {
        InputException error = readingCsvFails("1,2,3\n4,5,6\n1,2,3.0\n");

        assertThat(error.getMessage()).endsWith("data.csv:4: expected each row only once, found the same "
                + "'params_active_precise', 'tokens', 'final_loss' as line 2");
        assertThat(error.line()).hasValue(4);
        assertThat(error.locations()).isEqualTo(RowLocation.LINE);
    }

    @Test
    void rowsDifferingOnlyInUnrequestedColumnsAreDuplicates() throws IOException {
        Path csv = write("data.csv", "params_active_precise,tokens,final_loss,run\n1,2,3,a\n1,2,3,b\n");

        assertThat(readingFails(csv).getMessage()).contains(":3: expected each row only once").endsWith("as line 2");
    }

    @Test
    void duplicateParquetRowsReportBothRowNumbers() throws Exception {
        Path parquet = dir.resolve("data.parquet");
        duckdb("COPY (SELECT * FROM (VALUES (1.0::DOUBLE, 2.0::DOUBLE, 3.0::DOUBLE), (1.0, 2.0, 3.0))"
                + " AS t(params_active_precise, tokens, final_loss)) TO '" + parquet + "' (FORMAT parquet)");

        assertThat(readingFails(parquet).getMessage()).startsWith(parquet + ", row 2: expected each row only once")
                .endsWith("as row 1");
    }

    @Test
    void csvRowWithTooFewCellsIsReportedAtItsLine() throws IOException {
        InputException error = readingCsvFails("1,2,3\n4,5\n");

        assertThat(error.line()).hasValue(3);
        assertThat(error.getMessage()).startsWith(dir.resolve("data.csv") + ":3: expected a well-formed")
                .contains("Expected Number of Columns: 3 Found: 2");
    }

    @Test
    void malformedJsonLineIsReportedAtItsLine() throws IOException {
        InputException error = readingJsonLinesFails("{\"params_active_precise\":1,\"tokens\":2,\"final_loss\":3}\n"
                + "{\"params_active_precise\":1,\"tokens\":3,\"final_loss\":}\n"
                + "{\"params_active_precise\":1,\"tokens\":4,\"final_loss\":3}\n");

        assertThat(error.line()).hasValue(2);
        assertThat(error.expected()).isEqualTo("well-formed JSON objects");
    }

    @Test
    void malformedJsonLineAfterBlankLinesIsReportedAtItsLine() throws IOException {
        InputException error = readingJsonLinesFails("{\"params_active_precise\":1,\"tokens\":2,\"final_loss\":3}\n"
                + "\n\n{\"params_active_precise\":1,\"tokens\":3,\"final_loss\":3}\n"
                + "{\"params_active_precise\" 1}\n");

        assertThat(error.getMessage()).startsWith(dir.resolve("data.jsonl") + ":5: expected well-formed JSON objects,"
                + " found an error reading it (DuckDB: ").doesNotContain("line 4");
    }

    @Test
    void malformedObjectInAJsonArrayIsReportedAtItsLine() throws IOException {
        Path json = write("data.json", "[\n  {\"params_active_precise\":1,\"tokens\":2,\"final_loss\":3},\n"
                + "  {\"params_active_precise\":1,\"tokens\":3,\"final_loss\":}\n]\n");

        assertThat(readingFails(json).line()).hasValue(3);
    }

    @Test
    void fileThatIsNotParquetIsRejected() throws IOException {
        Path parquet = write("data.parquet", "params_active_precise,tokens,final_loss\n1,2,3\n");

        InputException error = readingFails(parquet);

        assertThat(error.getMessage()).startsWith(parquet + ": expected a readable Parquet file, found an error");
    }

    @Test
    void duplicateCsvHeaderNamesAreRejected() throws IOException {
        Path csv = write("data.csv", "final_loss,final_loss\n1,2\n");

        assertThat(readingFails(csv)).hasMessage(csv + ":1: column 'final_loss': expected distinct column names in"
                + " the header, found 'final_loss' twice");
    }

    @Test
    void aHeaderWhoseNamesDifferOnlyInCaseIsRefusedNamingBoth() throws IOException {
        Path csv = write("data.csv", "params,tokens,final_loss,Final_Loss\n1,2,3,3\n");

        assertThat(readingFails(csv)).hasMessage(csv + ":1: column 'Final_Loss': expected column names that differ"
                + " in more than case (they are matched without case), found 'final_loss' and 'Final_Loss'");
    }

    @Test
    void aColumnThatNeedOnlyBeFiniteKeepsZeroAndNegativeValues() throws IOException {
        Path csv = write("data.csv", CSV_HEADER + "1,2,0\n4,5,-0.25\n7,8,1.5\n");

        RunTable table = reader.read(csv.toString(), PARAMS_TOKENS_LOSS.withFiniteValues("loss"));

        assertThat(table.column("loss")).containsExactly(0, -0.25, 1.5);
    }

    @Test
    void aColumnThatNeedOnlyBeFiniteStillRefusesANonFiniteValue() throws IOException {
        Path csv = write("data.csv", CSV_HEADER + "1,2,0\n4,5,inf\n");

        InputException error = catchThrowableOfType(InputException.class,
                () -> reader.read(csv.toString(), PARAMS_TOKENS_LOSS.withFiniteValues("loss")));

        assertThat(error.getMessage()).endsWith("data.csv:3: column 'final_loss': expected a finite number, found "
                + "\"inf\"; a run that diverged? --where 'isfinite(\"final_loss\")' fits the other rows");
    }

    @Test
    void onlyTheColumnsThatNeedOnlyBeFiniteKeepAZero() throws IOException {
        Path csv = write("data.csv", CSV_HEADER + "1,0,0\n");

        InputException error = catchThrowableOfType(InputException.class,
                () -> reader.read(csv.toString(), PARAMS_TOKENS_LOSS.withFiniteValues("loss")));

        assertThat(error.getMessage()).endsWith("data.csv:2: column 'tokens': expected a positive finite number, "
                + "found \"0\"");
    }

    private static void duckdb(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
