package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.report.Numbers;
import org.scalefit.report.plot.ColorKey;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.Scale;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.report.plot.Series;

class LawFitFiguresTest {

    // Chinchilla's rounded law (Hoffmann et al. 2022 eq. 10): E 1.69, A 406.4, B 410.7, α 0.34, β 0.28.
    private static final FittedLaw CHINCHILLA = new FittedLaw(LawForm.CHINCHILLA,
            new double[] {0.34, 0.28, Math.log(406.4), Math.log(410.7), Math.log(1.69)});
    private static final double[][] INPUTS = {{1e8, 2e9}, {1e8, 8e9}, {1e9, 2e10}};

    private static Observations observations(double... scale) {
        double[] losses = new double[INPUTS.length];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = CHINCHILLA.predict(INPUTS[i]) * scale[i];
        }
        return new Observations("test", LawForm.CHINCHILLA.inputs(), INPUTS, losses);
    }

    /** One point each of more runs than the palette has colours, "run 0" … "run 10", N = 10⁸ … 10¹⁰. */
    private static Observations manyRuns() {
        int n = Palette.CATEGORICAL.size() + 1;
        double[][] inputs = new double[n][];
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = new double[] {1e8 * Math.pow(10, i / 5.0), 2e10};
            losses[i] = CHINCHILLA.predict(inputs[i]);
        }
        return new Observations("many", LawForm.CHINCHILLA.inputs(), inputs, losses);
    }

    private static Runs manyRunNames() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < Palette.CATEGORICAL.size() + 1; i++) {
            names.add("run " + i);
        }
        return Runs.named(names);
    }

    @Test
    void predictedAgainstObservedPairsEachPointsLossWithTheLawsPrediction() {
        Observations data = observations(1.01, 0.99, 1.0);
        Runs runs = Runs.named(List.of("small", "small", "large"));

        Figure figure = LawFitFigures.predictedAgainstObserved("p", CHINCHILLA, data, runs, RunStyles.none(), "loss");

        assertThat(figure.series()).extracting(Series::name).containsExactly("small", "large", "L̂ = L");
        assertThat(figure.series("small").x()).containsExactly(data.loss(0), data.loss(1));
        assertThat(figure.series("small").y()[0]).isEqualTo(CHINCHILLA.predict(INPUTS[0]));
        assertThat(figure.series("large").y()[0]).isCloseTo(data.loss(2), within(1e-12));
    }

    @Test
    void theLossAxesSayWhatTheLossIs() {
        Observations data = observations(1, 1, 1);
        Runs runs = Runs.named(List.of("a", "b", "c"));
        String label = LossLabel.ofColumn("val_loss");

        Figure predicted = LawFitFigures.predictedAgainstObserved("p", CHINCHILLA, data, runs, RunStyles.none(),
                label);
        Figure residuals = LawFitFigures.residualsAgainstInput("r", CHINCHILLA, data, "tokens", runs,
                RunStyles.none(), label);

        assertThat(predicted.x().label()).isEqualTo("L, observed validation loss (column val_loss)");
        assertThat(predicted.y().label()).isEqualTo("L̂, predicted validation loss (column val_loss)");
        assertThat(residuals.y().label()).isEqualTo("ln L − ln L̂, L: validation loss (column val_loss)");
    }

    @Test
    void residualsAreTheLogRatioOfObservedToPredictedAgainstTheChosenInput() {
        Observations data = observations(Math.exp(0.02), Math.exp(-0.01), 1.0);
        Runs runs = Runs.named(List.of("a", "b", "c"));

        Figure figure = LawFitFigures.residualsAgainstInput("r", CHINCHILLA, data, "tokens", runs, RunStyles.none(), "loss");

        assertThat(figure.series("a").x()).containsExactly(2e9);
        assertThat(figure.series("a").y()[0]).isCloseTo(0.02, within(1e-12));
        assertThat(figure.series("b").y()[0]).isCloseTo(-0.01, within(1e-12));
        assertThat(figure.series("c").y()[0]).isCloseTo(0.0, within(1e-12));
        assertThat(figure.series("zero").inLegend()).isFalse();
    }

    @Test
    void moreRunsThanThePaletteHasColoursAreColouredByModelSizeWithAKeyInsteadOfALegendEntryEach() {
        Observations data = manyRuns();
        Runs runs = manyRunNames();

        Figure residuals = LawFitFigures.residualsAgainstInput("r", CHINCHILLA, data, "tokens", runs,
                RunStyles.none(), "loss");
        Figure predicted = LawFitFigures.predictedAgainstObserved("p", CHINCHILLA, data, runs, RunStyles.none(), "loss");

        for (Figure figure : List.of(residuals, predicted)) {
            ColorKey key = figure.colorKey();
            assertThat(key.scale()).isEqualTo(Scale.LOG);
            assertThat(key.low()).isEqualTo(1e8);
            assertThat(key.high()).isEqualTo(1e10);
            assertThat(figure.series("run 0").style().color()).isEqualTo(key.color(1e8));
            assertThat(figure.series("run 10").style().color()).isEqualTo(key.color(1e10));
            assertThat(figure.series()).filteredOn(s -> s.name().startsWith("run ")).noneMatch(Series::inLegend);
        }
    }

    @Test
    void pointsColouredByModelSizeStateTheirModelSizeInTheirLabel() {
        Figure figure = LawFitFigures.residualsAgainstInput("r", CHINCHILLA, manyRuns(), "tokens", manyRunNames(),
                RunStyles.none(), "loss");

        assertThat(figure.series("run 0").pointLabel(0)).isEqualTo("run 0, N = 10⁸");
        assertThat(figure.series("run 10").pointLabel(0)).isEqualTo("run 10, N = 10¹⁰");
    }

    @Test
    void aPointLabelThatStatesItsModelSizeAlreadyIsNotGivenItAgain() {
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < Palette.CATEGORICAL.size() + 1; i++) {
            labels.add("N = " + i + ", D = 2×10¹⁰");
        }

        Figure figure = LawFitFigures.residualsAgainstInput("r", CHINCHILLA, manyRuns(), "tokens",
                manyRunNames().withRowLabels(labels), RunStyles.none(), "loss");

        assertThat(figure.series("run 3").pointLabel(0)).isEqualTo("N = 3, D = 2×10¹⁰");
    }

    @Test
    void lossAgainstComputeDrawsADivergedCheckpointAtTheEdgeOfTheLossAxis() {
        Observations data = oneDiverged();
        double[] flops = new double[data.size()];
        double[] params = new double[data.size()];
        double[] loss = data.losses();
        loss[5] = 1e6;
        for (int i = 0; i < flops.length; i++) {
            params[i] = data.input(i, 0);
            flops[i] = 6 * params[i] * data.input(i, 1);
        }
        Runs runs = Runs.named(java.util.stream.IntStream.range(0, 12).mapToObj(i -> "run " + i).toList());

        Figure figure = LawFitFigures.lossAgainstCompute("c", "FLOPs", "loss", flops, loss, params, runs,
                RunStyles.none(), LossFrontier.convexHull(flops, loss),
                ComputeOptimalAllocation.ofChinchillaParameters(CHINCHILLA.theta()), new double[] {1e18, 1e21}, null);

        assertThat(org.scalefit.report.plot.PlotFrame.of(figure).y().high()).isLessThan(100);
        assertThat(figure.series(LawFitFigures.OFF_SCALE).pointLabel(0)).contains("run 5");
    }

    @Test
    void lossAgainstComputeColoursManyRunsByModelSizeAndKeepsTheFrontierAndLawInTheLegend() {
        Observations data = manyRuns();
        double[] flops = new double[data.size()];
        double[] params = new double[data.size()];
        for (int i = 0; i < flops.length; i++) {
            params[i] = data.input(i, 0);
            flops[i] = 6 * params[i] * data.input(i, 1);
        }
        double[] budgets = {1e18, 1e21};

        Figure figure = LawFitFigures.lossAgainstCompute("c", "FLOPs", "loss", flops, data.losses(), params,
                manyRunNames(), RunStyles.none(), LossFrontier.convexHull(flops, data.losses()),
                ComputeOptimalAllocation.ofChinchillaParameters(CHINCHILLA.theta()), budgets, null);

        assertThat(figure.colorKey().high()).isEqualTo(1e10);
        assertThat(figure.series("run 10").pointLabel(0)).endsWith(", N = 10¹⁰");
        assertThat(figure.series()).filteredOn(Series::inLegend).extracting(Series::name)
                .containsExactly("convex-hull frontier", "fitted law at N_opt(C), D_opt(C)");
    }

    @Test
    void aFewRunsKeepTheirOwnStylesAndLegendEntries() {
        Figure figure = LawFitFigures.residualsAgainstInput("r", CHINCHILLA, observations(1, 1, 1), "tokens",
                Runs.named(List.of("a", "b", "c")), RunStyles.none(), "loss");

        assertThat(figure.colorKey()).isNull();
        assertThat(figure.series("a").inLegend()).isTrue();
    }

    @Test
    void residualsAgainstAnInputTheDataLacksAreRefused() {
        assertThatThrownBy(() -> LawFitFigures.residualsAgainstInput("r", CHINCHILLA, observations(1, 1, 1), "width",
                Runs.named(List.of("a", "b", "c")), RunStyles.none(), "loss"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width");
    }

    /** Twelve points within ±0.4 % of the law and, at row 5, a diverged run whose loss is 10 times the law's. */
    private static Observations oneDiverged() {
        int n = 12;
        double[][] inputs = new double[n][];
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = new double[] {1e8 * Math.pow(10, (i % 4) / 2.0), 2e9 * Math.pow(10, (i / 4) / 2.0)};
            losses[i] = CHINCHILLA.predict(inputs[i]) * (i == 5 ? 10 : 1 + 0.004 * Math.sin(7 * i));
        }
        return new Observations("diverged", LawForm.CHINCHILLA.inputs(), inputs, losses);
    }

    @Test
    void aDivergedPointIsDrawnAtTheEdgeOfTheBulksAxisNotWhereItFlattensTheRest() {
        Observations data = oneDiverged();
        Runs runs = Runs.named(java.util.stream.IntStream.range(0, 12).mapToObj(i -> "run " + i).toList());

        Figure figure = LawFitFigures.residualsAgainstInput("r", CHINCHILLA, data, "tokens", runs, RunStyles.none(),
                "loss");

        org.scalefit.report.plot.PlotFrame frame = org.scalefit.report.plot.PlotFrame.of(figure);
        double top = frame.y().high();
        assertThat(top).isLessThan(0.05);
        Series offScale = figure.series(LawFitFigures.OFF_SCALE);
        assertThat(offScale.size()).isEqualTo(1);
        assertThat(offScale.y()[0]).isGreaterThan(0.004).isLessThanOrEqualTo(top);
        assertThat(offScale.pointLabel(0)).contains("run 5").contains(Numbers.format(Math.log(10), 4));
        assertThat(LawFitFigures.offScaleResiduals(CHINCHILLA, data)).containsExactly(5);
    }

    @Test
    void residualsWithoutAnOutlierKeepEveryPointOnScale() {
        Observations data = observations(Math.exp(0.02), Math.exp(-0.01), 1.0);

        assertThat(LawFitFigures.offScaleResiduals(CHINCHILLA, data)).isEmpty();
    }

    @Test
    void aDivergedPointIsDrawnAtTheEdgeOfThePredictedAgainstObservedAxesNotWhereItStretchesThem() {
        Observations data = oneDiverged();
        Runs runs = Runs.named(java.util.stream.IntStream.range(0, 12).mapToObj(i -> "run " + i).toList());

        Figure figure = LawFitFigures.predictedAgainstObserved("p", CHINCHILLA, data, runs, RunStyles.none(), "loss");

        org.scalefit.report.plot.PlotFrame frame = org.scalefit.report.plot.PlotFrame.of(figure);
        double bulkHigh = java.util.stream.IntStream.range(0, 12).filter(i -> i != 5)
                .mapToDouble(i -> Math.max(data.loss(i), CHINCHILLA.predict(data.inputs()[i]))).max().orElseThrow();
        assertThat(frame.x().high()).isLessThan(2 * bulkHigh);
        Series offScale = figure.series(LawFitFigures.OFF_SCALE);
        assertThat(offScale.size()).isEqualTo(1);
        assertThat(offScale.x()[0]).isGreaterThan(bulkHigh).isLessThanOrEqualTo(frame.x().high());
        assertThat(offScale.y()[0]).isCloseTo(CHINCHILLA.predict(data.inputs()[5]), org.assertj.core.api.Assertions
                .withinPercentage(1e-9));
        assertThat(offScale.pointLabel(0)).contains("run 5").contains(Numbers.format(data.loss(5), 4));
    }

    @Test
    void predictedAgainstObservedWithoutAnOutlierHasNoOffScaleSeries() {
        Observations data = observations(Math.exp(0.02), Math.exp(-0.01), 1.0);
        Runs runs = Runs.named(java.util.stream.IntStream.range(0, data.size()).mapToObj(i -> "run " + i).toList());

        Figure figure = LawFitFigures.predictedAgainstObserved("p", CHINCHILLA, data, runs, RunStyles.none(), "loss");

        assertThat(figure.series()).extracting(Series::name).doesNotContain(LawFitFigures.OFF_SCALE);
    }

    @Test
    void aLargeResidualWhoseLossesLieAmongTheOthersStaysInPlaceOnPredictedAgainstObserved() {
        // row 5 is 10 % above the law: off the residuals' scale (the rest within ±0.4 %), but its L lies among the
        // others' losses, so it stretches nothing on these axes
        int n = 12;
        double[][] inputs = new double[n][];
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = new double[] {1e8 * Math.pow(10, (i % 4) / 2.0), 2e9 * Math.pow(10, (i / 4) / 2.0)};
            losses[i] = CHINCHILLA.predict(inputs[i]) * (i == 5 ? 1.10 : 1 + 0.004 * Math.sin(7 * i));
        }
        Observations data = new Observations("off", LawForm.CHINCHILLA.inputs(), inputs, losses);

        assertThat(LawFitFigures.offScaleResiduals(CHINCHILLA, data)).containsExactly(5);
        assertThat(LawFitFigures.offScalePredictions(CHINCHILLA, data)).isEmpty();
    }
}
