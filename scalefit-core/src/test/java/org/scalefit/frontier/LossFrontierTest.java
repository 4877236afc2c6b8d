package org.scalefit.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LossFrontierTest {

    @Test
    void hullKeepsTheLowerLeftEnvelopeInResourceOrder() {
        double[] resource = {1, 2, 4, 8, 2, 4, 8};
        double[] loss = {4.0, 3.0, 2.5, 2.2, 3.8, 3.0, 2.6};
        LossFrontier frontier = LossFrontier.convexHull(resource, loss);
        assertThat(frontier.rows()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void hullDropsVerticesWhoseLossIsNotLowerThanThePreviousVertex() {
        // run 3 is far above everything: it is a hull vertex (upper side) but its loss rises, so it is dropped;
        // run 4 is compared with run 3 (the previous vertex), as pandas diff() does.
        double[] resource = {1, 2, 4, 3, 8};
        double[] loss = {4.0, 3.0, 2.5, 100, 2.4};
        LossFrontier frontier = LossFrontier.convexHull(resource, loss);
        assertThat(frontier.rows()).doesNotContain(3).contains(0, 1);
    }

    @Test
    void aRunOnTheHullsRightSideAfterADivergedRunIsKeptAndNamedAsDominated() {
        // run 2 diverged (loss 100): an upper-side vertex between the lowest run 1 and the right-side vertex 3,
        // which Gemstones' rule compares with run 2 only and keeps, although run 1 spends less for a lower loss.
        double[] resource = {1, 4, 5, 6};
        double[] loss = {5, 1, 100, 1.2};
        LossFrontier frontier = LossFrontier.convexHull(resource, loss);

        assertThat(frontier.rows()).containsExactly(0, 1, 3);
        assertThat(frontier.dominated()).containsExactly(new LossFrontier.Dominated(3, 1));
    }

    @Test
    void withoutDominatedLeavesOutTheRunsAnEarlierFrontierRunDominates() {
        double[] resource = {1, 4, 5, 6};
        double[] loss = {5, 1, 100, 1.2};
        LossFrontier strict = LossFrontier.convexHull(resource, loss).withoutDominated();

        assertThat(strict.rows()).containsExactly(0, 1);
        assertThat(strict.resource()).containsExactly(1, 4);
        assertThat(strict.loss()).containsExactly(5, 1);
        assertThat(strict.dominated()).isEmpty();
    }

    @Test
    void withoutDominatedKeepsAStrictlyDecreasingFrontierAsItIs() {
        double[] resource = {1, 2, 4, 8, 2, 4, 8};
        double[] loss = {4.0, 3.0, 2.5, 2.2, 3.8, 3.0, 2.6};
        LossFrontier hull = LossFrontier.convexHull(resource, loss);

        assertThat(hull.withoutDominated()).isEqualTo(hull);
    }

    @Test
    void aStrictlyDecreasingFrontierHasNoDominatedRun() {
        double[] resource = {1, 2, 4, 8, 2, 4, 8};
        double[] loss = {4.0, 3.0, 2.5, 2.2, 3.8, 3.0, 2.6};
        assertThat(LossFrontier.convexHull(resource, loss).dominated()).isEmpty();
    }

    @Test
    void ofRunsThatSpendTheSameResourceOnlyTheLowestLossIsOnTheFrontierWhateverTheRowOrder() {
        double[] resource = {1, 1, 2, 4, 8};
        double[] worseFirst = {4.5, 4.0, 3.0, 2.5, 2.2};
        double[] betterFirst = {4.0, 4.5, 3.0, 2.5, 2.2};

        assertThat(LossFrontier.convexHull(resource, worseFirst).rows()).containsExactly(1, 2, 3, 4);
        assertThat(LossFrontier.convexHull(resource, betterFirst).rows()).containsExactly(0, 2, 3, 4);
    }

    @Test
    void runsWithoutResourceAreLeftOut() {
        LossFrontier frontier = LossFrontier.convexHull(new double[] {0, 1, 2}, new double[] {1, 3, 2});
        assertThat(frontier.rows()).containsExactly(1, 2);
    }

    @Test
    void noPositiveResourceIsAClearError() {
        assertThatThrownBy(() -> LossFrontier.convexHull(new double[] {0, 0}, new double[] {1, 2}))
                .hasMessageContaining("positive resource");
        assertThatThrownBy(() -> LossFrontier.convexHull(new double[] {1, 2}, new double[] {1, Double.NaN}))
                .hasMessageContaining("loss of run 1");
    }

    @Test
    void binningKeepsTheLowestLossRunOfEachBin() {
        double[] resource = {1, 1.5, 10, 12, 100};
        double[] loss = {3, 2.9, 2.5, 2.6, 2.0};
        LossFrontier frontier = LossFrontier.binMinimizers(resource, loss, 2);
        assertThat(frontier.rows()).containsExactly(2, 4);
        assertThat(LossFrontier.binMinimizers(resource, loss, 4).rows()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void logLogFitRecoversAnExactPowerLaw() {
        double[] x = {1e18, 1e19, 1e20, 1e21};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3.0 * Math.pow(x[i], 0.49);
        }
        LogLogFit fit = LogLogFit.of(x, y);
        assertThat(fit.slope()).isCloseTo(0.49, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(Math.log(3), within(1e-9));
        assertThat(fit.rSquared()).isCloseTo(1, within(1e-12));
    }

    @Test
    void bootstrapIntervalsAreReproducibleBySeedAndContainTheEstimate() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {1.1, 2.3, 2.9, 4.2, 5.1, 5.8, 7.4, 7.9};
        LogLogFit a = LogLogFit.withBootstrap(x, y, 500, 0.95, 42);
        LogLogFit b = LogLogFit.withBootstrap(x, y, 500, 0.95, 42);
        assertThat(a).isEqualTo(b);
        assertThat(a.slopeInterval()[0]).isLessThan(a.slope());
        assertThat(a.slopeInterval()[1]).isGreaterThan(a.slope());
    }

    @Test
    void aLineThroughTwoPointsHasNoBootstrapIntervalAndSaysItIsExact() {
        double[] x = {2.4e17, 2.4e21};
        double[] y = {2e7, 2e9};

        LogLogFit fit = LogLogFit.withBootstrap(x, y, 1000, 0.95, 42);

        assertThat(fit.slope()).isCloseTo(0.5, within(1e-12));
        assertThat(fit.resamples()).isZero();
        assertThat(fit.slopeInterval()).isEmpty();
        assertThat(fit.warnings()).singleElement().asString().contains("2 points");
    }

    @Test
    void aLineThroughThreeOrMorePointsHasNoWarning() {
        assertThat(LogLogFit.of(new double[] {1, 2, 4}, new double[] {1, 2.1, 3.9}).warnings()).isEmpty();
    }

    @Test
    void aBootstrapOfFourPointsSaysItsIntervalRestsOnFewResamples() {
        LogLogFit fit = LogLogFit.withBootstrap(new double[] {1, 2, 4, 8}, new double[] {1, 2.1, 3.9, 8.3}, 1000,
                0.95, 42);
        assertThat(fit.warnings()).containsExactly("a bootstrap of 4 points has only 35 distinct resamples: the "
                + "interval's ends rest on one or two of them");
    }

    @Test
    void aBootstrapOfFivePointsHasEnoughDistinctResamples() {
        assertThat(LogLogFit.withBootstrap(new double[] {1, 2, 4, 8, 16}, new double[] {1, 2.1, 3.9, 8.3, 15.8}, 1000,
                0.95, 42).warnings()).isEmpty();
    }

    @Test
    void aConstantYSaysItsRSquaredIsUndefined() {
        LogLogFit fit = LogLogFit.of(new double[] {1, 2, 4, 8, 16}, new double[] {20, 20, 20, 20, 20});
        assertThat(fit.slope()).isZero();
        assertThat(fit.warnings()).containsExactly("y is the same at all 5 points: the slope is 0 and R² is undefined");
    }

    @Test
    void aSingleFrontierRunCannotBeFitted() {
        assertThatThrownBy(() -> Approach1.of(new double[] {1}, new double[] {2}, new double[] {10}, new double[] {20},
                0, 1)).hasMessageContaining("needs at least 2 runs");
        assertThatThrownBy(() -> LogLogFit.of(new double[] {2, 2}, new double[] {1, 3}))
                .hasMessageContaining("same x");
    }

    @Test
    void approach1FitsThroughTheFrontierItIsGiven() {
        double[] resource = {1, 4, 5, 6};
        double[] loss = {5, 1, 100, 1.2};
        double[] params = {10, 20, 25, 1000};
        double[] tokens = {100, 400, 500, 600};
        LossFrontier strict = LossFrontier.convexHull(resource, loss).withoutDominated();

        Approach1 analysis = Approach1.of(strict, params, tokens, 0, 1);

        assertThat(analysis.frontier()).isEqualTo(strict);
        assertThat(analysis.params().slope()).isCloseTo(0.5, within(1e-12));   // ln 2 / ln 4: run 3 left out
    }

    @Test
    void overspendingComparesWithTheFrontierRunOfNearestLoss() {
        double[] resource = {1, 2, 4, 3};
        double[] loss = {3.0, 2.3, 2.0, 2.3};
        LossFrontier frontier = LossFrontier.convexHull(resource, loss);
        Overspending overspending = Overspending.against(frontier, resource, loss);
        assertThat(overspending.frontierRow()[3]).isEqualTo(1);
        assertThat(overspending.percent()[3]).isCloseTo(50, within(1e-12));
        assertThat(overspending.percent()[1]).isZero();
    }
}
