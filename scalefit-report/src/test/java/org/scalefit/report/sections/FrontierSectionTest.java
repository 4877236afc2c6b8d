package org.scalefit.report.sections;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalefit.frontier.LogLogFit;

class FrontierSectionTest {

    private static final double[] TOKENS = {5e8, 2e9, 8e9, 3e10};

    @Test
    void theLossFiguresCaptionNamesTheRunsDrawnAtTheEdge() {
        double[] loss = {3.6, 3.4, 1e6, 3.2, 3.0, 2.9};
        org.scalefit.report.charts.Runs runs = org.scalefit.report.charts.Runs.named(
                java.util.List.of("a", "a", "a", "b", "b", "b"));

        String caption = FrontierSection.offScaleCaption(loss, runs);

        assertThat(caption).contains("red triangles").contains("10⁶");
        assertThat(FrontierSection.offScaleCaption(new double[] {3.6, 3.4, 3.3, 3.2, 3.0, 2.9}, runs)).isEmpty();
    }

    @Test
    void aFrontierWithoutDominatedRunsIsNamedTheStrictParetoFrontierOfTheHullRuns() {
        assertThat(FrontierSection.frontierDetail(120, "training FLOPs", true))
                .startsWith("of 120 rows: the strict Pareto frontier of the runs on the lower convex hull");
        assertThat(FrontierSection.frontierDetail(120, "training FLOPs", false))
                .isEqualTo("of 120 rows, on the lower convex hull of (log training FLOPs, log loss)");
    }

    @Test
    void parametersCountedInMillionsRaiseAUnitCaution() {
        double[] millions = {20, 150, 400, 2000};

        assertThat(FrontierSection.unitCautions(millions, TOKENS)).isNotEmpty()
                .anySatisfy(caution -> assertThat(caution).contains("params"));
    }

    @Test
    void parametersCountedAsCountsRaiseNone() {
        double[] counts = {2e7, 1.5e8, 4e8, 2e9};

        assertThat(FrontierSection.unitCautions(counts, TOKENS)).isEmpty();
    }

    @Test
    void aSlopeWhoseIntervalContainsZeroIsCautioned() {
        LogLogFit flat = new LogLogFit(0.055, 1.0, 0.067, 6, new double[] {-0.12, 0.76}, new double[] {0, 2}, 100);

        assertThat(FrontierSection.signCaution(flat, "tokens per parameter D/N", "training FLOPs"))
                .contains("Caution").contains("contains 0").contains("tokens per parameter D/N");
    }

    @Test
    void aSlopeWhoseIntervalExcludesZeroIsNot() {
        LogLogFit rising = new LogLogFit(0.47, 1.0, 0.95, 6, new double[] {0.27, 0.59}, new double[] {0, 2}, 100);

        assertThat(FrontierSection.signCaution(rising, "parameters N", "training FLOPs")).isEmpty();
    }

    @Test
    void runsInAFewBudgetsOfSeveralRunsAreNamedAnIsoflopDesign() {
        double[] flops = {1e18, 1.02e18, 0.99e18, 1e19, 1.01e19, 0.98e19, 1e19, 1e20, 1e20, 1.03e20};

        assertThat(FrontierSection.isoflopDesign(flops)).contains("IsoFLOP design").contains("3 FLOP budgets")
                .contains("3 to 4 runs each");
    }

    @Test
    void aLadderOfDistinctBudgetsIsNot() {
        double[] flops = {1e17, 4e17, 1.6e18, 6.4e18, 2.6e19, 1e20};

        assertThat(FrontierSection.isoflopDesign(flops)).isEmpty();
    }
}
