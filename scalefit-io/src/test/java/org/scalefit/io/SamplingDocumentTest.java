package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.RowLocation;
import org.scalefit.data.RunTable;
import org.scalefit.sensitivity.ReferenceDesign;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Where the sampling document's rows came from in the user's file. */
class SamplingDocumentTest {

    @TempDir
    Path folder;

    private static SamplingDocument sampleAt(RowLocation locations) {
        RunTable sample = new RunTable("runs", "sha", Map.of("params", new double[] {1e8}, "tokens",
                new double[] {2e9}), new int[] {7}, locations);
        return SamplingDocument.of(List.of(),
                ReferenceDesign.fromRuns(new double[] {1e8}, new double[] {2e9}, 1e9), 1e9, Map.of("sample", sample),
                new FitProvenance("runs", "sha", List.of(), "test"), new RunTiming(1, 0));
    }

    private static JsonNode firstSampleRow(RowLocation locations) {
        return JsonMapper.builder().build().readTree(sampleAt(locations).write()).path("samples").path("sample").get(0);
    }

    @Test
    void aRowOfAParquetFileIsRecordedAsARow() {
        JsonNode row = firstSampleRow(RowLocation.ROW);

        assertThat(row.path("row").asInt()).as(row.toString()).isEqualTo(7);
        assertThat(row.has("line")).as(row.toString()).isFalse();
    }

    @Test
    void aRowOfAParquetFileIsReadBackAsARowNotAsAColumn() throws java.io.IOException {
        Path file = java.nio.file.Files.writeString(folder.resolve("sampling.json"),
                sampleAt(RowLocation.ROW).write());

        SamplingDocument.SampleRow row = SamplingDocument.read(file).samples().get("sample").get(0);

        assertThat(row.row()).isEqualTo(7);
        assertThat(row.columns()).containsOnlyKeys("params", "tokens");
    }

    @Test
    void aRowOfATextFileIsRecordedAsALine() {
        JsonNode row = firstSampleRow(RowLocation.LINE);

        assertThat(row.path("line").asInt()).as(row.toString()).isEqualTo(7);
        assertThat(row.has("row")).as(row.toString()).isFalse();
    }
}
