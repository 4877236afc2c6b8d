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
}
