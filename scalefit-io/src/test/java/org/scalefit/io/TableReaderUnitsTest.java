package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.RunTable;

/** {@code --unit LOGICAL=FACTOR}: a column counted in a larger unit is multiplied by it as it is read. */
class TableReaderUnitsTest {

    /** Tokens in billions, params in millions, as many papers' tables give them. */
    private static final String CSV = "params,tokens,loss\n"
            + "10,2,3.5\n"
            + "20,4,3.25\n"
            + "40,8,3.0\n";

    @TempDir
    Path dir;

    private String write(String content) throws IOException {
        return Files.writeString(dir.resolve("runs.csv"), content, StandardCharsets.UTF_8).toString();
    }

    private static DataSource source(String file, Map<String, Double> units) {
        return DataSource.of(file).withUnits(units);
    }

    @Test
    void aColumnInBillionsIsReadAsCounts() throws IOException {
        RunTable table = source(write(CSV), Map.of("tokens", 1e9)).read(ColumnRequest.of("params", "tokens", "loss"));

        assertThat(table.column("tokens")).containsExactly(2e9, 4e9, 8e9);
        assertThat(table.column("params")).containsExactly(10, 20, 40);
        assertThat(table.column("loss")).containsExactly(3.5, 3.25, 3.0);
    }

    @Test
    void severalColumnsTakeTheirOwnFactors() throws IOException {
        RunTable table = source(write(CSV), Map.of("tokens", 1e9, "params", 1e6))
                .read(ColumnRequest.of("params", "tokens", "loss"));

        assertThat(table.column("params")).containsExactly(1e7, 2e7, 4e7);
        assertThat(table.column("tokens")).containsExactly(2e9, 4e9, 8e9);
    }

    @Test
    void theConditionOfWhereComparesTheFilesOwnValues() throws IOException {
        RunTable table = source(write(CSV), Map.of("tokens", 1e9)).withWhere("tokens >= 4")
                .read(ColumnRequest.of("params", "tokens", "loss"));

        assertThat(table.column("tokens")).containsExactly(4e9, 8e9);
    }

    @Test
    void aScaledValueThatIsNoLongerAFiniteNumberIsABadValueAtItsLine() throws IOException {
        InputException error = catchThrowableOfType(InputException.class, () -> source(write(CSV
                + "80,1e300,2.9\n"), Map.of("tokens", 1e9)).read(ColumnRequest.of("params", "tokens", "loss")));

        assertThat(error.getMessage()).contains("runs.csv:5: column 'tokens': expected a positive finite number")
                .contains("--unit tokens=1e9 makes Infinity");
    }

    @Test
    void aRepeatedRowIsStillReportedWhenAColumnIsScaled() throws IOException {
        InputException error = catchThrowableOfType(InputException.class, () -> source(write(CSV
                + "40,8,3.0\n"), Map.of("tokens", 1e9)).read(ColumnRequest.of("params", "tokens", "loss")));

        assertThat(error.getMessage()).contains("runs.csv:5: expected each row only once");
    }

    @Test
    void aFactorForAColumnTheRequestDoesNotReadIsRefused() throws IOException {
        String file = write(CSV);

        assertThatThrownBy(() -> source(file, Map.of("flops", 1e18)).read(ColumnRequest.of("params", "tokens",
                "loss"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--unit flops=1e18").hasMessageContaining("params, tokens, loss");
    }

    @Test
    void aFactorForAnOptionalColumnTheFileLacksIsRefused() throws IOException {
        String file = write(CSV);

        assertThatThrownBy(() -> source(file, Map.of("width", 2.0)).read(ColumnRequest.of("params", "tokens",
                "loss").withOptional("width"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--unit width=2").hasMessageContaining("no column for width");
    }

    @Test
    void aFactorThatIsNotPositiveAndFiniteIsRefused() {
        for (double factor : new double[] {0, -1e9, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> DataSource.of("runs.csv").withUnits(Map.of("tokens", factor)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--unit tokens=").hasMessageContaining("a positive finite number");
        }
    }

    @Test
    void anUnknownOrTextLogicalColumnIsRefused() {
        assertThatThrownBy(() -> DataSource.of("runs.csv").withUnits(Map.of("tokenz", 1e9)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown logical column 'tokenz' in --unit tokenz=1e9")
                .hasMessageContaining("params, tokens, loss");
        assertThatThrownBy(() -> DataSource.of("runs.csv").withUnits(Map.of("run", 2.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--unit run=2");
    }

    @Test
    void theFactorsAreRecordedAfterTheRowConditionInTheOrderOfTheLogicalColumnsAndReadBack() {
        Map<String, Double> given = new java.util.LinkedHashMap<>();
        given.put("flops", 8.64e19);
        given.put("tokens", 1e9);
        DataSource source = DataSource.of("runs.csv").withWhere("loss < 4").withUnits(given);

        List<String> labels = source.selectionLabels();

        assertThat(labels).containsExactly("where(loss < 4)", "unit(tokens=1e9)", "unit(flops=8.64e19)");
        assertThat(ColumnRequest.unitsIn(labels)).containsExactly(Map.entry("tokens", 1e9),
                Map.entry("flops", 8.64e19));
    }

    @Test
    void equalFactorsWrittenDifferentlyAreOneSource() {
        assertThat(DataSource.of("runs.csv").withUnits(Map.of("tokens", 1000000000.0)))
                .isEqualTo(DataSource.of("runs.csv").withUnits(Map.of("tokens", 1e9)))
                .isNotEqualTo(DataSource.of("runs.csv"));
    }

    /** Muennighoff et al.'s layout: tokens and unique tokens both in billions. */
    private static final String REPEATED = "params,tokens,unique_tokens,loss\n"
            + "10,2,1,3.5\n"
            + "20,4,1,3.25\n"
            + "40,8,2,3.0\n";

    @Test
    void theUniqueTokensTakeTheirOwnFactorWhereTheyAreReadBesideTheTable() throws IOException {
        TableReader.Read read = source(write(REPEATED), Map.of("tokens", 1e9, "unique_tokens", 1e9))
                .readWithColumns(RepeatedData.reading(ColumnRequest.of("params", "tokens", "loss")));

        assertThat(read.side(RepeatedData.UNIQUE_TOKENS)).hasValueSatisfying(unique
                -> assertThat(unique).containsExactly(1e9, 1e9, 2e9));
    }

    @Test
    void theUniqueTokensTakeTheirOwnFactorWhereALawReadsThem() throws IOException {
        RunTable table = source(write(REPEATED), Map.of("tokens", 1e9, "unique_tokens", 1e9))
                .read(ColumnRequest.of("params", "tokens", "unique_tokens", "loss"));

        assertThat(table.column("unique_tokens")).containsExactly(1e9, 1e9, 2e9);
    }

    @Test
    void tokensGivenAUnitWhileTheUniqueTokensBesideThemHaveNoneAreRefused() throws IOException {
        String file = write(REPEATED);

        assertThatThrownBy(() -> source(file, Map.of("tokens", 1e9))
                .readWithColumns(RepeatedData.reading(ColumnRequest.of("params", "tokens", "loss"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--unit tokens=1e9")
                .hasMessageContaining("unique_tokens")
                .hasMessageContaining("--unit unique_tokens=1e9")
                .hasMessageContaining("--unit unique_tokens=1 if");
    }

    @Test
    void aUnitOfOneSaysTheUniqueTokensAreCountsAlready() throws IOException {
        TableReader.Read read = source(write(REPEATED), Map.of("tokens", 1e9, "unique_tokens", 1.0))
                .readWithColumns(RepeatedData.reading(ColumnRequest.of("params", "tokens", "loss")));

        assertThat(read.side(RepeatedData.UNIQUE_TOKENS)).hasValueSatisfying(unique
                -> assertThat(unique).containsExactly(1, 1, 2));
    }
}
