package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Side columns ({@link ColumnRequest#withSideColumns}): read beside the table, never part of it. */
class TableReaderSideColumnsTest {

    @TempDir
    Path dir;

    private static final ColumnRequest POINTS = ColumnRequest.of("params", "tokens", "loss")
            .withSideColumns("unique_tokens", "run");

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("runs.csv"), content);
    }

    @Test
    void aSideColumnIsReadBesideTheTableWithABadCellAsNaN() throws IOException {
        Path csv = write("run,params,tokens,unique_tokens,loss\na,1e8,2e9,1e9,3.5\nb,2e8,4e9,,3.25\n");

        TableReader.Read read = new TableReader().readWithColumns(csv.toString(), POINTS);

        assertThat(read.table().columnNames()).containsExactly("params", "tokens", "loss");
        assertThat(read.side("unique_tokens")).hasValueSatisfying(values -> assertThat(values)
                .containsExactly(1e9, Double.NaN));
        assertThat(read.text("run")).contains(java.util.List.of("a", "b"));
    }

    @Test
    void rowsThatDifferOnlyInASideColumnAreTwoRowsWhetherOrNotItIsRequested() throws IOException {
        Path csv = write("params,tokens,unique_tokens,loss\n1e8,2e9,1e9,3.5\n1e8,2e9,2e9,3.5\n");

        assertThat(new TableReader().readWithColumns(csv.toString(), POINTS).table().rows()).isEqualTo(2);
        assertThat(new TableReader().readWithColumns(csv.toString(), ColumnRequest.of("params", "tokens", "loss"))
                .table().rows()).isEqualTo(2);
    }

    @Test
    void withoutANumericSideColumnTheSideRunNamesAreNotRead() throws IOException {
        Path csv = write("run,params,tokens,loss\na,1e8,2e9,3.5\nb,2e8,4e9,3.25\n");

        TableReader.Read read = new TableReader().readWithColumns(csv.toString(), POINTS);

        assertThat(read.side("unique_tokens")).isEmpty();
        assertThat(read.text("run")).isEmpty();
    }

    @Test
    void aSideColumnReadFromTheFileColumnOfARequestedOneIsNotRead() {
        ColumnRequest request = POINTS.withMapping(ColumnMapping.defaults().with("tokens", "unique_tokens"));

        assertThat(request.side()).doesNotContain("unique_tokens");
        assertThat(request.all()).containsOnlyOnce("tokens").doesNotContain("unique_tokens");
    }
}
