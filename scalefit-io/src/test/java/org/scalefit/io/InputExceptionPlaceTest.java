package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run table has columns, a document has fields: an {@link InputException} names each as what it is. */
class InputExceptionPlaceTest {

    @TempDir
    Path folder;

    @Test
    void aDocumentFieldIsNamedAFieldAndIsNoColumn() {
        InputException e = InputException.field("law.json", null, "parameters.alpha", "a number", "\"x\"");

        assertThat(e).hasMessage("law.json: field 'parameters.alpha': expected a number, found \"x\"");
        assertThat(e.field()).contains("parameters.alpha");
        assertThat(e.column()).isEmpty();
    }

    @Test
    void aTableColumnIsNamedAColumnAndIsNoField() {
        InputException e = new InputException("runs.csv", 3, "loss", "a positive finite number", "\"x\"");

        assertThat(e).hasMessage("runs.csv:3: column 'loss': expected a positive finite number, found \"x\"");
        assertThat(e.column()).contains("loss");
        assertThat(e.field()).isEmpty();
    }

    @Test
    void aLawFileNamesTheFieldItCannotUse() throws IOException {
        Path law = Files.writeString(folder.resolve("law.json"),
                "{\"expression\": \"E + A/N^alpha\", \"parameters\": {\"gamma\": {\"scale\": \"log\"}}}");

        assertThatThrownBy(() -> ExpressionLawFiles.read(law)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(law + ": field 'parameters.gamma': ");
    }
}
