package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored fit is its fit document read back through {@link FitDocument}. */
class StoredFitTest {

    @TempDir
    Path folder;

    private Path written() throws IOException {
        try (InputStream in = StoredFitTest.class.getResourceAsStream("fit-document.json")) {
            Path file = folder.resolve("fit.json");
            Files.writeString(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return file;
        }
    }

    @Test
    void aStoredFitHoldsWhatItsFitDocumentRecords() throws IOException {
        Path file = written();
        FitDocument document = Documents.read(file, FitDocument.class);
        StoredFit stored = StoredFit.read(file);
        assertThat(stored.law()).isEqualTo(document.fittedLaw());
        assertThat(stored.delta()).isEqualTo(document.delta());
        assertThat(stored.points()).isEqualTo(document.points());
        assertThat(stored.loss()).isEqualTo(document.loss());
        assertThat(stored.provenance()).isEqualTo(document.provenance().fitProvenance());
        assertThat(stored.limits()).isEqualTo(document.identificationLimits());
    }

    @Test
    void aGemstonesParameterFileIsRejectedForItsMissingProvenance() throws IOException {
        FitDocument document = Documents.read(written(), FitDocument.class);
        Path gemstones = folder.resolve("params.json");
        Files.writeString(gemstones, FitResultJson.gemstones(document));
        assertThatThrownBy(() -> StoredFit.read(gemstones)).isInstanceOf(InputException.class)
                .hasMessageContaining("provenance");
    }

    @Test
    void aFitOfALawWrittenAsTextIsRejectedAsSuchAndPointedToFitBootstrap() throws IOException {
        Path expressionFit = folder.resolve("expression-fit.json");
        Files.writeString(expressionFit, """
                {"kind": "expression-fit", "law": "user", "expression": "E + A/N^alpha + B/D^beta",
                 "data": "runs.csv", "points": 30, "status": "converged", "success": true,
                 "parameters": {"E": 1.7, "A": 450.0, "alpha": 0.35, "B": 420.0, "beta": 0.28}}
                """);
        assertThatThrownBy(() -> StoredFit.read(expressionFit)).isInstanceOf(InputException.class)
                .hasMessageContaining("law written as text").hasMessageContaining("--bootstrap")
                .hasMessageNotContaining("exponents");
    }
}
