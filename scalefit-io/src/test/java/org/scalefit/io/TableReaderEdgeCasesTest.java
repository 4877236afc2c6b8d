package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.RunTable;

/**
 * Files at the edges of what DuckDB reads: long lines, deep nesting, empty keys, byte-order marks and mixed line
 * ends are read, or refused in scalefit's words with the file and line.
 */
class TableReaderEdgeCasesTest {

    private static final ColumnRequest PARAMS_TOKENS_LOSS = ColumnRequest.of("params", "tokens", "loss");
    private static final String ROW = "{\"params\":2e8,\"tokens\":4e9,\"loss\":3.25}";

    @TempDir
    Path dir;

    private final TableReader reader = new TableReader();

    private RunTable read(String name, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        return reader.read(file.toString(), PARAMS_TOKENS_LOSS);
    }

    private InputException refused(String name, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        return catchThrowableOfType(InputException.class, () -> reader.read(file.toString(), PARAMS_TOKENS_LOSS));
    }

    /** A record whose unused key "deep" holds {@code levels} nested objects (the record itself is level 1). */
    private static String nested(int levels) {
        return "{\"params\":1e8,\"tokens\":2e9,\"loss\":3.5,\"deep\":" + "{\"a\":".repeat(levels) + "1"
                + "}".repeat(levels) + "}";
    }

    @Test
    void aCsvLineOverTwoMegabytesIsRead() throws IOException {
        RunTable table = read("long.csv", "params,tokens,loss,note\n1e8,2e9,3.5," + "é".repeat(1_500_000)
                + "\n2e8,4e9,3.25,short\n");

        assertThat(table.column("loss")).containsExactly(3.5, 3.25);
    }

    @Test
    void aJsonLineOverTwoMegabytesIsRead() throws IOException {
        RunTable table = read("long.jsonl", "{\"params\":1e8,\"tokens\":2e9,\"loss\":3.5,\"note\":\""
                + "x".repeat(3_000_000) + "\"}\n" + ROW + "\n");

        assertThat(table.rows()).isEqualTo(2);
    }

    @Test
    void nestingDuckDbReadsIsRead() throws IOException {
        assertThat(read("deep.jsonl", nested(126) + "\n" + ROW + "\n").rows()).isEqualTo(2);
        assertThat(read("deep.json", "[" + nested(126) + ",\n" + ROW + "]\n").rows()).isEqualTo(2);
    }

    @Test
    void anUnusedKeyNestedDeeperThanDuckDbReadsIsRefusedAtItsLine() throws IOException {
        InputException error = refused("deep.jsonl", ROW + "\n" + nested(127) + "\n");

        assertThat(error.line()).hasValue(2);
        assertThat(error.getMessage()).contains("expected records nested at most 127 levels deep")
                .contains("found level 128 at character").doesNotContain("DuckDB:");
    }

    @Test
    void anEmptyKeyInARecordIsRefusedAtItsLine() throws IOException {
        InputException error = refused("empty.jsonl", ROW + "\n{\"params\":1e8,\"tokens\":2e9,\"loss\":3.5,\"\":7}\n");

        assertThat(error.line()).hasValue(2);
        assertThat(error.getMessage()).contains("expected a non-empty name for every key of a record, found the key "
                + "\"\" at character 39");
    }

    @Test
    void anEmptyKeyInsideAValueIsRead() throws IOException {
        assertThat(read("inner.jsonl", "{\"params\":1e8,\"tokens\":2e9,\"loss\":3.5,\"x\":{\"\":1}}\n" + ROW + "\n")
                .rows()).isEqualTo(2);
    }

    @Test
    void aByteOrderMarkInJsonLinesIsRead() throws IOException {
        assertThat(read("bom.jsonl", "\uFEFF" + ROW + "\n{\"params\":1e8,\"tokens\":2e9,\"loss\":3.5}\n").rows())
                .isEqualTo(2);
    }

    @Test
    void mixedLineEndsAreReadWithTheirLineNumbers() throws IOException {
        assertThat(read("mixed.csv", "params,tokens,loss\r\n1e8,2e9,3.5\n2e8,4e9,3.25\r\n").rows()).isEqualTo(2);
        InputException error = refused("mixed.jsonl", ROW + "\r\n{\"params\":1e8,\"tokens\":2e9,\"loss\":3.5}\n"
                + "{\"params\":-1,\"tokens\":2e9,\"loss\":3.5}\r\n");

        assertThat(error.line()).hasValue(3);
    }
}
