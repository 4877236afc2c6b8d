package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.RunTable;

class TableReaderTest {

    private static final ColumnMapping OUR_NAMES = ColumnMapping.identity()
            .with("params", "N").with("tokens", "D").with("loss", "val loss");

    @TempDir
    Path dir;

    private final TableReader reader = new TableReader();

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private void duckdb(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void csvFileIsReadWithACustomColumnMapping() throws Exception {
        Path csv = dir.resolve("runs.csv");
        duckdb("COPY (SELECT * FROM (VALUES (1e8, 2e9, 3.5, 'a'), (2e8, 4e9, 3.25, 'b'))"
                + " AS t(\"N\", \"D\", \"val loss\", name)) TO '" + csv + "' (FORMAT csv, HEADER)");

        RunTable table = reader.read(csv, ColumnRequest.of("params", "tokens", "loss").withMapping(OUR_NAMES));

        assertThat(table.columnNames()).containsExactly("params", "tokens", "loss");
        assertThat(table.column("params")).containsExactly(1e8, 2e8);
        assertThat(table.column("tokens")).containsExactly(2e9, 4e9);
        assertThat(table.column("loss")).containsExactly(3.5, 3.25);
        assertThat(table.sourceLines()).containsExactly(2, 3);
    }

    @Test
    void parquetFileIsReadWithACustomColumnMapping() throws Exception {
        Path parquet = dir.resolve("runs.parquet");
        duckdb("COPY (SELECT * FROM (VALUES (1e8::DOUBLE, 2000000000::BIGINT, 3.5::DOUBLE),"
                + " (2e8, 4000000000, 3.25), (3e8, 6000000000, 3.125))"
                + " AS t(\"N\", \"D\", \"val loss\")) TO '" + parquet + "' (FORMAT parquet)");

        RunTable table = reader.read(parquet, ColumnRequest.of("params", "tokens", "loss").withMapping(OUR_NAMES));

        assertThat(table.column("params")).containsExactly(1e8, 2e8, 3e8);
        assertThat(table.column("tokens")).containsExactly(2e9, 4e9, 6e9);
        assertThat(table.column("loss")).containsExactly(3.5, 3.25, 3.125);
        assertThat(table.sourceLines()).containsExactly(1, 2, 3);
    }

    @Test
    void parquetRowsAreLocatedByRowAndCsvRowsByLine() throws Exception {
        Path csv = write("runs.csv", "N,D,val loss\n1e8,2e9,3.5\n2e8,4e9,3.25\n");
        Path parquet = dir.resolve("runs.parquet");
        duckdb("COPY (SELECT * FROM read_csv('" + csv + "')) TO '" + parquet + "' (FORMAT parquet)");
        ColumnRequest request = ColumnRequest.of("params", "tokens", "loss").withMapping(OUR_NAMES);

        assertThat(reader.read(parquet, request).location(1)).isEqualTo("row 2");
        assertThat(reader.read(csv, request).location(1)).isEqualTo("line 3");
    }

    @Test
    void sourceIsThePathAsGivenAndContentHashTheSha256OfItsBytes() throws Exception {
        Path csv = write("runs.csv", "N,D\n1,2\n");

        RunTable table = reader.read(csv, ColumnRequest.of("params", "tokens").withMapping(OUR_NAMES));

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv)));
        assertThat(table.source()).isEqualTo(csv.toString());
        assertThat(table.contentHash()).isEqualTo(sha256);
    }

    @Test
    void jsonLinesRowsCarryTheirLineNumbersCountingBlankLines() throws IOException {
        Path jsonl = write("runs.jsonl", "{\"params\":1,\"tokens\":2}\n\n{\"params\":3,\"tokens\":4}\n  \n"
                + "{\"params\":5,\"tokens\":6}\n");

        RunTable table = reader.read(jsonl, ColumnRequest.of("params", "tokens").withMapping(ColumnMapping.identity()));

        assertThat(table.column("params")).containsExactly(1, 3, 5);
        assertThat(table.sourceLines()).containsExactly(1, 3, 5);
    }

    @Test
    void csvRowsCarryTheirLineNumbersAcrossBlankLinesAndQuotedLineBreaks() throws IOException {
        Path csv = write("runs.csv", "N,D,note\n1,2,plain\n\n3,4,\"two\nlines\"\n5,6,x\n");

        RunTable table = reader.read(csv, ColumnRequest.of("params", "tokens").withMapping(OUR_NAMES));

        assertThat(table.column("params")).containsExactly(1, 3, 5);
        assertThat(table.sourceLines()).containsExactly(2, 4, 6);
    }

    @Test
    void jsonArrayFileIsReadWithTheLineOfEachObject() throws IOException {
        Path json = write("runs.json", "[\n  {\"params\": 1, \"tokens\": 2},\n  {\n    \"params\": 3,\n"
                + "    \"tokens\": 4\n  }\n]\n");

        RunTable table = reader.read(json, ColumnRequest.of("params", "tokens").withMapping(ColumnMapping.identity()));

        assertThat(table.column("tokens")).containsExactly(2, 4);
        assertThat(table.sourceLines()).containsExactly(2, 3);
    }

    @Test
    void ndjsonExtensionIsReadAsJsonLines() throws IOException {
        Path ndjson = write("runs.ndjson", "{\"final_loss\":2.5}\n{\"final_loss\":2.25}\n");

        RunTable table = reader.read(ndjson, ColumnRequest.of("loss"));

        assertThat(table.column("loss")).containsExactly(2.5, 2.25);
    }

    @Test
    void optionalColumnsPresentInTheFileAreReadAfterTheRequiredOnes() throws IOException {
        Path csv = write("runs.csv", "width,final_loss,depth\n512,3.5,8\n1024,3.0,16\n");

        RunTable table = reader.read(csv, ColumnRequest.of("loss").withOptional("width", "depth", "flops"));

        assertThat(table.columnNames()).containsExactly("loss", "width", "depth");
        assertThat(table.column("depth")).containsExactly(8, 16);
    }

    @Test
    void unmappedLogicalColumnsAreLookedUpUnderTheirOwnName() throws IOException {
        Path csv = write("runs.csv", "final_loss,step\n3.5,100\n3.0,200\n");

        RunTable table = reader.read(csv, ColumnRequest.of("loss", "step"));

        assertThat(table.column("step")).containsExactly(100, 200);
    }

    @Test
    void jsonNumbersAreReadToTheNearestDouble() throws IOException {
        Path jsonl = write("runs.jsonl", "{\"params_active_precise\":2006673381.1230530739,\"tokens\":811602861.0443719625,"
                + "\"FLOPs\":9.771731144e+18,\"final_loss\":3.4469954302}\n");

        RunTable table = reader.read(jsonl, ColumnRequest.of("params", "tokens", "flops", "loss"));

        assertThat(table.column("params")[0]).isEqualTo(Double.parseDouble("2006673381.1230530739"));
        assertThat(table.column("tokens")[0]).isEqualTo(Double.parseDouble("811602861.0443719625"));
        assertThat(table.column("flops")[0]).isEqualTo(9.771731144e+18);
        assertThat(table.column("loss")[0]).isEqualTo(3.4469954302);
    }

    @Test
    void csvValuesMayBeQuotedOrPadded() throws IOException {
        Path csv = write("runs.csv", "\"final_loss\",tokens\n\" 3.5 \",\"1e9\"\n");

        RunTable table = reader.read(csv, ColumnRequest.of("loss", "tokens"));

        assertThat(table.column("loss")).containsExactly(3.5);
        assertThat(table.column("tokens")).containsExactly(1e9);
    }

    @Test
    void csvWithWindowsLineEndingsAndByteOrderMarkIsRead() throws IOException {
        Path csv = write("runs.csv", "\uFEFFfinal_loss,tokens\r\n3.5,1e9\r\n3.0,2e9\r\n");

        RunTable table = reader.read(csv, ColumnRequest.of("loss", "tokens"));

        assertThat(table.column("loss")).containsExactly(3.5, 3.0);
        assertThat(table.sourceLines()).containsExactly(2, 3);
    }

    @Test
    void extensionIsMatchedWithoutRegardToCase() throws IOException {
        Path csv = write("RUNS.CSV", "final_loss\n3.5\n");

        assertThat(reader.read(csv, ColumnRequest.of("loss")).rows()).isEqualTo(1);
    }

    @Test
    void aStrictColumnOfAReaderThatKeepsBadValuesStillRaisesAtItsLine() throws IOException {
        Path file = write("runs.csv", "params,tokens,loss\n1e6,2e7,nan\n-1,2e7,3.0\n");
        ColumnRequest request = ColumnRequest.of("params", "tokens", "loss");

        RunTable kept = TableReader.keepingBadValues().strictIn("tokens").read(file, request);
        assertThat(kept.column("params")[1]).isNaN();
        assertThat(kept.column("loss")[0]).isNaN();
        assertThatThrownBy(() -> TableReader.keepingBadValues().strictIn("params").read(file, request))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.line()).hasValue(3);
                    assertThat(e.column()).hasValue("params");
                    assertThat(e.found()).isEqualTo("\"-1\"");
                });
    }
}
