package org.scalefit.isoflop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedNoiseTest {

    private static final SeedNoise RW = SeedNoise.refinedWeb(SeedNoise.Rule.AS_IMPLEMENTED);
    private static final double[] SIZES = {1e7, 2e7, 5e7, 1e8, 2e8, 5e8};

    /** An IsoFLOP profile in nats with its minimum at 1e8 and a step of 0.02 to the nearer neighbour. */
    private static final double[] NATS = {3.40, 3.25, 3.12, 3.08, 3.10, 3.18};

    private static List<IsoflopBudget> budgets(double scale) {
        double[] losses = Arrays.stream(NATS).map(l -> l * scale).toArray();
        return List.of(new IsoflopBudget(1e18, SIZES, losses), new IsoflopBudget(1e19, SIZES, losses),
                new IsoflopBudget(1e20, SIZES, losses));
    }

    @Test
    void porianNoiseOnLossesInNatsIsNotFlagged() {
        // σ = 0.002 against a step of 0.02: ratio 0.1, inside Porian et al.'s own 0.11–1.46
        assertThat(RW.scaleWarning(budgets(1))).isEmpty();
    }

    @Test
    void lossesOnAThousandfoldScaleMakeTheNoiseNegligible() {
        // ln L ≥ 7 there, so σ = σ_hi = 0.05 against a step of 20: ratio 0.0025
        assertThat(RW.scaleWarning(budgets(1000))).hasValueSatisfying(warning -> assertThat(warning)
                .contains("0.00250 of the loss step").contains("--noise"));
    }

    @Test
    void lossesOnAThousandthScaleAreSwampedByTheNoise() {
        // σ = 0.002 against a step of 2e-5: ratio 100
        assertThat(RW.scaleWarning(budgets(1e-3))).hasValueSatisfying(warning -> assertThat(warning)
                .contains("100 times the loss step").contains("swamps"));
    }

    @Test
    void perplexitiesInsteadOfLossesAreNamedAsBeyondAnyLossPerToken() {
        List<IsoflopBudget> perplexities = List.of(new IsoflopBudget(1e18, SIZES,
                Arrays.stream(NATS).map(Math::exp).toArray()));

        assertThat(SeedNoise.lossRangeWarning(perplexities)).hasValueSatisfying(warning -> assertThat(warning)
                .contains("6 of 6 losses").contains("30.0").contains("perplexities"));
    }

    @Test
    void lossesInNatsPerTokenAreWithinRange() {
        assertThat(SeedNoise.lossRangeWarning(budgets(1))).isEmpty();
    }

    @Test
    void theStepIsTakenInOrderOfSizeWhateverTheRowOrder() {
        double[] sizes = {5e8, 1e7, 1e8, 2e7, 2e8, 5e7};
        double[] losses = {3.18e-3, 3.40e-3, 3.08e-3, 3.25e-3, 3.10e-3, 3.12e-3};
        assertThat(RW.scaleWarning(List.of(new IsoflopBudget(1e18, sizes, losses))))
                .isEqualTo(RW.scaleWarning(List.of(budgets(1e-3).get(0))));
    }

    @Test
    void budgetsOfFewerThanThreePointsSayNothing() {
        assertThat(RW.scaleWarning(List.of(new IsoflopBudget(1e18, new double[] {1e7, 2e7},
                new double[] {3e-3, 2e-3})))).isEmpty();
    }

    /** Three budgets of {@link #SIZES}, each size run three times with losses {@link #NATS} − δ, {@link #NATS}, + δ. */
    private static List<IsoflopBudget> seeds(double delta) {
        double[] sizes = new double[3 * SIZES.length];
        double[] losses = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = SIZES[i / 3];
            losses[i] = NATS[i / 3] + (i % 3 - 1) * delta;
        }
        return List.of(new IsoflopBudget(1e18, sizes, losses), new IsoflopBudget(1e19, sizes, losses),
                new IsoflopBudget(1e20, sizes, losses));
    }

    @Test
    void seedReplicatesFourTimesNoisierThanTheModelAreFlaggedWithTheirPooledDeviation() {
        // per size a standard deviation (ddof 1) of 0.008 against the model's 0.002; 36 degrees of freedom
        assertThat(RW.replicateWarning(seeds(0.008))).hasValueSatisfying(warning -> assertThat(warning)
                .contains("0.008").contains("36 degrees of freedom").contains("--noise 0.008"));
    }

    @Test
    void seedReplicatesThatAgreeWithTheModelAreNotFlagged() {
        assertThat(RW.replicateWarning(seeds(0.0025))).isEmpty();
        assertThat(SeedNoise.constant(0.008).replicateWarning(seeds(0.008))).isEmpty();
    }

    @Test
    void theLossStepIsMeasuredBetweenSizesNotBetweenSeedsOfOneSize() {
        // seeds 5e-5 apart: the step to a replicate of the lowest point would make σ = 0.002 look 40 times too large
        assertThat(RW.scaleWarning(seeds(5e-5))).isEmpty();
    }

    @Test
    void aTableWithoutReplicatesSaysNothingAboutThem() {
        assertThat(RW.replicateWarning(budgets(1))).isEmpty();
    }

    @Test
    void theSeedReplicatesPooledDeviationIsMeasuredWhateverItsRatioToSigma() {
        // per size a standard deviation (ddof 1) of 0.0025, within a factor 2 of σ: no warning, but still measured
        SeedNoise.Replicates replicates = RW.replicates(seeds(0.0025)).orElseThrow();

        assertThat(replicates.deviation()).isCloseTo(0.0025, within(1e-12));
        assertThat(replicates.degrees()).isEqualTo(36);
        assertThat(replicates.sigma()).isCloseTo(0.002, within(1e-12));
    }

    @Test
    void aTableWithoutReplicatesHasNoPooledDeviation() {
        assertThat(RW.replicates(budgets(1))).isEmpty();
    }
}
