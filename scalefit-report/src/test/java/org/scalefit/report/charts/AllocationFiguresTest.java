package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.law.LawForm;
import org.scalefit.report.plot.Band;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.SeriesStyle;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.BootstrapResult;

class AllocationFiguresTest {

    // Chinchilla's rounded law (Hoffmann et al. 2022 eq. 10) as θ = [α, β, ln A, ln B, ln E].
    private static final double[] THETA = {0.34, 0.28, Math.log(406.4), Math.log(410.7), Math.log(1.69)};
    private static final ComputeOptimalAllocation RULE = ComputeOptimalAllocation.ofChinchillaParameters(THETA);

    @Test
    void eachRuleIsEvaluatedAtEveryBudget() {
        double[] compute = AllocationFigures.budgets(1e18, 1e26, 9);
        ReferenceLine chinchilla = new ReferenceLine("Chinchilla", SeriesStyle.dotted("#e377c2"), RULE);

        Figure figure = AllocationFigures.quantityAgainstCompute("n", AllocationQuantity.PARAMS, List.of(chinchilla),
                compute, Map.of());

        assertThat(figure.series("Chinchilla").x()).containsExactly(compute);
        for (int i = 0; i < compute.length; i++) {
            assertThat(figure.series("Chinchilla").y()[i]).isEqualTo(RULE.at(compute[i]).params());
        }
        assertThat(compute[0]).isEqualTo(1e18);
        assertThat(compute[8]).isEqualTo(1e26);
        assertThat(compute[4]).isCloseTo(1e22, within(1e22 * 1e-12));
        assertThat(figure.series("Chinchilla").hasBand()).isFalse();
    }

    @Test
    void identicalReplicatesGiveABandOfZeroWidthOnTheLine() {
        double[][] replicates = {THETA, THETA, THETA};
        BootstrapResult bootstrap = new BootstrapResult(LawForm.CHINCHILLA, replicates, 3, new int[] {0});
        double[] compute = {1e20, 1e22};

        Band band = AllocationFigures.band(AllocationBands.of(THETA, bootstrap, compute, 95),
                AllocationQuantity.TOKENS);

        assertThat(band.lower()[1]).isCloseTo(RULE.at(1e22).tokens(), within(1e-6 * RULE.at(1e22).tokens()));
        assertThat(band.upper()[1]).isCloseTo(band.lower()[1], within(1e-6 * band.lower()[1]));
    }

    @Test
    void theBandSpansTheReplicatesPercentilesOfTheQuantity() {
        double[] steeper = THETA.clone();
        steeper[0] = 0.38;
        double[][] replicates = {THETA, steeper};
        BootstrapResult bootstrap = new BootstrapResult(LawForm.CHINCHILLA, replicates, 2, new int[] {0});
        AllocationBands bands = AllocationBands.of(THETA, bootstrap, new double[] {1e23}, 50);

        Band band = AllocationFigures.band(bands, AllocationQuantity.TOKENS_PER_PARAM);

        double a = RULE.at(1e23).tokensPerParam();
        double b = ComputeOptimalAllocation.ofChinchillaParameters(steeper).at(1e23).tokensPerParam();
        double low = Math.min(a, b);
        double high = Math.max(a, b);
        // numpy percentiles 25 and 75 of two values: low + 0.25·(high − low), low + 0.75·(high − low)
        assertThat(band.lower()[0]).isCloseTo(low + 0.25 * (high - low), within(1e-9 * high));
        assertThat(band.upper()[0]).isCloseTo(low + 0.75 * (high - low), within(1e-9 * high));
        assertThat(AllocationFigures.budgets(bands)).containsExactly(1e23);
    }

    @Test
    void aRuleWithABandIsDrawnWithIt() {
        Band band = new Band(new double[] {1, 2}, new double[] {3, 4});
        ReferenceLine fit = new ReferenceLine("fit", SeriesStyle.line("#1f77b4"), RULE);

        Figure figure = AllocationFigures.quantityAgainstCompute("d", AllocationQuantity.TOKENS, List.of(fit),
                new double[] {1e20, 1e21}, Map.of("fit", band));

        assertThat(figure.series("fit").band()).isEqualTo(band);
    }
    /** A rule as Kaplan et al.'s, N ∝ C^0.73: D/N near 100 at 10¹⁸ FLOPs, 3.7 decades lower at 10²⁶. */
    private static final ReferenceLine KAPLAN = new ReferenceLine("Kaplan", SeriesStyle.line("#8c564b"),
            c -> new org.scalefit.law.Allocation(c, 3e-6 * Math.pow(c, 0.73), c / (6 * 3e-6 * Math.pow(c, 0.73)),
                    Double.NaN));

    @Test
    void aLineFarFromTheFirstRuleIsClippedToItsRangeSoThatItDoesNotSetTheAxis() {
        double[] compute = AllocationFigures.budgets(1e18, 1e26, 33);
        ReferenceLine fit = new ReferenceLine("fit", SeriesStyle.line("#1f77b4"), RULE);

        Figure figure = AllocationFigures.quantityAgainstCompute("r", AllocationQuantity.TOKENS_PER_PARAM,
                List.of(fit, KAPLAN), compute, Map.of());

        double[] own = figure.series("fit").y();
        double lowest = java.util.Arrays.stream(own).min().orElseThrow() / AllocationFigures.REFERENCE_MARGIN;
        double highest = java.util.Arrays.stream(own).max().orElseThrow() * AllocationFigures.REFERENCE_MARGIN;
        assertThat(figure.series("fit").x()).containsExactly(compute);
        double[] kaplan = figure.series("Kaplan").y();
        assertThat(java.util.Arrays.stream(kaplan).min().orElseThrow()).isGreaterThan(lowest * (1 - 1e-9));
        assertThat(java.util.Arrays.stream(kaplan).max().orElseThrow()).isLessThan(highest * (1 + 1e-9));
        assertThat(figure.series("Kaplan").x()[0]).isEqualTo(1e18);
        assertThat(figure.series("Kaplan").x()[figure.series("Kaplan").size() - 1]).isLessThan(1e22);
    }

    @Test
    void theFirstRulesBandSetsTheRangeWithItsLine() {
        double[] compute = {1e20, 1e21};
        double[] line = java.util.Arrays.stream(compute).map(c -> RULE.at(c).tokensPerParam()).toArray();
        Band wide = new Band(new double[] {line[0] / 100, line[1] / 100}, new double[] {line[0], line[1]});
        ReferenceLine fit = new ReferenceLine("fit", SeriesStyle.line("#1f77b4"), RULE);
        ReferenceLine lower = new ReferenceLine("lower", SeriesStyle.line("#8c564b"),
                c -> new org.scalefit.law.Allocation(c, 1, RULE.at(c).tokensPerParam() / 50, Double.NaN));

        Figure figure = AllocationFigures.quantityAgainstCompute("b", AllocationQuantity.TOKENS_PER_PARAM,
                List.of(fit, lower), compute, Map.of("fit", wide));

        assertThat(figure.series("lower").x()).containsExactly(compute);
    }

    @Test
    void theOffScaleNoteNamesTheClippedLineAndWhereItLeaves() {
        double[] compute = AllocationFigures.budgets(1e18, 1e26, 33);
        ReferenceLine fit = new ReferenceLine("fit", SeriesStyle.line("#1f77b4"), RULE);

        String note = AllocationFigures.offScale(AllocationQuantity.TOKENS_PER_PARAM, List.of(fit, KAPLAN), compute,
                Map.of());

        assertThat(note).contains("Kaplan above C = ").contains("around fit").doesNotContain("fit above");
        assertThat(AllocationFigures.offScale(AllocationQuantity.TOKENS_PER_PARAM, List.of(fit), compute, Map.of()))
                .isEmpty();
    }
}
