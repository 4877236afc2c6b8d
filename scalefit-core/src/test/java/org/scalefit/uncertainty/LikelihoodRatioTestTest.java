package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

class LikelihoodRatioTestTest {

    private static final double[] REFERENCE = {0.34, 0.28, Math.log(406.4), Math.log(410.7), Math.log(1.69)};

    @Test
    void bestLogScaleZeroesTheScaleDerivativeAndMinimisesTheLikelihood() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(80, 0.01, 7);
        for (double delta : new double[] {1e-3, 1.0, 30.0}) {
            HuberLikelihoodObjective objective = HuberLikelihoodObjective.of(LawForm.CHINCHILLA, data, delta);
            double[] theta = {0.33, 0.3, 6.1, 6.2, 0.52};
            double s = objective.bestLogScale(theta);
            double[] x = Arrays.copyOf(theta, 6);
            x[5] = s;
            double[] gradient = new double[6];
            double value = objective.valueAndGradient(x, gradient);
            assertThat(gradient[5]).as("δ = %s", delta).isCloseTo(0, within(1e-9 * data.size()));
            for (double step : new double[] {-1e-4, 1e-4}) {
                x[5] = s + step;
                assertThat(objective.value(x)).isGreaterThan(value);
            }
        }
    }

    @Test
    void bestLogScaleOfTheMaximumLikelihoodFitIsItsFittedScale() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(200, 0.01, 8);
        HuberLikelihoodFit fit = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, data, 1e-3, REFERENCE);
        double s = HuberLikelihoodObjective.of(LawForm.CHINCHILLA, data, 1e-3).bestLogScale(fit.theta());
        assertThat(s).isCloseTo(fit.logScale(), within(1e-6));
    }

    @Test
    void statisticIsTwiceTheLogLikelihoodGainWithFiveDegreesOfFreedom() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(200, 0.01, 9);
        HuberLikelihoodFit fit = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, data, 1e-3, REFERENCE);
        double[] shifted = {0.36, 0.3, 6.3, 6.1, 0.55};
        LikelihoodRatioTest test = LikelihoodRatioTest.of(LawForm.CHINCHILLA, data, 1e-3, fit.theta(), shifted);
        assertThat(test.test().value()).isPositive()
                .isCloseTo(2 * (test.estimateLogLikelihood() - test.referenceLogLikelihood()), within(1e-9));
        assertThat(test.test().degreesOfFreedom()).isEqualTo(5);
        assertThat(test.estimateLogLikelihood()).isCloseTo(-fit.negativeLogLikelihood(), within(1e-6));
        assertThat(test.points()).isEqualTo(200);
        LikelihoodRatioTest self = LikelihoodRatioTest.of(LawForm.CHINCHILLA, data, 1e-3, shifted, shifted);
        assertThat(self.test().value()).isZero();
        assertThat(self.test().pValue()).isEqualTo(1.0);
    }
}
