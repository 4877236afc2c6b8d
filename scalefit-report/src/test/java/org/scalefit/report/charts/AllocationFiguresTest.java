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
}
