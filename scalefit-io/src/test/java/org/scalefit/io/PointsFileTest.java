package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.law.expr.ExpressionLaw;

/** {@link ExpressionLawFiles#readPoints}: the points file of {@code scalefit predict}. */
class PointsFileTest {

    @TempDir
    Path folder;

    private static ExpressionLaw chinchilla() {
        return ExpressionLawFiles.infer("user", "E + A/N^alpha + B/D^beta", Map.of(), List.of());
    }

    @Test
    void aBadValueAfterBlankLinesIsReportedAtItsLineInTheFile() throws IOException {
        Path file = Files.writeString(folder.resolve("points.csv"), "N,D\n1e9,2e10\n\n\n1e9,abc\n");

        assertThatThrownBy(() -> ExpressionLawFiles.readPoints(file, chinchilla()))
                .isInstanceOf(InputException.class).hasMessageStartingWith(file + ":5: column 'D'");
    }

    @Test
    void aMissingColumnIsReportedAtTheHeaderLineBelowLeadingBlankLines() throws IOException {
        Path file = Files.writeString(folder.resolve("points.csv"), "\n\nN,tokens_seen\n1e9,2e10\n");

        assertThatThrownBy(() -> ExpressionLawFiles.readPoints(file, chinchilla()))
                .isInstanceOf(InputException.class).hasMessageStartingWith(file + ":3: column 'D'");
    }

    @Test
    void blankLinesHoldNoPoints() throws IOException {
        Path file = Files.writeString(folder.resolve("points.csv"), "N,D\n\n1e9,2e10\n\n3e9,6e10\n\n");

        assertThat(ExpressionLawFiles.readPoints(file, chinchilla()))
                .isDeepEqualTo(new double[][] {{1e9, 2e10}, {3e9, 6e10}});
    }
}
