package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repeated-row check: one run listed twice is refused, two runs are two rows even when the columns a request
 * reads are the same in both (Muennighoff et al.'s 83m32b100m and 83m60b100m differ only in tokens).
 */
class TableReaderRepeatedRowTest {

    private static final ColumnRequest PARAMS_UNIQUE_TOKENS_LOSS = ColumnRequest.of("params", "unique_tokens", "loss");

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("runs.csv"), content);
    }

    @Test
    void runsDifferingOnlyInAColumnTheRequestDoesNotReadAreTwoRows() throws IOException {
        Path csv = write("run,params,tokens,unique_tokens,loss\n"
                + "83m32b100m,8.27e7,3.2e10,1e8,3.747091\n83m60b100m,8.27e7,6e10,1e8,3.747091\n");

        TableReader.Read read = new TableReader().readWithColumns(csv.toString(), PARAMS_UNIQUE_TOKENS_LOSS);

        assertThat(read.table().rows()).isEqualTo(2);
    }

    @Test
    void aRunListedTwiceIsRefusedNamingTheColumnsCompared() throws IOException {
        Path csv = write("run,params,tokens,unique_tokens,loss\n"
                + "83m32b100m,8.27e7,3.2e10,1e8,3.747091\n83m32b100m,8.27e7,3.2e10,1e8,3.747091\n");

        assertThatThrownBy(() -> new TableReader().readWithColumns(csv.toString(), PARAMS_UNIQUE_TOKENS_LOSS))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("runs.csv:3: expected each row only once, found the same 'params', "
                        + "'unique_tokens', 'loss', 'tokens' as line 2");
    }

    @Test
    void rowsDifferingOnlyInAColumnOfNoKnownQuantityAreOneRunListedTwice() throws IOException {
        Path csv = write("params,tokens,loss,logged_at\n1e8,2e9,3.5,1733600000\n1e8,2e9,3.5,1733600100\n");

        assertThatThrownBy(() -> new TableReader().readWithColumns(csv.toString(),
                ColumnRequest.of("params", "tokens", "loss")))
                .isInstanceOf(InputException.class).hasMessageContaining("each row only once");
    }

    @Test
    void aSeedOfZeroTellsReplicatesApart() throws IOException {
        Path csv = write("params,tokens,loss,seed\n1e8,2e9,3.5,0\n1e8,2e9,3.5,1\n");

        TableReader.Read read = new TableReader().readWithColumns(csv.toString(),
                ColumnRequest.of("params", "tokens", "loss"));

        assertThat(read.table().rows()).isEqualTo(2);
    }
}
