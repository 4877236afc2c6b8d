package org.scalefit.isoflop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** IsoFLOP points from training curves as Porian et al.'s {@code fetch_flop} reads them. */
class CheckpointIsoflopsTest {

    /** Checkpoints every 10 % more tokens on L = 2 + 30·D^(−0.25), which is not a power law in F. */
    private static CheckpointIsoflops.Run run(double size, double firstTokens, int checkpoints) {
        double[] tokens = new double[checkpoints];
        double[] losses = new double[checkpoints];
        for (int j = 0; j < checkpoints; j++) {
            tokens[j] = firstTokens * Math.pow(1.1, j);
            losses[j] = 2 + 30 * Math.pow(tokens[j], -0.25);
        }
        return new CheckpointIsoflops.Run(size, tokens, losses);
    }

    @Test
    void aCheckpointAtTheBudgetGivesItsOwnLoss() {
        CheckpointIsoflops.Run run = run(1e8, 1e9, 20);
        double[] tokens = run.tokens();

        assertThat(run.lossAt(6 * 1e8 * tokens[7])).isCloseTo(run.losses()[7], within(1e-12));
    }

    @Test
    void betweenCheckpointsTheLogLossIsLinearInLogFlops() {
        CheckpointIsoflops.Run run = run(1e8, 1e9, 20);
        double f7 = 6 * 1e8 * run.tokens()[7];
        double f8 = 6 * 1e8 * run.tokens()[8];
        double c = Math.sqrt(f7 * f8);

        double expected = Math.sqrt(run.losses()[7] * run.losses()[8]);

        assertThat(run.lossAt(c)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void aCheckpointWithoutALossIsPassedOverAsFetchFlopsDropnaDoes() {
        CheckpointIsoflops.Run clean = run(1e8, 1e9, 20);
        double[] losses = clean.losses();
        losses[7] = Double.NaN;
        CheckpointIsoflops.Run gap = new CheckpointIsoflops.Run(1e8, clean.tokens(), losses);
        double f6 = 6 * 1e8 * clean.tokens()[6];
        double f8 = 6 * 1e8 * clean.tokens()[8];
        double c = 6 * 1e8 * clean.tokens()[7] * 1.01;

        double t = (Math.log(c) - Math.log(f6)) / (Math.log(f8) - Math.log(f6));
        double expected = Math.exp((1 - t) * Math.log(clean.losses()[6]) + t * Math.log(clean.losses()[8]));

        assertThat(gap.lossAt(c)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void aRunWhoseOnlyCheckpointsNearTheBudgetHaveNoLossGivesNaN() {
        CheckpointIsoflops.Run run = new CheckpointIsoflops.Run(1e8, new double[] {1e9, 2e9, 4e9},
                new double[] {3.0, Double.NaN, 2.8});

        assertThat(run.reaches(6 * 1e8 * 2e9)).isTrue();
        assertThat(run.lossAt(6 * 1e8 * 2e9)).isNaN();
    }

    @Test
    void aRunWhoseNearestCheckpointIsMoreThanTenPercentAwayIsSkipped() {
        CheckpointIsoflops.Run run = new CheckpointIsoflops.Run(1e8, new double[] {1e9, 2e9}, new double[] {3, 2.9});
        double f = 6 * 1e8 * 1e9;

        assertThat(run.lossAt(f * 1.099)).isNotNaN();
        assertThat(run.lossAt(f * 1.12)).isNaN();
        assertThat(run.lossAt(f / 1.12)).isNaN();
    }

    @Test
    void aRunWithOneCheckpointGivesThatLossWithinTenPercent() {
        CheckpointIsoflops.Run run = new CheckpointIsoflops.Run(1e8, new double[] {1e9}, new double[] {3.1});

        assertThat(run.lossAt(6 * 1e8 * 1e9 * 1.05)).isEqualTo(3.1);
    }

    @Test
    void outsideTheCheckpointsTheEndLossIsKept() {
        CheckpointIsoflops.Run run = run(1e8, 1e9, 5);
        double last = 6 * 1e8 * run.tokens()[4];

        assertThat(run.lossAt(last * 1.05)).isEqualTo(run.losses()[4]);
    }

    @Test
    void checkpointsLoggedInTokenOrderAcrossSizesAreStillOneRunPerSize() {
        double[] sizes = {1e8, 2e8, 1e8, 2e8, 1e8, 2e8};
        double[] tokens = {1e9, 1e9, 2e9, 2e9, 4e9, 4e9};
        double[] losses = {3, 2.9, 2.8, 2.7, 2.6, 2.5};

        List<CheckpointIsoflops.Run> runs = CheckpointIsoflops.runs(sizes, tokens, losses);

        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).tokens()).containsExactly(1e9, 2e9, 4e9);
        assertThat(runs.get(1).losses()).containsExactly(2.9, 2.7, 2.5);
    }

    @Test
    void runsAreBlocksOfOneSizeWithIncreasingTokens() {
        double[] sizes = {1e8, 1e8, 1e8, 1e8, 2e8, 2e8};
        double[] tokens = {1e9, 2e9, 1e9, 2e9, 1e9, 2e9};
        double[] losses = {3, 2.9, 3.1, 2.8, 2.9, 2.7};

        List<CheckpointIsoflops.Run> runs = CheckpointIsoflops.runs(sizes, tokens, losses);

        assertThat(runs).hasSize(3);
        assertThat(runs.get(1).losses()).containsExactly(3.1, 2.8);
        assertThat(runs.get(2).size()).isEqualTo(2e8);
    }

    @Test
    void eachBudgetKeepsTheSmallestLossOfASizesRuns() {
        CheckpointIsoflops.Run first = new CheckpointIsoflops.Run(1e8, new double[] {1e9}, new double[] {3.0});
        CheckpointIsoflops.Run second = new CheckpointIsoflops.Run(1e8, new double[] {1e9}, new double[] {2.9});
        CheckpointIsoflops.Run other = new CheckpointIsoflops.Run(5e7, new double[] {2e9}, new double[] {3.2});

        List<IsoflopBudget> budgets = CheckpointIsoflops.at(List.of(first, second, other), new double[] {6e17, 1e19});

        assertThat(budgets.get(0).flops()).isEqualTo(6e17);
        assertThat(budgets.get(0).sizes()).containsExactly(5e7, 1e8);
        assertThat(budgets.get(0).losses()).containsExactly(3.2, 2.9);
        assertThat(budgets.get(1).points()).isZero();
    }

    @Test
    void theLadderIsPorians10To17Times2ToTheJWithinReach() {
        CheckpointIsoflops.Run run = new CheckpointIsoflops.Run(1e8, new double[] {1e9, 1e10},
                new double[] {3, 2.8});

        double[] ladder = CheckpointIsoflops.ladder(List.of(run));

        // F from 6e17 to 6e18: 1e17·2^j for j = 3 (8e17) … 6 (6.4e18, within 10 % of 6e18)
        assertThat(ladder).containsExactly(8e17, 1.6e18, 3.2e18, 6.4e18);
    }
}
