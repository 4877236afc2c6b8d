package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.HuberLogLossObjective;
import org.scalefit.law.LawForm;

/** {@link HuberLogLossObjective#resampled(int[])} is the Huber sum over the resample with its repeated rows. */
class ResampledObjectiveTest {

    @Test
    void countsActAsRepeatedRows() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(50, 0.02, 9);
        HuberLogLossObjective full = HuberLogLossObjective.of(LawForm.CHINCHILLA, data, 1e-3);
        int[][] resamples = ResamplingStream.NUMPY_RANDOM_STATE.resamples(3, 4, 50);
        for (int[] rows : resamples) {
            int[] counts = new int[50];
            double[][] inputs = new double[50][];
            double[] losses = new double[50];
            for (int t = 0; t < 50; t++) {
                counts[rows[t]]++;
                inputs[t] = data.inputs()[rows[t]];
                losses[t] = data.loss(rows[t]);
            }
            HuberLogLossObjective explicit = HuberLogLossObjective.of(LawForm.CHINCHILLA,
                    new Observations("resample", data.inputNames(), inputs, losses), 1e-3);
            HuberLogLossObjective weighted = full.resampled(counts);
            for (double[] x : new double[][] {{0.34, 0.28, 6.0, 6.0, 0.5}, {0.6, 0.1, 9.0, 3.0, -0.5}}) {
                double[] g1 = new double[5];
                double[] g2 = new double[5];
                double v1 = explicit.valueAndGradient(x, g1);
                double v2 = weighted.valueAndGradient(x, g2);
                assertThat(v2).isCloseTo(v1, within(1e-12 * Math.max(1, Math.abs(v1))));
                for (int j = 0; j < 5; j++) {
                    assertThat(g2[j]).isCloseTo(g1[j], within(1e-10 * Math.max(1, Math.abs(g1[j]))));
                }
            }
        }
    }
}
