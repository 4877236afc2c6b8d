package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.data.RunKeys;

class ResamplingUnitsTest {

    /** Runs of random lengths whose points are shuffled through the table, as checkpoints of real tables are not. */
    private static RunKeys shuffledRuns(int runs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] lengths = random.ints(runs, 1, 8).toArray();
        int n = Arrays.stream(lengths).sum();
        double[][] keys = new double[n][];
        int t = 0;
        for (int r = 0; r < runs; r++) {
            for (int c = 0; c < lengths[r]; c++) {
                keys[t++] = new double[] {256.0 * (r + 1), r % 3 + 1};
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double[] swap = keys[i];
            keys[i] = keys[j];
            keys[j] = swap;
        }
        return RunKeys.of(keys);
    }

    @Test
    void everyRunBlockResampleHoldsWholeRuns() {
        qt().withFixedSeed(39L).withExamples(60).forAll(integers().between(1, 40), longs().all(), integers().between(0, 1))
                .checkAssert((runs, seed, streamIndex) -> {
                    RunKeys keys = shuffledRuns(runs, seed);
                    ResamplingUnits units = ResamplingUnits.runs(keys);
                    ResamplingStream stream = ResamplingStream.values()[streamIndex];
                    int[][] counts = units.multiplicities(stream, seed, 25);
                    for (int[] replicate : counts) {
                        int drawnRuns = 0;
                        for (int run = 0; run < keys.runs(); run++) {
                            int[] members = keys.pointsOf(run);
                            int count = replicate[members[0]];
                            for (int point : members) {
                                assertThat(replicate[point]).isEqualTo(count);
                            }
                            drawnRuns += count;
                        }
                        assertThat(drawnRuns).isEqualTo(keys.runs());
                    }
                });
    }

    @Test
    void pairsMultiplicitiesCountTheDrawnRows() {
        int[][] rows = ResamplingStream.NUMPY_RANDOM_STATE.resamples(42, 5, 17);
        int[][] counts = ResamplingUnits.points(17).multiplicities(ResamplingStream.NUMPY_RANDOM_STATE, 42, 5);
        for (int r = 0; r < 5; r++) {
            int[] expected = new int[17];
            for (int row : rows[r]) {
                expected[row]++;
            }
            assertThat(counts[r]).containsExactly(expected);
        }
    }

    @Test
    void aReplicatesDrawDependsOnlyOnSeedAndIndex() {
        ResamplingUnits units = ResamplingUnits.runs(shuffledRuns(12, 3));
        for (ResamplingStream stream : ResamplingStream.values()) {
            int[][] few = units.multiplicities(stream, 9, 10);
            int[][] many = units.multiplicities(stream, 9, 300);
            assertThat(Arrays.copyOf(many, 10)).isDeepEqualTo(few);
        }
    }

    @Test
    void runsAreNumberedByFirstAppearance() {
        RunKeys keys = RunKeys.of(new double[][] {{512, 8}, {256, 4}, {512, 8}, {256, 5}, {256, 4}});
        assertThat(keys.runOfPoint()).containsExactly(0, 1, 0, 2, 1);
        assertThat(keys.key(2)).containsExactly(256, 5);
        assertThat(keys.pointsOf(1)).containsExactly(1, 4);
        assertThatThrownBy(() -> new ResamplingUnits(ResamplingUnits.Scheme.PAIRS, keys))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ResamplingUnits.Scheme.named("runs")).isEqualTo(ResamplingUnits.Scheme.RUNS);
    }
}
