package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.frontier.Approach1;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.law.PowerLawAllocation;
import org.scalefit.report.plot.ColorKey;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.report.plot.Series;
import org.scalefit.report.plot.SeriesStyle;

class FrontierFiguresTest {

    // Two runs of three checkpoints each: run "a" (N = 1e8) and run "b" (N = 4e8).
    private static final double[] PARAMS = {1e8, 1e8, 1e8, 4e8, 4e8, 4e8};
    private static final double[] TOKENS = {1e9, 2e9, 4e9, 1e9, 2e9, 4e9};
    private static final double[] FLOPS = {6e17, 1.2e18, 2.4e18, 2.4e18, 4.8e18, 9.6e18};
    private static final double[] LOSS = {3.6, 3.4, 3.3, 3.2, 3.0, 2.9};
    private static final Runs RUNS = Runs.named(List.of("a", "a", "a", "b", "b", "b"));

    @Test
    void aDivergedCheckpointIsDrawnAtTheEdgeOfTheLossAxisNotWhereItStretchesIt() {
        double[] loss = LOSS.clone();
        loss[4] = 1e6;
        LossFrontier hull = LossFrontier.convexHull(FLOPS, loss);

        Figure figure = FrontierFigures.lossAgainstResource("loss", "FLOPs", "loss", FLOPS, loss, PARAMS, RUNS, hull,
                null, RunStyles.none());

        org.scalefit.report.plot.PlotFrame frame = org.scalefit.report.plot.PlotFrame.of(figure);
        assertThat(frame.y().high()).isLessThan(10);
        Series offScale = figure.series(LawFitFigures.OFF_SCALE);
        assertThat(offScale.x()).containsExactly(4.8e18);
        assertThat(offScale.y()[0]).isGreaterThan(3.6).isLessThanOrEqualTo(frame.y().high());
        assertThat(offScale.pointLabel(0)).contains("b").contains("10⁶");
        assertThat(FrontierFigures.offScaleLosses(loss)).containsExactly(4);
    }

    @Test
    void aDivergedFrontierRunIsLeftOutOfTheDrawnFrontierLine() {
        double[] loss = LOSS.clone();
        loss[0] = 1e6;
        LossFrontier hull = LossFrontier.convexHull(FLOPS, loss);

        Figure figure = FrontierFigures.lossAgainstResource("loss", "FLOPs", "loss", FLOPS, loss, PARAMS, RUNS, hull,
                null, RunStyles.none());

        assertThat(hull.rows()).contains(0);
        assertThat(figure.series("convex-hull frontier").y()).doesNotContain(1e6);
        assertThat(figure.series(LawFitFigures.OFF_SCALE).x()).containsExactly(6e17);
    }

    @Test
    void lossesWithoutADivergedRunAreAllOnScale() {
        assertThat(FrontierFigures.offScaleLosses(LOSS)).isEmpty();
    }

    @Test
    void lossFigureHasOneSeriesPerRunThenTheBinsThenTheHull() {
        LossFrontier hull = LossFrontier.convexHull(FLOPS, LOSS);
        LossFrontier bins = LossFrontier.binMinimizers(FLOPS, LOSS, 2);

        Figure figure = FrontierFigures.lossAgainstResource("loss", "FLOPs", "loss", FLOPS, LOSS, PARAMS, RUNS, hull,
                bins, RunStyles.none());

        assertThat(figure.series()).extracting(Series::name)
                .containsExactly("a", "b", "binning minimisers", "convex-hull frontier");
        assertThat(figure.series("b").x()).containsExactly(2.4e18, 4.8e18, 9.6e18);
        assertThat(figure.series("b").y()).containsExactly(3.2, 3.0, 2.9);
        assertThat(figure.series("convex-hull frontier").x()).containsExactly(hull.resource());
        assertThat(figure.series("convex-hull frontier").y()).containsExactly(hull.loss());
        assertThat(figure.series("binning minimisers").x()).containsExactly(bins.resource());
    }

    @Test
    void eachRunIsDrawnInItsStyleAndItsCheckpointsInResourceOrder() {
        double[] shuffledFlops = {2.4e18, 6e17, 1.2e18};
        double[] shuffledLoss = {3.3, 3.6, 3.4};
        Runs one = Runs.named(List.of("PyGemma-256x23_pretrain", "PyGemma-256x23_pretrain", "PyGemma-256x23_pretrain"));

        Figure figure = FrontierFigures.lossAgainstResource("loss", "FLOPs", "loss", shuffledFlops, shuffledLoss,
                new double[] {5e7, 5e7, 5e7}, one, LossFrontier.convexHull(shuffledFlops, shuffledLoss), null,
                RunStyles.gemstones());

        Series run = figure.series("PyGemma-256x23_pretrain");
        assertThat(run.x()).containsExactly(6e17, 1.2e18, 2.4e18);
        assertThat(run.y()).containsExactly(3.6, 3.4, 3.3);
        // model_styles.json: "PyGemma-256x23_pretrain": {"color": "#e377c2", "line_style": "--"}
        assertThat(run.style().color()).isEqualTo("#e377c2");
        assertThat(run.style().stroke()).isEqualTo(SeriesStyle.Stroke.DASHED);
    }

    @Test
    void manyRunsAreColouredByModelSizeAndOnlyTheFrontierAndBinsKeepLegendEntries() {
        int n = Palette.CATEGORICAL.size() + 1;
        double[] flops = new double[2 * n];
        double[] loss = new double[2 * n];
        double[] params = new double[2 * n];
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 2 * n; i++) {
            params[i] = 1e8 * Math.pow(10, (i / 2) / 5.0);
            flops[i] = 6 * params[i] * 2e9 * (1 + i % 2);
            loss[i] = 2 + 1e3 / Math.pow(flops[i], 0.15);
            names.add("run " + i / 2);
        }
        LossFrontier hull = LossFrontier.convexHull(flops, loss);

        Figure figure = FrontierFigures.lossAgainstResource("loss", "FLOPs", "loss", flops, loss, params,
                Runs.named(names), hull, LossFrontier.binMinimizers(flops, loss, 2), RunStyles.none());

        ColorKey key = figure.colorKey();
        assertThat(key.low()).isEqualTo(1e8);
        assertThat(key.high()).isEqualTo(1e10);
        assertThat(figure.series("run 10").style().color()).isEqualTo(key.color(1e10));
        assertThat(figure.series("run 10").pointLabel(0)).isEqualTo("run 10, N = 10¹⁰");
        assertThat(figure.series()).filteredOn(Series::inLegend).extracting(Series::name)
                .containsExactly("binning minimisers", "convex-hull frontier");
    }

    @Test
    void manyRunsOfOneCheckpointEachAreDrawnAsDotsInTheirSizesColour() {
        int n = Palette.CATEGORICAL.size() + 1;
        double[] flops = new double[n];
        double[] loss = new double[n];
        double[] params = new double[n];
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            params[i] = 1e8 * Math.pow(10, i / 5.0);
            flops[i] = 6 * params[i] * 2e9;
            loss[i] = 2 + 1e3 / Math.pow(flops[i], 0.15);
            names.add("run " + i);
        }

        Figure figure = FrontierFigures.lossAgainstResource("loss", "FLOPs", "loss", flops, loss, params,
                Runs.named(names), LossFrontier.convexHull(flops, loss), null, RunStyles.none());

        assertThat(figure.colorKey()).isNotNull();
        assertThat(figure.series("run 3").style().marker()).isEqualTo(SeriesStyle.Marker.CIRCLE);
    }

    @Test
    void aRunOfOneCheckpointInALineStyleIsDrawnAsADot() {
        Runs runs = Runs.named(List.of("PyGemma-256x23_pretrain", "b", "b"));
        double[] flops = {6e17, 1.2e18, 2.4e18};
        double[] loss = {3.6, 3.4, 3.3};

        Figure figure = FrontierFigures.lossAgainstResource("loss", "FLOPs", "loss", flops, loss,
                new double[] {5e7, 1e8, 1e8}, runs, LossFrontier.convexHull(flops, loss), null, RunStyles.gemstones());

        assertThat(figure.series("PyGemma-256x23_pretrain").style().marker()).isNotEqualTo(SeriesStyle.Marker.NONE);
        assertThat(figure.series("PyGemma-256x23_pretrain").style().color()).isEqualTo("#e377c2");
    }

    @Test
    void aFewRunsKeepALegendEntryEachAndNoColourKey() {
        Figure figure = FrontierFigures.lossAgainstResource("loss", "FLOPs", "loss", FLOPS, LOSS, PARAMS, RUNS,
                LossFrontier.convexHull(FLOPS, LOSS), null, RunStyles.none());

        assertThat(figure.colorKey()).isNull();
        assertThat(figure.series("a").inLegend()).isTrue();
    }

    @Test
    void fitFigureDrawsTheFrontierRunsTheFittedLineAndEachReference() {
        Approach1 analysis = Approach1.of(FLOPS, LOSS, PARAMS, TOKENS, 0, 1);
        // N = 2e8·(C/2.4e18)^0.5: within ×/÷ 2 of the runs' sizes over all the drawn budgets, so not clipped
        ReferenceLine kaplan = new ReferenceLine("Kaplan", SeriesStyle.line("#8c564b"),
                new PowerLawAllocation(2e8, 2.4e18, 0.5));

        Figure figure = FrontierFigures.fitAgainstResource("params", AllocationQuantity.PARAMS, "FLOPs", analysis,
                PARAMS, TOKENS, RUNS, List.of(kaplan));

        Series frontier = figure.series("frontier runs");
        assertThat(frontier.x()).containsExactly(analysis.frontier().resource());
        int[] rows = analysis.frontier().rows();
        for (int t = 0; t < rows.length; t++) {
            assertThat(frontier.y()[t]).isEqualTo(PARAMS[rows[t]]);
        }
        Series fit = figure.series().get(1);
        assertThat(fit.name()).startsWith("fit: slope ");
        for (int i = 0; i < fit.size(); i++) {
            assertThat(fit.y()[i]).isCloseTo(analysis.params().predict(fit.x()[i]), within(1e-6 * fit.y()[i]));
        }
        Series reference = figure.series("Kaplan");
        for (int i = 0; i < reference.size(); i++) {
            assertThat(reference.y()[i]).isEqualTo(kaplan.rule().at(reference.x()[i]).params());
        }
        assertThat(reference.x()[0]).isLessThan(FLOPS[0]);
        assertThat(reference.x()[reference.size() - 1]).isGreaterThan(9.6e18);
    }

    @Test
    void aReferenceFarFromTheDataIsClippedToARangeAroundTheRunsAndTheFitEndingOnItsBounds() {
        Approach1 analysis = Approach1.of(FLOPS, LOSS, PARAMS, TOKENS, 0, 1);
        // D/N = C/(6N²) = 200·(C/6e17)^−0.76: 460 to 10 over the drawn budgets, the runs' ratios 2.5 to 40
        ReferenceLine steep = new ReferenceLine("steep", SeriesStyle.line("#8c564b"),
                new PowerLawAllocation(Math.sqrt(6e17 / 6 / 200), 6e17, 0.88));

        Figure figure = FrontierFigures.fitAgainstResource("ratio", AllocationQuantity.TOKENS_PER_PARAM, "FLOPs",
                analysis, PARAMS, TOKENS, RUNS, List.of(steep));

        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (String name : List.of("frontier runs", figure.series().get(1).name())) {
            for (double y : figure.series(name).y()) {
                low = Math.min(low, y);
                high = Math.max(high, y);
            }
        }
        Series reference = figure.series("steep");
        assertThat(reference.size()).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < reference.size(); i++) {
            assertThat(reference.y()[i]).isBetween(low / FrontierFigures.REFERENCE_MARGIN * (1 - 1e-9),
                    high * FrontierFigures.REFERENCE_MARGIN * (1 + 1e-9));
            assertThat(reference.y()[i]).isEqualTo(AllocationQuantity.TOKENS_PER_PARAM
                    .of(steep.rule().at(reference.x()[i])));
        }
        assertThat(reference.y()[0]).isCloseTo(high * FrontierFigures.REFERENCE_MARGIN, within(1e-9 * high));
    }

    @Test
    void tokensPerParameterFigurePlotsTheRatioOfTheFrontierRuns() {
        Approach1 analysis = Approach1.of(FLOPS, LOSS, PARAMS, TOKENS, 0, 1);

        Figure figure = FrontierFigures.fitAgainstResource("ratio", AllocationQuantity.TOKENS_PER_PARAM, "FLOPs",
                analysis, PARAMS, TOKENS, RUNS, List.of());

        int[] rows = analysis.frontier().rows();
        double[] ratio = figure.series("frontier runs").y();
        for (int t = 0; t < rows.length; t++) {
            assertThat(ratio[t]).isEqualTo(TOKENS[rows[t]] / PARAMS[rows[t]]);
        }
    }
}
