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
import org.scalefit.law.expr.NamedLaws;

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
    void anInputGivenByTwoColumnsIsRefusedNamingBoth() throws IOException {
        Path file = Files.writeString(folder.resolve("points.csv"), "N,params,D\n1e9,2e9,2e10\n");

        assertThatThrownBy(() -> ExpressionLawFiles.readPoints(file, chinchilla()))
                .isInstanceOf(InputException.class).hasMessage(file + ":1: column 'N': expected one column for "
                        + "input N, found two: 'N' and 'params' (remove or rename one)");
    }

    @Test
    void blankLinesHoldNoPoints() throws IOException {
        Path file = Files.writeString(folder.resolve("points.csv"), "N,D\n\n1e9,2e10\n\n3e9,6e10\n\n");

        assertThat(ExpressionLawFiles.readPoints(file, chinchilla()).values())
                .containsExactly(new double[] {1e9, 2e10}, new double[] {3e9, 6e10});
    }

    @Test
    void aLawOfTokensPerParameterReadsMAsTokensOverParamsWhenTheFileHasParamsAndTokensAsFitDoes() throws IOException {
        Path file = Files.writeString(folder.resolve("points.csv"), "params,tokens\n1e9,2e10\n4e9,1e10\n");

        ExpressionLawFiles.Points points = ExpressionLawFiles.readPoints(file, NamedLaws.named("gadre-overtraining"));

        assertThat(points.values()).containsExactly(new double[] {1e9, 20}, new double[] {4e9, 2.5});
        assertThat(points.transforms()).containsExactly(new Transform.TokensPerParam());
    }

    @Test
    void aTokensPerParamColumnIsReadAsGivenAndNothingIsDerived() throws IOException {
        Path file = Files.writeString(folder.resolve("points.csv"), "params,tokens_per_param\n1e9,7\n");

        ExpressionLawFiles.Points points = ExpressionLawFiles.readPoints(file, NamedLaws.named("gadre-overtraining"));

        assertThat(points.values()).containsExactly(new double[] {1e9, 7});
        assertThat(points.transforms()).isEmpty();
    }

    /** As a fit refuses such a table: M is tokens per parameter, and a column in another unit would be read as it. */
    @Test
    void aTokensPerParamColumnThatIsNotTokensOverParamsBesideThemIsRefusedAtItsLine() throws IOException {
        Path file = Files.writeString(folder.resolve("points.csv"),
                "params,tokens,tokens_per_param\n1e9,2e10,20\n1e9,2e10,1\n");

        assertThatThrownBy(() -> ExpressionLawFiles.readPoints(file, NamedLaws.named("gadre-overtraining")))
                .isInstanceOf(InputException.class).hasMessageStartingWith(file + ":3: column 'tokens_per_param'")
                .hasMessageContaining("tokens/params = 20");
    }

    @Test
    void withoutTokensPerParamOrTokensTheMissingColumnsAreNamed() throws IOException {
        Path file = Files.writeString(folder.resolve("points.csv"), "params,flops\n1e9,1.2e20\n");

        assertThatThrownBy(() -> ExpressionLawFiles.readPoints(file, NamedLaws.named("gadre-overtraining")))
                .isInstanceOf(InputException.class).hasMessageStartingWith(file + ":1: column 'M'")
                .hasMessageContaining("'tokens_per_param'").hasMessageContaining("'params' and 'tokens'");
    }

    /** A spreadsheet's export: a byte-order mark, CRLF, quoted cells, or semicolons as the data reader accepts them. */
    @Test
    void aPointsFileIsSplitAndUnquotedAsARunTableIs() throws IOException {
        for (String text : List.of("\uFEFFN,D\r\n1e9,2e10\r\n", "N;D\n1e9;2e10\n", "\"N\",\"D\"\n\"1e9\",\"2e10\"\n",
                "N\tD\n1e9\t2e10\n")) {
            Path file = Files.writeString(folder.resolve("points.csv"), text);

            assertThat(ExpressionLawFiles.readPoints(file, chinchilla()).values()).as(text)
                    .containsExactly(new double[] {1e9, 2e10});
        }
    }

    @Test
    void aHeaderWithoutPointsIsRefusedAsAFileWithoutPoints() throws IOException {
        Path file = Files.writeString(folder.resolve("points.csv"), "N,D\n\n");

        assertThatThrownBy(() -> ExpressionLawFiles.readPoints(file, chinchilla()))
                .isInstanceOf(InputException.class).hasMessageStartingWith(file + ": ")
                .hasMessageContaining("no point");
    }

    @Test
    void aMissingCellIsReportedAsAnEmptyCellAsInARunTable() throws IOException {
        Path file = Files.writeString(folder.resolve("points.csv"), "N,D\n1e9\n");

        assertThatThrownBy(() -> ExpressionLawFiles.readPoints(file, chinchilla()))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":2: column 'D': expected a number, found an empty cell");
    }

    /** A note written in Latin-1 (é as the byte 0xE9, not UTF-8) beside the points, as a run table may hold one. */
    @Test
    void aByteThatIsNotUtf8InAColumnBesideTheInputsIsNoObstacle() throws IOException {
        Path file = Files.write(folder.resolve("points.csv"),
                new byte[] {'N', ',', 'D', ',', 'n', '\n', '1', 'e', '9', ',', '2', 'e', '9', ',', 'c', 'a', 'f',
                        (byte) 0xE9, '\n'});

        assertThat(ExpressionLawFiles.readPoints(file, chinchilla()).values())
                .containsExactly(new double[] {1e9, 2e9});
    }

    @Test
    void aMissingFileIsReportedAsNoSuchFile() {
        Path file = folder.resolve("points.csv");

        assertThatThrownBy(() -> ExpressionLawFiles.readPoints(file, chinchilla()))
                .isInstanceOf(InputException.class).hasMessage(file + ": expected a readable CSV file of points, "
                        + "found no such file");
    }

    @Test
    void aColumnNamedTwiceInTheHeaderIsRefusedAsARunTableIs() throws IOException {
        Path file = Files.writeString(folder.resolve("points.csv"), "N,D,N\n1e9,2e10,3e9\n");

        assertThatThrownBy(() -> ExpressionLawFiles.readPoints(file, chinchilla()))
                .isInstanceOf(InputException.class).hasMessage(file + ":1: column 'N': expected distinct column "
                        + "names in the header, found 'N' twice");
    }
}
