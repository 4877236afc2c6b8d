package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** What a user is told when the file they gave as a law is not one. */
class LawDocumentFilesTest {

    @TempDir
    Path folder;

    @Test
    void aMissingFileIsReportedAsNoSuchFile() {
        Path file = folder.resolve("fit.json");

        assertThatThrownBy(() -> LawDocumentFiles.readTree(file, JsonMapper.builder().build(), true, "a JSON fit"))
                .isInstanceOf(InputException.class).hasMessage(file + ": expected a JSON fit, found no such file");
    }

    /**
     * Python's json.dump writes NaN and Infinity, which JSON has no number for: the message says so in the user's
     * terms, not as the parser's option to enable.
     */
    @Test
    void aNaNWrittenByPythonIsNamedAsSuch() throws Exception {
        Path file = java.nio.file.Files.writeString(folder.resolve("fit.json"),
                "{\"law\": \"chinchilla\",\n \"exponents\": [0.34, NaN]}");

        assertThatThrownBy(() -> LawDocumentFiles.readTree(file, JsonMapper.builder().build(), true, "a JSON fit"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":2: expected a JSON fit, found NaN, which JSON "
                        + "has no number for")
                .hasMessageNotContaining("JsonReadFeature");
    }
}
