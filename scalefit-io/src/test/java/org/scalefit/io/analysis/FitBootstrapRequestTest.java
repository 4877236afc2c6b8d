package org.scalefit.io.analysis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.InputException;
import org.scalefit.uncertainty.ResamplingStream;
import org.scalefit.uncertainty.ResamplingUnits;

class FitBootstrapRequestTest {

    @TempDir
    Path folder;

    @Test
    void aFitOfDataReadFromStandardInputAsksForTheDataAgainWithData() throws IOException {
        String document;
        try (InputStream in = FitBootstrapRequestTest.class.getResourceAsStream("/org/scalefit/io/fit-document.json")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path fit = Files.writeString(folder.resolve("fit.json"),
                document.replace("\"data\" : \"gemstones:hot\"", "\"data\" : \"-\""));
        FitBootstrapRequest request = new FitBootstrapRequest(fit, FitBootstrapRequest.DataOverride.none(),
                ResamplingUnits.Scheme.PAIRS, List.of(), 10, 42, ResamplingStream.NUMPY_RANDOM_STATE, "numpy",
                new double[0], 95);

        assertThatThrownBy(request::prepare).isInstanceOf(InputException.class)
                .hasMessageContaining("standard input").hasMessageContaining("--data FILE")
                .hasMessageNotContaining("nothing at that path");
    }
}
