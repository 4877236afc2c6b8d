package org.scalefit.io.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.InputRange;
import org.scalefit.io.ExpressionLawFiles;
import org.scalefit.io.InputException;

class PredictRequestTest {

    @TempDir
    Path folder;

    private static PredictRequest atCompute(ExpressionLawFiles.Fitted law, double compute) {
        return new PredictRequest(law, List.of(), List.of(compute), 95);
    }

    private static ExpressionLawFiles.Fitted fitted(String text, Map<String, Double> values) {
        var law = ExpressionLawFiles.infer("user", text, Map.of(), List.of());
        return new ExpressionLawFiles.Fitted(law, law.theta(values));
    }

    @Test
    void pointsAndBudgetsFarOutsideTheFittedRunsAreNamedByTheDataColumnTheLawReads() {
        Map<String, Double> values = Map.of("E", 1.69, "A", 406.4, "alpha", 0.34, "B", 410.7, "beta", 0.28);
        var law = fitted("E + B/D^beta + A/N^alpha", values); // reads tokens first
        var range = new InputRange(List.of("params", "tokens"), new double[] {1e7, 1e8}, new double[] {1e9, 1e10},
                6e19);
        var request = new PredictRequest(law, List.of(new double[] {1e10, 1e13}, new double[] {1e10, 1e13}),
                List.of(1e20, 6e29), 95);
        assertThat(request.extrapolations(range)).containsExactly(
                "extrapolation: params = 1.00e+13 is 4.0 orders of magnitude beyond the largest fitted params = "
                        + "1.00e+09; the law is untested there",
                "extrapolation: the point's compute 6·N·D = 6.00e+23 is 4.0 orders of magnitude beyond the largest "
                        + "run's 6·N·D = 6.00e+19; the law is untested there",
                "extrapolation: C = 6.00e+29 is 10.0 orders of magnitude beyond the largest run's 6·N·D = 6.00e+19; "
                        + "the law is untested there");
    }

    @Test
    void aPointOfGadresLawWithinAnOrderOfMagnitudeOfTheRunsInNAndMButFarBeyondInComputeIsAnExtrapolation() {
        // the paper's case: fitted up to 4e8 params at M = 20, predicting 1.4e9 params at M = 640 (400x the compute)
        var gadre = ExpressionLawFiles.named("gadre-overtraining",
                Map.of("alpha", 300.0, "beta", 500.0, "b", -0.3, "E", 1.8));
        var range = InputRange.ofColumns(List.of("params", "tokens_per_param"),
                new double[][] {{1e7, 3e7, 8e7, 2e8, 4e8, 1e7}, {20, 20, 20, 20, 20, 320}});
        var request = new PredictRequest(gadre, List.<double[]>of(new double[] {1.4e9, 640}), List.of(), 95);

        assertThat(request.extrapolations(range)).containsExactly("extrapolation: the point's compute 6·N·D = "
                + "7.53e+21 is 2.6 orders of magnitude beyond the largest run's 6·N·D = 1.92e+19; the law is untested "
                + "there");
    }

    @Test
    void aBudgetIsSplitIntoParametersAndTokensWhicheverOrderTheLawReadsThem() {
        Map<String, Double> values = Map.of("E", 1.69, "A", 406.4, "alpha", 0.34, "B", 410.7, "beta", 0.28);
        var dFirst = fitted("E + B/D^beta + A/N^alpha", values);
        var nFirst = fitted("E + A/N^alpha + B/D^beta", values);
        assertThat(atCompute(dFirst, 1e23).run().allocationRows())
                .isEqualTo(atCompute(nFirst, 1e23).run().allocationRows());
    }

    @Test
    void aLawOfParametersAndTokensPerParameterIsSplitWithItsMTakenAsDOverNNotAsD() {
        // Gadre et al.'s law reads M = D/N, not D: along C = 6·N·D, M = C/(6·N²); it is Chinchilla's form with
        // A = α, B = β·6^(b/2) and both exponents −b, whose N_opt = G·(C/6)^(1/2) with G = (A/B)^(1/(2·0.3))
        var gadre = ExpressionLawFiles.named("gadre-overtraining",
                Map.of("alpha", 1000.0, "beta", 1000.0, "b", -0.3, "E", 1.0));
        double g = Math.pow(1000 / (1000 * Math.pow(6, -0.15)), 1 / 0.6);
        String[] row = atCompute(gadre, 1e21).run().allocationRows().get(0).split(",");

        assertThat(Double.parseDouble(row[1])).isCloseTo(g * Math.sqrt(1e21 / 6),
                org.assertj.core.api.Assertions.within(1e-5 * g * Math.sqrt(1e21 / 6)));
        assertThat(Double.parseDouble(row[2])).isCloseTo(1e21 / 6 / (g * Math.sqrt(1e21 / 6)),
                org.assertj.core.api.Assertions.within(1e-5 * 1e21 / 6 / (g * Math.sqrt(1e21 / 6))));
    }

    /** A user joins the predictions back to their runs by the inputs, so the rows must carry them as given. */
    @Test
    void aPointsInputsAreWrittenAsGivenNotRounded() {
        var gadre = ExpressionLawFiles.named("gadre-overtraining",
                Map.of("alpha", 166.2, "beta", 366.7, "b", -0.2729, "E", 1.8366));
        var result = new PredictRequest(gadre, List.of(new double[] {1234567891, 20.5}), List.of(), 95).run();
        assertThat(result.pointRows().get(0)).startsWith("1.234567891e9,20.5,");
    }

    @Test
    void aPointWhoseInputIsNotAPositiveFiniteNumberIsRefusedNamingTheInput() {
        var law = fitted("E + A/N^alpha + B/D^beta",
                Map.of("E", 1.69, "A", 406.4, "alpha", 0.34, "B", 410.7, "beta", 0.28)).law();
        for (String point : List.of("N=-1e9,D=1e9", "N=0,D=1e9", "N=NaN,D=1e9", "N=1e9,D=Infinity")) {
            assertThatThrownBy(() -> PredictRequest.point(law, point)).as(point)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--at " + point)
                    .hasMessageContaining("a positive finite number");
        }
    }

    @Test
    void aPointThatGivesAnInputTwiceIsRefusedNotReadAsItsLastValue() {
        var law = fitted("E + A/N^alpha + B/D^beta",
                Map.of("E", 1.69, "A", 406.4, "alpha", 0.34, "B", 410.7, "beta", 0.28)).law();
        assertThatThrownBy(() -> PredictRequest.point(law, "N=1e9,D=1e10,N=2e9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--at N=1e9,D=1e10,N=2e9")
                .hasMessageContaining("N given twice");
    }

    @Test
    void aPointWhoseValueIsNotANumberIsRefusedWithTheText() {
        var law = fitted("E + A/N^alpha + B/D^beta",
                Map.of("E", 1.69, "A", 406.4, "alpha", 0.34, "B", 410.7, "beta", 0.28)).law();
        assertThatThrownBy(() -> PredictRequest.point(law, "N=abc,D=1e9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--at N=abc,D=1e9")
                .hasMessageContaining("'abc'");
    }

    @Test
    void aPointsFileWithAnInputThatIsNotPositiveIsRefusedAtItsLineAndColumn() throws java.io.IOException {
        var law = fitted("E + A/N^alpha + B/D^beta",
                Map.of("E", 1.69, "A", 406.4, "alpha", 0.34, "B", 410.7, "beta", 0.28)).law();
        Path file = java.nio.file.Files.writeString(folder.resolve("points.csv"),
                "N,D\n1e9,2e10\n1e9,-2e10\n");
        assertThatThrownBy(() -> ExpressionLawFiles.readPoints(file, law)).isInstanceOf(InputException.class)
                .hasMessageContaining("points.csv:3").hasMessageContaining("column 'D'")
                .hasMessageContaining("a positive finite number");
    }
}
