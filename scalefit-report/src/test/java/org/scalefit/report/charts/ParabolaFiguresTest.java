package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.scalefit.io.IndustryModels;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Series;
import org.scalefit.shapes.OvertrainedShape;
import org.scalefit.shapes.OvertrainingParabola;
import org.scalefit.shapes.ShapePoint;
import org.scalefit.uncertainty.AllocationBands.Spread;
import org.scalefit.uncertainty.ParabolaBands;

class ParabolaFiguresTest {

    private static final double BUDGET = 1e21;

    /** A shape of the parabola at factor f with predicted loss {@code loss} (its geometry made up but consistent). */
    private static OvertrainedShape shape(double factor, double loss, double second, boolean edge) {
        double tokens = 2e10 * Math.sqrt(factor);
        double params = BUDGET / (6 * tokens);
        return new OvertrainedShape(factor, BUDGET, new ShapePoint(1024 / factor, 24, tokens, params, BUDGET, loss),
                loss + 0.05, Double.isNaN(second) ? OptionalDouble.empty() : OptionalDouble.of(second),
                OptionalDouble.empty(), edge);
    }

    private static OvertrainingParabola parabola() {
        ShapePoint optimum = new ShapePoint(1024, 24, 2e10, BUDGET / 1.2e11, BUDGET, 2.90);
        return new OvertrainingParabola(5, optimum, List.of(shape(0.5, 2.93, 2.95, false),
                shape(1, 2.90, 2.91, false), shape(2, 2.94, 2.97, false), shape(16, 3.30, Double.NaN, true)),
                List.of(32.0));
    }

    private static IndustryModels.Model model(String name, double loss) {
        return new IndustryModels.Model(name, loss, 7_000_000_000L, 6_000_000_000L, 4096, 32, 32000);
    }

    @Test
    void theParabolaIsThePredictedLossOfTheInteriorShapesAgainstLog2OfTheFactor() {
        Figure figure = ParabolaFigures.lossAgainstFactor("p", parabola(), "wd law", "params law", List.of());

        Series law = figure.series("wd law");
        assertThat(law.x()).containsExactly(-1, 0, 1);
        assertThat(law.y()).containsExactly(2.93, 2.90, 2.94);
        assertThat(figure.series("params law").y()).containsExactly(2.95, 2.91, 2.97);
        Series edge = figure.series("at the edge of the box (dropped by Gemstones)");
        assertThat(edge.x()).containsExactly(4);
        assertThat(edge.y()).containsExactly(3.30);
        assertThat(figure.title()).contains("10²¹");
        assertThat(figure.x().scale()).isEqualTo(org.scalefit.report.plot.Scale.LINEAR);
    }

    @Test
    void industryModelsNearTheParabolaAreHorizontalLinesAcrossEveryFactor() {
        IndustryModels models = new IndustryModels("test", "0", List.of(model("org/Near-1B", 2.91),
                model("org/Far-70B", 1.8), model("org/Edge-3B", 2.945)));

        List<IndustryModels.Model> near = models.near(parabola(), 0.01);
        Figure figure = ParabolaFigures.lossAgainstFactor("p", parabola(), "wd law", "params law", near);

        assertThat(near).extracting(IndustryModels.Model::shortName).containsExactly("Near-1B", "Edge-3B");
        Series line = figure.series("Near-1B (2.91)");
        assertThat(line.x()).containsExactly(-1, 4);
        assertThat(line.y()).containsExactly(2.91, 2.91);
        assertThat(line.style().stroke()).isEqualTo(org.scalefit.report.plot.SeriesStyle.Stroke.DASHED);
        assertThat(figure.series()).extracting(Series::name).noneMatch(name -> name.startsWith("Far-70B"));
    }

    @Test
    void theQuantityAgainstComputeHasOneLinePerFactorAcrossTheBudgetsWithoutEdgeShapes() {
        ShapePoint optimum = new ShapePoint(2048, 32, 2e11, 1e9, 1e23, 2.5);
        OvertrainedShape big = new OvertrainedShape(2, 1e23, new ShapePoint(1500, 30, 2.8e11, 6e8, 1e23, 2.52), 2.6,
                OptionalDouble.empty(), OptionalDouble.empty(), false);
        OvertrainingParabola larger = new OvertrainingParabola(9, optimum, List.of(big), List.of());

        Figure figure = ParabolaFigures.againstCompute("n", ShapeQuantity.PARAMS, List.of(larger, parabola()));

        assertThat(figure.series()).extracting(Series::name).containsExactly("f = 1/2", "f = 1", "f = 2");
        Series two = figure.series("f = 2");
        assertThat(two.x()).containsExactly(BUDGET, 1e23);
        assertThat(two.y()).containsExactly(parabola().shapes().get(2).shape().params(), 6e8);
        assertThat(figure.series("f = 1").style().color()).isEqualTo("#000000");
    }

    @Test
    void thePenaltyOfEachBudgetIsItsOwnFigureOfItsMedianInPercentAgainstLog2OfTheFactorShadedByItsBand() {
        Spread shape = new Spread(1, 2, 3);
        ParabolaBands bands = new ParabolaBands(90, List.of(new ParabolaBands.BucketBands(5, List.of(
                new ParabolaBands.FactorBand(0.5, new Spread(0.01, 0.02, 0.04), shape, shape, shape, 20, 0),
                new ParabolaBands.FactorBand(1, new Spread(0, 0, 0), shape, shape, shape, 20, 0),
                new ParabolaBands.FactorBand(4, new Spread(0.03, 0.05, 0.08), shape, shape, shape, 20, 1),
                new ParabolaBands.FactorBand(16, null, null, null, null, 1, 0))),
                new ParabolaBands.BucketBands(9, List.of(
                new ParabolaBands.FactorBand(0.5, new Spread(0.0001, 0.0002, 0.0004), shape, shape, shape, 20, 0),
                new ParabolaBands.FactorBand(1, new Spread(0, 0, 0), shape, shape, shape, 20, 0)))), 20, new int[0]);

        List<Figure> figures = ParabolaFigures.penaltyAgainstFactor("penalty", bands, List.of(parabola()));

        assertThat(figures).extracting(Figure::id).containsExactly("penalty-5", "penalty-9");
        Figure figure = figures.get(0);
        assertThat(figure.title()).isEqualTo("Loss penalty of overtraining at C = 10²¹ FLOPs (90 % bootstrap band)");
        assertThat(figures.get(1).title()).isEqualTo("Loss penalty of overtraining in bucket 9 (90 % bootstrap band)");
        assertThat(figure.y().label()).contains("L(f)/L(1) − 1", "%");
        assertThat(figure.series()).hasSize(1);
        Series budget = figure.series().get(0);
        assertThat(budget.name()).isEqualTo("C = 10²¹ FLOPs");
        assertThat(budget.inLegend()).as("the title names the budget").isFalse();
        assertThat(budget.x()).containsExactly(-1, 0, 2);
        assertThat(budget.y()).containsExactly(2, 0, 5);
        assertThat(budget.band().lower()).containsExactly(1, 0, 3);
        assertThat(budget.band().upper()).containsExactly(4, 0, 8);
        assertThat(figures.get(1).series().get(0).y()[0]).isCloseTo(0.02, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void factorsReadAsGemstonesTicks() {
        assertThat(ParabolaFigures.factorLabel(1.0 / 16)).isEqualTo("1/16");
        assertThat(ParabolaFigures.factorLabel(1)).isEqualTo("1");
        assertThat(ParabolaFigures.factorLabel(8)).isEqualTo("8");
    }
}
