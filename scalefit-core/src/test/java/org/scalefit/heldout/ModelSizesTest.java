package org.scalefit.heldout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.data.RunKeys;
import org.scalefit.fit.FitProgress;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;


class ModelSizesTest {

    /** Checkpoints of three shapes, listed out of size order: 512×8 (3e8), 256×4 (1e8), 1024×2 (2e8). */
    private static final double[][] SHAPES = {{512, 8}, {256, 4}, {512, 8}, {1024, 2}, {256, 4}, {1024, 2}};
    private static final double[] PARAMS = {3e8, 1e8, 3e8, 2e8, 1e8, 2e8};

    @Test
    void sizesAreNumberedSmallestFirst() {
        ModelSizes sizes = ModelSizes.of(RunKeys.of(SHAPES), PARAMS);
        assertThat(sizes.count()).isEqualTo(3);
        assertThat(sizes.sizeOfPoint()).containsExactly(2, 0, 2, 1, 0, 1);
        assertThat(sizes.key(0)).containsExactly(256, 4);
        assertThat(sizes.scaleOfSize()).containsExactly(1e8, 2e8, 3e8);
        assertThat(sizes.pointsOf(new boolean[] {false, true, true})).containsExactly(0, 2, 3, 5);
    }

    @Test
    void aRunKeyMustIdentifyOneModel() {
        double[] params = PARAMS.clone();
        params[2] = 3.1e8;
        assertThatThrownBy(() -> ModelSizes.of(RunKeys.of(SHAPES), params))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different sizes");
    }

    @Test
    void rolloutCountsMustLeaveSomethingToPredict() {
        ModelSizes sizes = ModelSizes.of(RunKeys.of(SHAPES), PARAMS);
        double[][] inputs = new double[6][];
        double[] losses = new double[6];
        for (int i = 0; i < 6; i++) {
            inputs[i] = new double[] {PARAMS[i], 1e9 * (i + 1)};
            losses[i] = 3 - 0.1 * i;
        }
        Observations points = new Observations("six", LawForm.CHINCHILLA.inputs(), inputs, losses);
        HeldOutEvaluation evaluation = HeldOutEvaluation.of(LawForm.CHINCHILLA, 1e-3,
                HeldOutEvaluation.coarseGrid(2));
        for (int[] bad : List.of(new int[] {3}, new int[] {0}, new int[] {2, 1}, new int[0])) {
            assertThatThrownBy(() -> evaluation.run(HoldOut.ROLLOUT, points, sizes, bad,
                    LocalParallelism.sequential(), FitProgress.silent())).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(HeldOutEvaluation.rolloutCounts(1, sizes)).containsExactly(1, 2);
        assertThat(HeldOutEvaluation.coarseGrid(3).size()).isEqualTo(2187);
        assertThat(HoldOut.named("rollout")).isEqualTo(HoldOut.ROLLOUT);
    }
}
