package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.InputRange;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;


/** The fit document is a record written and read by one mapper: reading what was written gives the same bytes. */
class FitDocumentTest {

    /** A document written by {@code scalefit fit --data gemstones:hot --no-embeds --out fit.json}. */
    private static String written() throws IOException {
        try (InputStream in = FitDocumentTest.class.getResourceAsStream("fit-document.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aWrittenDocumentReadsBackToTheSameBytes() throws IOException {
        String text = written();
        assertThat(FitDocument.read(text, "fit-document.json").write()).isEqualTo(text);
    }

    @Test
    void theFittedLawIsThetaInTheLawsOrder() throws IOException {
        FitDocument document = FitDocument.read(written(), "fit-document.json");
        double[] theta = document.fittedLaw().theta();
        assertThat(theta).hasSize(5);
        assertThat(theta[0]).isEqualTo(document.exponents()[0]);
        assertThat(theta[3]).isEqualTo(document.coefficients()[1]);
        assertThat(theta[4]).isEqualTo(document.irreducibleError());
    }

    @Test
    void aFitRecordsTheRangeOfItsRunsSoThatAUseOfTheLawFarBeyondThemCanBeJudged() {
        Observations points = new Observations("runs", List.of("params", "tokens"),
                new double[][] {{1e7, 2e8}, {1e8, 1e9}}, new double[] {3.1, 2.9});
        LawFit fit = FitProblem.of(LawForm.CHINCHILLA, points, 1e-3, StartGrid.epoch())
                .fit(LocalParallelism.withThreads(1), FitProgress.silent());
        String text = FitDocument.of(fit, new FitProvenance("x", "0", List.of(), "test"), new RunTiming(1, 0)).write();
        assertThat(text).contains("\"data_range\"", "\"largest_compute\" : 6.0E17");
        assertThat(FitDocument.read(text, "x").dataRange().inputRange()).isEqualTo(InputRange.of(points));
    }

    @Test
    void aFitWithoutOptimumHasNoOptimumFields() {
        Observations points = Observations.fromTable(new TableReader().read("gemstones:slim_chinchilla",
                ColumnRequest.of("params", "tokens", "loss")), LawForm.CHINCHILLA.inputs(), "loss");
        LawFit fit = new FitProblem(LawForm.CHINCHILLA, points, 1e-3, StartGrid.epoch(),
                MultiStartFitter.Options.defaults().withMaxEvaluations(1))
                .fit(LocalParallelism.withThreads(1), FitProgress.silent());
        String text = FitDocument.of(fit, new FitProvenance("x", "0", List.of(), "test"), new RunTiming(1, 0)).write();
        assertThat(text).doesNotContain("\"loss\" :", "\"exponents\"", "natural_scale").contains("no_start_converged");
        assertThat(FitDocument.read(text, "x").hasOptimum()).isFalse();
        assertThat(FitResultJson.gemstones(FitDocument.read(text, "x"))).isEqualTo("{\n  \"success\" : {\n"
                + "    \"0\" : false\n  }\n}\n");
    }

    @Test
    void aDocumentOfAnotherShapeIsRefusedNamingTheSource() {
        assertThatThrownBy(() -> FitDocument.read("[1, 2]", "odd.json")).isInstanceOf(InputException.class)
                .hasMessageContaining("odd.json");
    }
}
