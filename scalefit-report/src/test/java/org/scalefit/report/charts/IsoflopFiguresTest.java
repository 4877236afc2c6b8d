package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.isoflop.BudgetOptimum;
import org.scalefit.isoflop.ComputeOptimalLaws;
import org.scalefit.isoflop.ComputeSavings;
import org.scalefit.isoflop.FitVariant;
import org.scalefit.isoflop.IsoflopAnalysis;
import org.scalefit.isoflop.IsoflopBudget;
import org.scalefit.isoflop.IsoflopBands;
import org.scalefit.isoflop.IsoflopFits;
import org.scalefit.isoflop.IsoflopSettings;
import org.scalefit.isoflop.SeedNoise;
import org.scalefit.law.PowerLawAllocation;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Series;
import org.scalefit.report.plot.SeriesStyle;
import org.scalefit.uncertainty.ResamplingStream;

class IsoflopFiguresTest {

    private static final double[] BUDGETS = {1e17, 4e17, 1.6e18, 6.4e18};

    /** IsoFLOP points with their minimum at N*(C) = 0.1·C^0.5: L = 2 + 0.1·(ln N − ln N*)². */
    private static IsoflopFigures.Analysed synthetic() {
        List<IsoflopBudget> budgets = new ArrayList<>();
        for (double c : BUDGETS) {
            double best = 0.1 * Math.sqrt(c);
            double[] sizes = new double[9];
            double[] losses = new double[9];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = best * Math.exp(0.4 * (i - 4) + 0.05);
                double off = Math.log(sizes[i] / best);
                losses[i] = 2 + 0.1 * off * off;
            }
            budgets.add(new IsoflopBudget(c, sizes, losses));
        }
        LocalParallelism one = LocalParallelism.withThreads(1);
        List<BudgetOptimum> optima = IsoflopAnalysis.optima(budgets,
                IsoflopSettings.porian(SeedNoise.constant(0.002)).withReplicates(200),
                ResamplingStream.SPLITTABLE.normals(7), one);
        IsoflopFits fits = IsoflopFits.of(optima, false, one);
        return new IsoflopFigures.Analysed("synthetic", "#1f77b4", optima, fits,
                IsoflopBands.of(optima, fits, 1e17, 6.4e18));
    }

    @Test
    void theOptimalPairsAreDrawnWithTheWeightedMedianLawAndItsBand() {
        IsoflopFigures.Analysed analysed = synthetic();

        Figure figure = IsoflopFigures.optimalAgainstCompute("n", "N*", ComputeOptimalLaws.Quantity.N,
                List.of(analysed), List.of(), 1e17, 6.4e18);

        Series pairs = figure.series("synthetic: optimal pairs");
        assertThat(pairs.x()).containsExactly(BUDGETS);
        for (int i = 0; i < BUDGETS.length; i++) {
            assertThat(pairs.y()[i]).isEqualTo(analysed.optima().get(i).pair().n());
        }
        Series law = figure.series().get(1);
        assertThat(law.name()).startsWith("synthetic: a = 0.5");
        assertThat(law.x()[0]).isEqualTo(1e17);
        assertThat(law.x()[19]).isCloseTo(6.4e18, within(6.4e18 * 1e-12));
        double[] y = law.y();
        for (int i = 0; i < y.length; i++) {
            assertThat(y[i]).isEqualTo(analysed.fits().point(FitVariant.BS_MEDIAN_WEIGHTED).n().at(law.x()[i]));
            assertThat(law.band().lower()[i]).isLessThanOrEqualTo(y[i] * (1 + 1e-9));
            assertThat(law.band().upper()[i]).isGreaterThanOrEqualTo(y[i] * (1 - 1e-9));
        }
    }

    @Test
    void referenceRulesAreDrawnAsTheQuantityTheyImply() {
        ReferenceLine twenty = new ReferenceLine("ρ = 20", SeriesStyle.dashed("#333333"),
                new PowerLawAllocation(1, 120, 0.5));

        Figure figure = IsoflopFigures.optimalAgainstCompute("rho", "ρ*", ComputeOptimalLaws.Quantity.MULTIPLIER,
                List.of(synthetic()), List.of(twenty), 1e17, 6.4e18);

        for (double rho : figure.series("ρ = 20").y()) {
            assertThat(rho).isCloseTo(20, within(1e-9));
        }
    }

    @Test
    void isoflopCurvesShowEachBudgetsPointsInterpolantAndOptimum() {
        IsoflopFigures.Analysed analysed = synthetic();

        Figure figure = IsoflopFigures.curves("curves", "IsoFLOP", analysed.optima(), 0);

        assertThat(figure.series()).hasSize(2 * BUDGETS.length + 1);
        BudgetOptimum first = analysed.optima().get(0);
        assertThat(figure.series("C = 10¹⁷").y()).containsExactly(first.budget().losses());
        assertThat(figure.series("C = 10¹⁷: Akima interpolant").y()).containsExactly(first.sizes().curve());
        Series optima = figure.series("optima (bootstrap-median N*)");
        assertThat(optima.x()[0]).isEqualTo(first.pair().n());
        assertThat(optima.y()[0]).isEqualTo(first.sizes().minimumLoss());
    }

    @Test
    void isoflopCurvesLeaveOutModelsWithFewerTokensPerParameterThanAsked() {
        IsoflopFigures.Analysed analysed = synthetic();
        BudgetOptimum first = analysed.optima().get(0);
        double[] sizes = first.budget().sizes();
        // keep the sizes at or below the fourth: ρ = C/(6N²) ≥ that of the fourth size
        double limit = 1e17 / (6 * sizes[3] * sizes[3]);

        Figure figure = IsoflopFigures.curves("curves", "IsoFLOP", analysed.optima(), limit);

        assertThat(figure.series("C = 10¹⁷").x()).containsExactly(sizes[0], sizes[1], sizes[2], sizes[3]);
        for (double n : figure.series("C = 10¹⁷: Akima interpolant").x()) {
            assertThat(1e17 / (6 * n * n)).isGreaterThanOrEqualTo(limit);
        }
    }

    @Test
    void theExponentAgainstCostHasOneSeriesPerVariantWithItsInterval() {
        ComputeSavings.Estimate a = new ComputeSavings.Estimate(0.48, 0.45, 0.52);
        ComputeSavings.LawEstimate n = new ComputeSavings.LawEstimate(a, a, List.of());
        Map<String, List<ComputeSavings.Row>> variants = new LinkedHashMap<>();
        variants.put("default", List.of(
                new ComputeSavings.Row(3, 6e15, 5e16, 1e17, 3, Map.of(ComputeOptimalLaws.Quantity.N, n), 0.1),
                new ComputeSavings.Row(4, 6e15, 1e17, 3e17, 4, Map.of(ComputeOptimalLaws.Quantity.N, n), 0.05)));

        Figure figure = IsoflopFigures.exponentAgainstCost("savings", "a vs cost", variants, 0.5);

        Series series = figure.series("default");
        assertThat(series.x()).containsExactly(1e17, 3e17);
        assertThat(series.y()).containsExactly(0.48, 0.48);
        assertThat(series.band().lower()).containsExactly(0.45, 0.45);
        assertThat(figure.series("a = 0.5").y()).containsExactly(0.5, 0.5);
    }
}
