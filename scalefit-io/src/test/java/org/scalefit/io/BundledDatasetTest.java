package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalefit.data.RunTable;

class BundledDatasetTest {

    private final TableReader reader = new TableReader();

    @ParameterizedTest(name = "{0} has {1} rows")
    @CsvSource({
        "gemstones:cool_begin, 199",
        "gemstones:cool_end, 199",
        "gemstones:fineweb_dclm, 770",
        "gemstones:fineweb_edu, 770",
        "gemstones:hot, 220",
        "gemstones:hot_100b+, 770",
        "gemstones:hot_100b+_477, 3850",
        "gemstones:hot_100b+_512x, 175",
        "gemstones:hot_120b+_only, 528",
        "gemstones:hot_120b+_only_477, 2552",
        "gemstones:hot_477, 1100",
        "gemstones:hot_sampled_like_chinchilla, 24",
        "gemstones:lr_ablation_hot, 200",
        "gemstones:lr_ablation_hot_477, 1000",
        "gemstones:lr_ablation_hot_sampled_like_chinchilla, 23",
        "gemstones:lr_ablation_slim_chinchilla, 27",
        "gemstones:slim_chinchilla, 28",
        "datablations:c4, 296",
        "datablations:c4_published_fit, 182",
    })
    void everyGemstonesSetLoadsWithItsRowCount(String id, int rows) {
        RunTable table = reader.read(BundledDataset.of(id),
                ColumnRequest.of("params", "tokens", "loss").withOptional("width", "depth", "flops"));

        assertThat(table.rows()).isEqualTo(rows);
        assertThat(table.source()).isEqualTo(id);
    }

    @Test
    void indexListsEveryGemstonesSetAndTheEpochChinchillaPoints() {
        assertThat(BundledDataset.ids()).hasSize(20)
                .contains("chinchilla:epoch", "gemstones:hot", "gemstones:hot_100b+", "gemstones:slim_chinchilla",
                        "datablations:c4");
    }

    @Test
    void everyIndexedDatasetHasItsFileOnTheClassPath() throws IOException {
        for (BundledDataset dataset : BundledDataset.all()) {
            try (InputStream in = dataset.open()) {
                assertThat(in.read()).as(dataset.id()).isNotNegative();
            }
        }
    }

    @Test
    void gemstonesRowsAreNumberedByTheirLineInTheFile() {
        RunTable table = reader.read(BundledDataset.of("gemstones:hot"), ColumnRequest.of("params", "tokens", "loss"));

        assertThat(table.sourceLines()).containsExactly(IntStream.rangeClosed(1, 220).toArray());
    }

    @Test
    void gemstonesFirstRowHoldsTheValuesOfTheFirstLine() {
        RunTable table = reader.read("gemstones:hot",
                ColumnRequest.of("params", "tokens", "loss", "width", "depth"));

        assertThat(table.columnNames()).containsExactly("params", "tokens", "loss", "width", "depth");
        assertThat(table.column("params")[0]).isEqualTo(543482880.0);
        assertThat(table.column("tokens")[0]).isEqualTo(10003415040.0);
        assertThat(table.column("loss")[0]).isEqualTo(3.1010556221);
        assertThat(table.column("width")[0]).isEqualTo(1024.0);
        assertThat(table.column("depth")[0]).isEqualTo(28.0);
    }

    @Test
    void contentHashIsTheSha256OfTheBundledFile() throws Exception {
        BundledDataset dataset = BundledDataset.of("gemstones:slim_chinchilla");
        byte[] bytes;
        try (InputStream in = dataset.open()) {
            bytes = in.readAllBytes();
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        RunTable table = reader.read(dataset, ColumnRequest.of("params", "tokens", "loss"));

        assertThat(table.contentHash()).isEqualTo(expected);
    }

    @Test
    void optionalColumnsMissingFromASetAreLeftOut() {
        RunTable table = reader.read(BundledDataset.of("gemstones:slim_chinchilla"),
                ColumnRequest.of("params", "tokens", "loss").withOptional("width", "depth", "flops"));

        assertThat(table.columnNames()).containsExactly("params", "tokens", "loss", "flops");
    }

    @Test
    void requiredColumnMissingFromASetIsAnInputErrorNamingTheDataset() {
        assertThatThrownBy(() -> reader.read(BundledDataset.of("gemstones:slim_chinchilla"),
                ColumnRequest.of("params", "width")))
                .isInstanceOf(InputException.class)
                .hasMessage("gemstones:slim_chinchilla: expected a column for 'width' (or name it with --column width=COLUMN), found only "
                        + "the columns 'params_active_precise', 'tokens', 'FLOPs', 'final_loss'");
    }

    @Test
    void epochChinchillaHasAll245Rows() {
        RunTable table = reader.read(BundledDataset.of("chinchilla:epoch"),
                ColumnRequest.of("params", "tokens", "flops", "loss"));

        assertThat(table.rows()).isEqualTo(245);
        assertThat(table.sourceLine(0)).isEqualTo(2);
        assertThat(table.sourceLine(244)).isEqualTo(246);
    }

    @Test
    void epochChinchillaTokensAreTrainingFlopOverSixTimesModelSize() {
        RunTable table = reader.read(BundledDataset.of("chinchilla:epoch"),
                ColumnRequest.of("params", "tokens", "flops", "loss"));

        double modelSize = 6795600349.289497;
        double trainingFlop = 9.993852799709755e+18;
        assertThat(table.column("params")[0]).isEqualTo(modelSize);
        assertThat(table.column("flops")[0]).isEqualTo(trainingFlop);
        assertThat(table.column("tokens")[0]).isEqualTo(trainingFlop / (6.0 * modelSize));
        assertThat(table.column("loss")[0]).isEqualTo(5.005581996196243);
    }

    @Test
    void epochChinchillaTokensMatchTheFormulaOnEveryRow() {
        RunTable table = reader.read(BundledDataset.of("chinchilla:epoch"),
                ColumnRequest.of("params", "tokens", "flops"));

        double[] n = table.column("params");
        double[] d = table.column("tokens");
        double[] c = table.column("flops");
        for (int row = 0; row < table.rows(); row++) {
            assertThat(d[row]).as("row %d", row).isEqualTo(c[row] / (6.0 * n[row]));
        }
    }

    @Test
    void epochChinchillaOffersOnlyThePreprocessedColumns() {
        assertThatThrownBy(() -> reader.read(BundledDataset.of("chinchilla:epoch"),
                ColumnRequest.of("params").withMapping(ColumnMapping.identity())))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'params_active_precise', 'tokens', 'FLOPs', 'final_loss'");
    }

    @Test
    void unknownIdIsRejectedWithTheListOfValidIds() {
        assertThatThrownBy(() -> BundledDataset.of("gemstones:warm"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown dataset 'gemstones:warm'; the bundled datasets are [chinchilla:epoch, ")
                .hasMessageContaining("gemstones:hot_100b+");
    }

    @Test
    void sourceThatIsNeitherAnIdNorAFileIsRejectedWithTheListOfValidIds() {
        assertThatThrownBy(() -> reader.read("gemstones:warm", ColumnRequest.of("params")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("gemstones:warm: expected an existing file or one of the bundled datasets"
                        + " chinchilla:epoch, gemstones:cool_begin, ")
                .hasMessageEndingWith(", found neither");
    }

    @Test
    void sourceThatIsNotAnIdIsReadAsAFilePath(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("runs.csv"), "final_loss\n3.5\n");

        assertThat(reader.read(csv.toString(), ColumnRequest.of("loss")).source()).isEqualTo(csv.toString());
    }
}
