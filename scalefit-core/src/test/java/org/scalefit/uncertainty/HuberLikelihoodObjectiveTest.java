package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

class HuberLikelihoodObjectiveTest {

    /** Points from a Chinchilla-form law with multiplicative noise of relative size {@code noise}. */
    static Observations synthetic(int n, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = {0.34, 0.28, Math.log(406.4), Math.log(410.7), Math.log(1.69)};
        double[][] inputs = new double[n][];
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            double params = Math.exp(random.nextDouble(Math.log(5e7), Math.log(2e10)));
            double tokens = Math.exp(random.nextDouble(Math.log(2e8), Math.log(5e11)));
            inputs[i] = new double[] {params, tokens};
            losses[i] = LawForm.CHINCHILLA.predict(theta, params, tokens) * Math.exp(noise * random.nextGaussian());
        }
        return new Observations("synthetic", List.of("params", "tokens"), inputs, losses);
    }

    @Test
    void normaliserMatchesScipy() {
        // log(sqrt(2π)(1 − 2 norm.sf(δ)) + 2 exp(−δ²/2)/δ) from scipy
        assertThat(HuberLikelihoodObjective.logNormaliserOf(1e-3)).isCloseTo(7.600902959541916, within(1e-13));
        assertThat(HuberLikelihoodObjective.logNormaliserOf(1.0)).isCloseTo(1.0730585907133918, within(1e-13));
    }

    @Test
    void valueIsTheHuberNegativeLogLikelihood() {
        Observations data = synthetic(30, 0.01, 1);
        HuberLikelihoodObjective objective = HuberLikelihoodObjective.of(LawForm.CHINCHILLA, data, 1.0);
        double[] x = {0.33, 0.29, 6.0, 6.1, 0.5, Math.log(0.02)};
        double sigma = Math.exp(x[5]);
        double expected = 0;
        for (int i = 0; i < data.size(); i++) {
            double r = Math.log(data.loss(i)) - Math.log(LawForm.CHINCHILLA.predict(x, data.input(i, 0),
                    data.input(i, 1)));
            double z = r / sigma;
            double h = Math.abs(z) <= 1 ? 0.5 * z * z : Math.abs(z) - 0.5;
            expected += h + HuberLikelihoodObjective.logNormaliserOf(1.0) + Math.log(sigma);
        }
        assertThat(objective.value(x)).isCloseTo(expected, within(1e-10));
        assertThat(objective.dimension()).isEqualTo(6);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Observations data = synthetic(40, 0.02, 2);
        for (double delta : new double[] {1e-3, 1.0}) {
            HuberLikelihoodObjective objective = HuberLikelihoodObjective.of(LawForm.CHINCHILLA, data, delta);
            for (double[] x : new double[][] {{0.33, 0.29, 6.0, 6.1, 0.5, Math.log(0.02)},
                    {0.5, 0.2, 8.0, 4.0, 0.3, -1.0}, {0.34, 0.28, 6.0073404, 6.0179186, 0.5267228, 0.0}}) {
                double[] gradient = new double[6];
                double value = objective.valueAndGradient(x, gradient);
                assertThat(value).isEqualTo(objective.value(x));
                for (int j = 0; j < 6; j++) {
                    double h = 1e-6;
                    double[] up = x.clone();
                    double[] down = x.clone();
                    up[j] += h;
                    down[j] -= h;
                    double numeric = (objective.value(up) - objective.value(down)) / (2 * h);
                    assertThat(gradient[j]).as("δ=%s, component %d", delta, j)
                            .isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
                }
            }
        }
    }

    @Test
    void maximumLikelihoodRecoversTheLawAndTheNoiseScale() {
        Observations data = synthetic(400, 0.01, 3);
        HuberLikelihoodFit fit = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, data, 1.0,
                new double[] {0.33917084, 0.2849083, 6.0073404, 6.0179186, 0.5267228});
        assertThat(fit.outcome().success()).isTrue();
        double[] truth = {0.34, 0.28, Math.log(406.4), Math.log(410.7), Math.log(1.69)};
        for (double[] point : new double[][] {{1e8, 1e9}, {1e9, 2e10}, {1e10, 2e11}}) {
            assertThat(LawForm.CHINCHILLA.predict(fit.theta(), point)).as("loss at %s", java.util.Arrays.toString(point))
                    .isCloseTo(LawForm.CHINCHILLA.predict(truth, point), within(0.01));
        }
        assertThat(Math.exp(fit.logScale())).isBetween(0.005, 0.02);
    }
}
