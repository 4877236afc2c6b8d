package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.RunTable;

/** {@code --where}: a SQL condition over the file's own columns keeps some rows; everything else reads as before. */
class TableReaderWhereTest {

    private static final String CSV = "run_name,params,tokens,loss\n"
            + "small,1e8,2e9,3.5\n"
            + "medium,2e8,4e9,3.25\n"
            + "large,4e8,8e9,3.0\n"
            + "broken,-1,oops,NaN\n";

    @TempDir
    Path dir;

    private final TableReader reader = new TableReader();

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private RunTable read(Path file, String where) {
        return reader.read(file.toString(), ColumnRequest.of("params", "tokens", "loss").withWhere(where));
    }

    @Test
    void onlyTheRowsSatisfyingTheConditionAreRead() throws IOException {
        RunTable table = read(write("runs.csv", CSV), "params >= 2e8 AND run_name <> 'broken'");

        assertThat(table.column("params")).containsExactly(2e8, 4e8);
        assertThat(table.column("loss")).containsExactly(3.25, 3.0);
    }

    @Test
    void numbersAreComparedAsNumbersNotAsText() throws IOException {
        RunTable table = read(write("runs.csv", CSV.replace("broken,-1,oops,NaN\n", "")
                + "huge,1e10,9e9,2.5\n"), "params > 3e8");

        assertThat(table.column("params")).containsExactly(4e8, 1e10);
    }

    @Test
    void theConditionWorksOnJsonLinesAndParquetToo() throws IOException, Exception {
        Path jsonl = write("runs.jsonl", "{\"params\":1e8,\"tokens\":2e9,\"loss\":3.5,\"tag\":\"a\"}\n"
                + "{\"params\":2e8,\"tokens\":4e9,\"loss\":3.25,\"tag\":\"b\"}\n");
        Path parquet = dir.resolve("runs.parquet");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_json('" + jsonl + "')) TO '" + parquet + "' (FORMAT parquet)");
        }

        assertThat(read(jsonl, "tag = 'b'").column("params")).containsExactly(2e8);
        assertThat(read(parquet, "tokens < 3e9").column("params")).containsExactly(1e8);
    }

    @Test
    void aBadValueInALeftOutRowIsNotAnError() throws IOException {
        assertThat(read(write("runs.csv", CSV), "run_name <> 'broken'").rows()).isEqualTo(3);
    }

    @Test
    void aBadValueInAKeptRowIsReportedAtItsLineInTheFile() throws IOException {
        InputException error = catchThrowableOfType(InputException.class,
                () -> read(write("runs.csv", CSV), "run_name IN ('small', 'broken')"));

        assertThat(error.line()).hasValue(5);
    }

    @Test
    void aConditionNoRowSatisfiesIsRefused() throws IOException {
        Path file = write("runs.csv", CSV);

        assertThatThrownBy(() -> read(file, "params > 1e12")).isInstanceOf(InputException.class)
                .hasMessageContaining("expected at least one row with --where params > 1e12")
                .hasMessageContaining("none of the 4 rows");
    }

    @Test
    void anUnknownColumnIsRefusedWithTheFilesColumns() throws IOException {
        Path file = write("runs.csv", CSV);

        assertThatThrownBy(() -> read(file, "size > 3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--where 'size > 3': expected a condition over the columns of " + file
                        + " (run_name, params, tokens, loss)");
    }

    @Test
    void moreThanOneExpressionIsRefusedBeforeReading() {
        for (String condition : List.of("1=1; DROP TABLE x", "loss < 3 -- comment", "(loss < 3", "loss < 3)",
                "run_name = 'x", " ")) {
            assertThatThrownBy(() -> ColumnRequest.of("loss").withWhere(condition))
                    .as(condition).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--where '" + condition + "': expected one SQL condition");
        }
    }

    @Test
    void theConditionIsRecordedAsATransformLabelAndReadBack() {
        String label = ColumnRequest.whereLabel("loss < 3 AND (tokens > 1e9)");

        assertThat(label).isEqualTo("where(loss < 3 AND (tokens > 1e9))");
        assertThat(ColumnRequest.whereIn(List.of("no-embeds(vocab=50304)", label)))
                .isEqualTo("loss < 3 AND (tokens > 1e9)");
        assertThat(ColumnRequest.whereIn(List.of("drop-highest-losses=5"))).isNull();
    }

    @Test
    void aWhereConditionIsEvaluatedWithoutInstallingOrLoadingDuckDbExtensions() throws IOException {
        // an operator of an extension (e.g. inet's >>=) must fail alike offline and online, never fetch code
        RunTable kept = read(write("runs.csv", CSV.replace("broken,-1,oops,NaN\n", "")),
                "current_setting('autoinstall_known_extensions') = false "
                        + "AND current_setting('autoload_known_extensions') = false");
        assertThat(kept.rows()).isEqualTo(3);
    }
}
