package org.scalefit.isoflop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.parallel.SerializingParallelism;
import org.scalefit.uncertainty.NormalSource;

/** The per-budget IsoFLOP analysis of a user's budgets, and which budgets enter the power-law fits. */
class IsoflopAnalysisTest {

    private static final double[] SIZES = {1e7, 2e7, 4e7, 8e7, 1.6e8};
    private static final double[] LOSSES = {3.0, 2.9, 2.85, 2.9, 3.0};

    /**
     * Zero noise (every replicate is the noiseless curve) except for the token axis of the first budget, where the
     * largest-token point is pulled 0.5 below the others' minimum in every replicate: its optimum is then at the end
     * of the grid and every token replicate is invalid.
     */
    private static NormalSource tokenAxisOfFirstBudgetAtItsEdge() {
        int[] calls = {0};
        return (rows, cols) -> {
            double[][] z = new double[rows][cols];
            if (calls[0]++ == 1) {
                for (double[] row : z) {
                    row[cols - 1] = -1;
                }
            }
            return z;
        };
    }

    @Test
    void aBudgetWhoseTokenBootstrapFailedIsLeftOutOfTheFits() {
        List<IsoflopBudget> budgets = List.of(new IsoflopBudget(1e18, SIZES, LOSSES),
                new IsoflopBudget(1e19, SIZES, LOSSES), new IsoflopBudget(1e20, SIZES, LOSSES));
        IsoflopSettings settings = IsoflopSettings.porian(SeedNoise.constant(0.5)).withReplicates(10);

        List<BudgetOptimum> optima = IsoflopAnalysis.optima(budgets, settings, tokenAxisOfFirstBudgetAtItsEdge(),
                LocalParallelism.sequential());
        IsoflopFits fits = IsoflopFits.of(optima, false, LocalParallelism.sequential());

        assertThat(optima.get(0).tokens().bootstrapSucceeded()).isFalse();
        assertThat(optima.get(0).hasOptimum()).isFalse();
        assertThat(optima.get(0).issues()).anyMatch(issue -> issue.contains("left out of the fits"));
        assertThat(fits.budgets()).isEqualTo(2);
        assertThat(fits.point(FitVariant.BS_MEDIAN_WEIGHTED).t().exponent()).isFinite();
        assertThat(fits.bootstrapWeighted()).hasSize(10);
    }

    private static List<BudgetOptimum> noiseless(double... flops) {
        List<IsoflopBudget> budgets = new java.util.ArrayList<>();
        for (double c : flops) {
            budgets.add(new IsoflopBudget(c, SIZES, LOSSES));
        }
        return IsoflopAnalysis.optima(budgets, IsoflopSettings.porian(SeedNoise.constant(0.01)).withReplicates(10),
                (rows, cols) -> new double[rows][cols], LocalParallelism.sequential());
    }

    /**
     * Two sizes 0.5 % apart with losses 0.14 apart make the Akima interpolant dip to 1.17 (scipy's
     * Akima1DInterpolator too): a minimum below the lowest measured loss by more than the losses' whole range is no
     * loss the budget could reach, and is not fitted as one.
     */
    @Test
    void anInterpolatedMinimumFarBelowEveryMeasuredLossIsAnArtifactAndTheBudgetIsLeftOut() {
        List<IsoflopBudget> budgets = List.of(new IsoflopBudget(1e18, new double[] {1e7, 2e7, 2.01e7, 4e7, 8e7},
                        new double[] {3.9, 3.556, 3.7, 3.62, 3.9}),
                new IsoflopBudget(1e19, SIZES, LOSSES), new IsoflopBudget(1e20, SIZES, LOSSES));
        IsoflopSettings settings = IsoflopSettings.porian(SeedNoise.constant(0.01)).withReplicates(10);

        List<BudgetOptimum> optima = IsoflopAnalysis.optima(budgets, settings, (rows, cols) -> new double[rows][cols],
                LocalParallelism.sequential());

        assertThat(optima.get(0).hasOptimum()).isFalse();
        assertThat(optima.get(0).issues()).anyMatch(issue -> issue.contains("below the lowest measured loss 3.556")
                && issue.contains("0.5 % apart") && issue.contains("left out of the fits"));
        assertThat(optima.get(1).hasOptimum()).isTrue();
    }

    /** Two architectures 0.03 % apart in size are one size: their runs are averaged, not interpolated between. */
    @Test
    void sizesWithinATenthOfAPercentAreOneSize() {
        List<IsoflopBudget> budgets = List.of(new IsoflopBudget(1e18, new double[] {1e7, 2e7, 2.0006e7, 4e7, 8e7},
                        new double[] {3.9, 3.556, 3.597, 3.62, 3.9}),
                new IsoflopBudget(1e19, SIZES, LOSSES), new IsoflopBudget(1e20, SIZES, LOSSES));
        IsoflopSettings settings = IsoflopSettings.porian(SeedNoise.constant(0.01)).withReplicates(10);

        List<BudgetOptimum> optima = IsoflopAnalysis.optima(budgets, settings, (rows, cols) -> new double[rows][cols],
                LocalParallelism.sequential());

        assertThat(optima.get(0).budget().sizes()).hasSize(4);
        assertThat(optima.get(0).budget().losses()[1]).isCloseTo((3.556 + 3.597) / 2, within(1e-12));
        assertThat(optima.get(0).budget().replicates()[1]).isEqualTo(2);
        assertThat(optima.get(0).issues()).anyMatch(issue -> issue.contains("taken as one size"));
        assertThat(optima.get(0).issues()).noneMatch(issue -> issue.contains("seed replicates"));
        assertThat(optima.get(0).hasOptimum()).isTrue();
    }

    /** An interpolated minimum a little below the lowest measured loss is what a curve between samples does. */
    @Test
    void anInterpolatedMinimumSlightlyBelowTheLowestMeasuredLossIsKept() {
        List<IsoflopBudget> budgets = List.of(new IsoflopBudget(1e18, new double[] {1e7, 2e7, 2.2e7, 4e7, 8e7},
                        new double[] {3.9, 3.597, 3.556, 3.62, 3.9}),
                new IsoflopBudget(1e19, SIZES, LOSSES), new IsoflopBudget(1e20, SIZES, LOSSES));
        IsoflopSettings settings = IsoflopSettings.porian(SeedNoise.constant(0.01)).withReplicates(10);

        List<BudgetOptimum> optima = IsoflopAnalysis.optima(budgets, settings, (rows, cols) -> new double[rows][cols],
                LocalParallelism.sequential());

        assertThat(optima.get(0).sizes().minimumLoss()).isLessThan(3.556);
        assertThat(optima.get(0).hasOptimum()).isTrue();
    }

    @Test
    void optimaAndFitsComputedInAnotherProcessAreTheSame() {
        List<IsoflopBudget> budgets = List.of(new IsoflopBudget(1e18, SIZES, LOSSES),
                new IsoflopBudget(1e19, SIZES, LOSSES), new IsoflopBudget(1e20, SIZES, LOSSES));
        IsoflopSettings settings = IsoflopSettings.porian(SeedNoise.constant(0.01)).withReplicates(10);
        List<BudgetOptimum> here = IsoflopAnalysis.optima(budgets, settings, (rows, cols) -> new double[rows][cols],
                LocalParallelism.sequential());
        List<BudgetOptimum> elsewhere = IsoflopAnalysis.optima(budgets, settings,
                (rows, cols) -> new double[rows][cols], new SerializingParallelism());
        assertThat(elsewhere).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
                .isEqualTo(here);
        assertThat(IsoflopFits.of(elsewhere, false, new SerializingParallelism())).usingRecursiveComparison()
                .withComparatorForType(Double::compare, Double.class).isEqualTo(IsoflopFits.of(here, false, LocalParallelism.sequential()));
    }

    @Test
    void anOptimalLossFitAskedForWithNoBudgetInItsWindowIsNotMadeAndTheFitsSaySo() {
        IsoflopFits fits = IsoflopFits.of(noiseless(1e18, 1e19, 1e20), true, LocalParallelism.sequential());

        assertThat(fits.lossFit()).isEmpty();
        assertThat(fits.warnings()).anyMatch(warning -> warning.contains("no optimal-loss fit"));
    }

    @Test
    void anOptimalLossFitOnFewerBudgetsThanItsThreeParametersSaysItIsUndetermined() {
        IsoflopFits fits = IsoflopFits.of(noiseless(1e17, 2e17, 1e19), true, LocalParallelism.sequential());

        assertThat(fits.warnings()).anyMatch(warning -> warning.contains("2 budgets")
                && warning.contains("3 parameters"));
    }

    @Test
    void powerLawsThroughTwoBudgetsSayTheyAreExact() {
        IsoflopFits two = IsoflopFits.of(noiseless(1e18, 1e19), false, LocalParallelism.sequential());
        IsoflopFits three = IsoflopFits.of(noiseless(1e18, 1e19, 1e20), false, LocalParallelism.sequential());

        assertThat(two.warnings()).anyMatch(warning -> warning.contains("2 budgets"));
        assertThat(three.warnings()).isEmpty();
    }

    @Test
    void aSkippedBudgetNextToANearlyEqualOneSaysTheirRunsMayShareABudget() {
        List<IsoflopBudget> budgets = List.of(new IsoflopBudget(1e18, new double[] {1e7}, new double[] {3.0}),
                new IsoflopBudget(1.0004e18, new double[] {2e7}, new double[] {2.9}),
                new IsoflopBudget(1e19, SIZES, LOSSES), new IsoflopBudget(4e19, new double[] {1e7}, new double[] {2.8}));

        List<BudgetOptimum> optima = IsoflopAnalysis.optima(budgets,
                IsoflopSettings.porian(SeedNoise.constant(0.01)).withReplicates(10),
                (rows, cols) -> new double[rows][cols], LocalParallelism.sequential());

        assertThat(optima.get(0).issues()).anyMatch(issue -> issue.contains("C = 1.0004E18"));
        assertThat(optima.get(1).issues()).anyMatch(issue -> issue.contains("C = 1.0E18"));
        assertThat(optima.get(2).issues()).isEmpty();
        assertThat(optima.get(3).issues()).noneMatch(issue -> issue.contains("same flops value"));
    }

    @Test
    void aFlatProfileIsNamedAsFlatNotAsAMinimumAtTheSmallestSize() {
        IsoflopBudget flat = new IsoflopBudget(1e18, SIZES, new double[] {3.0, 3.0, 3.0, 3.0, 3.0});

        List<String> issues = IsoflopAnalysis.optima(List.of(flat),
                IsoflopSettings.porian(SeedNoise.constant(0.01)).withReplicates(10),
                (rows, cols) -> new double[rows][cols], LocalParallelism.sequential()).get(0).issues();

        assertThat(issues).anyMatch(issue -> issue.contains("flat") && issue.contains("left out of the fits"))
                .noneMatch(issue -> issue.contains("smallest"));
    }

    @Test
    void droppedAndMergedPointsAreNamedByTheLinesTheBudgetKnows() {
        IsoflopBudget budget = new IsoflopBudget(1e18, new double[] {1e7, 2e7, Double.NaN, 4e7, 8e7, 2e7},
                new double[] {3.0, 2.9, 2.8, Double.NaN, 3.1, 2.95}, new int[] {2, 3, 4, 5, 6, 9});

        List<String> issues = IsoflopAnalysis.optima(List.of(budget),
                IsoflopSettings.porian(SeedNoise.constant(0.01)).withReplicates(10),
                (rows, cols) -> new double[rows][cols], LocalParallelism.sequential()).get(0).issues();

        assertThat(issues).contains("1 point dropped: size missing, not a number or not positive (line 4)",
                "1 point dropped: loss missing, not a number or not positive (line 5)");
        assertThat(issues).anyMatch(issue -> issue.contains("mean") && issue.contains("lines 3, 9"));
    }

    @Test
    void runsRepeatedAtOneSizeAreAveragedAndCountedNotReducedToTheirMinimum() {
        IsoflopBudget budget = new IsoflopBudget(1e18, new double[] {1e7, 2e7, 2e7, 4e7, 8e7, 2e7, 1.6e8},
                new double[] {3.0, 2.9, 2.8, 2.85, 2.9, 3.0, 3.0}, new int[] {2, 3, 4, 5, 6, 7, 8});

        BudgetOptimum optimum = IsoflopAnalysis.optima(List.of(budget),
                IsoflopSettings.porian(SeedNoise.constant(0.01)).withReplicates(10),
                (rows, cols) -> new double[rows][cols], LocalParallelism.sequential()).get(0);

        assertThat(optimum.budget().sizes()).containsExactly(1e7, 2e7, 4e7, 8e7, 1.6e8);
        assertThat(optimum.budget().losses()[1]).isCloseTo(2.9, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(optimum.budget().replicates()).containsExactly(1, 3, 1, 1, 1);
        assertThat(optimum.issues()).anyMatch(issue -> issue.contains("mean") && issue.contains("lines 3, 4, 7"));
    }

    /** A normal source whose every draw is 1. */
    private static NormalSource ones() {
        return (rows, cols) -> {
            double[][] z = new double[rows][cols];
            for (double[] row : z) {
                java.util.Arrays.fill(row, 1.0);
            }
            return z;
        };
    }

    @Test
    void theSeedNoiseOfAMeanOfFourRunsIsHalfThatOfOneRun() {
        double[] repeated = new double[4 * SIZES.length];
        double[] repeatedLosses = new double[repeated.length];
        for (int i = 0; i < repeated.length; i++) {
            repeated[i] = SIZES[i / 4];
            repeatedLosses[i] = LOSSES[i / 4];
        }
        IsoflopSettings wide = IsoflopSettings.porian(SeedNoise.constant(0.2)).withReplicates(10);
        IsoflopSettings narrow = IsoflopSettings.porian(SeedNoise.constant(0.1)).withReplicates(10);

        BudgetOptimum four = IsoflopAnalysis.optima(List.of(new IsoflopBudget(1e18, repeated, repeatedLosses)), wide,
                ones(), LocalParallelism.sequential()).get(0);
        BudgetOptimum one = IsoflopAnalysis.optima(List.of(new IsoflopBudget(1e18, SIZES, LOSSES)), narrow, ones(),
                LocalParallelism.sequential()).get(0);

        assertThat(four.tokens().drawLosses()).containsExactly(one.tokens().drawLosses());
        assertThat(four.sizes().drawLosses()).containsExactly(one.sizes().drawLosses());
    }

    @Test
    void rowsWithoutAUsableBudgetAreNamedByLineNotAsTheBudgetNaN() {
        IsoflopBudget budget = new IsoflopBudget(Double.NaN, new double[] {1e7, 2e7, 4e7},
                new double[] {3.0, 2.9, 3.1}, new int[] {2, 3, 4});

        List<String> issues = IsoflopAnalysis.optima(List.of(budget),
                IsoflopSettings.porian(SeedNoise.constant(0.01)).withReplicates(10),
                (rows, cols) -> new double[rows][cols], LocalParallelism.sequential()).get(0).issues();

        assertThat(issues).anyMatch(issue -> issue.startsWith("the FLOPs of these rows are missing, not a number, or "
                + "not positive") && issue.contains("lines 2, 3, 4")).noneMatch(issue -> issue.contains("budget NaN"));
    }
}
