package org.scalefit.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduction.json} is written by a record ({@link ReproductionDocument}) through the shared mapper: on a
 * fixed case with every verdict, a note, unpublished and non-finite values and a study without comparisons, it is
 * the bytes scalefit wrote when the document was built as a JSON tree by hand (src/test/resources/golden), and it
 * reads back as the record it was written from.
 */
class ReproductionDocumentTest {

    @TempDir
    Path folder;

    /** The case of the golden file. */
    private static List<StudyReproduction> studies() {
        StudyReproduction first = new StudyReproduction("gemstones", "A study (Someone et al. 2025)", List.of(
                Comparison.relative("Approach 3 hot, δ 1e-3", "α", 0.3401, 0.34, 1e-3),
                Comparison.objective("Approach 3 hot, δ 1e-3", 0.0123, 0.0124, 1e-8),
                Comparison.printed("held-out", "relative error", 0.123456, "0.1235"),
                Comparison.absolute("held-out", "slope", 0.5, 0.6, 1e-9),
                Comparison.relative("Approach 3 cool", "β", 0.31, 0.29, 1e-3).judged(Comparison.Verdict.FLAT_DIRECTION,
                        "the objective moves by 1e-10 along the difference"),
                Comparison.unpublished("bootstrap", "N_opt exponent", 0.4512, "not in the paper"),
                new Comparison("limits", "infinite", Double.POSITIVE_INFINITY, 1, "—", Comparison.Verdict.DIFFERS,
                        "")), List.of("the 4-input fits need --full", "second note"), List.of(), List.of(), 1.5);
        StudyReproduction second = new StudyReproduction("porian", "Another study", List.of(), List.of(), List.of(),
                List.of(), 0.25);
        return List.of(first, second);
    }

    private static String golden() throws IOException {
        try (InputStream in = ReproductionDocumentTest.class.getResourceAsStream("/golden/reproduction.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theReproductionDocumentIsTheGoldenOne() throws IOException {
        assertThat(ReproductionTables.json(studies(), "0.0.0-golden")).isEqualTo(golden());
    }

    @Test
    void theReproductionDocumentReadsBackAsTheRecordItWasWrittenFrom() throws IOException {
        ReproductionDocument document = ReproductionDocument.of(studies(), "0.0.0-golden");
        Path file = Files.writeString(folder.resolve("reproduction.json"), document.write());

        ReproductionDocument read = ReproductionDocument.read(file);

        assertThat(read).isEqualTo(document);
        assertThat(read.write()).isEqualTo(golden());
        assertThat(read.studies().get(0).comparisons().get(5).published()).isNull();
        assertThat(read.studies().get(0).comparisons().get(0).note()).isNull();
        assertThat(read.envelope().analysis()).isEqualTo(ReproductionDocument.ANALYSIS);
        assertThat(read.envelope().scalefitVersion()).isEqualTo("0.0.0-golden");
    }
}
