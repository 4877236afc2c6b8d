package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.Lbfgs;
import org.scalefit.fit.LbfgsOutcome;
import org.scalefit.fit.LbfgsSettings;
import org.scalefit.fit.Stationarity;
import org.scalefit.law.LawForm;

class HuberLikelihoodFitTest {

    /** Chinchilla's unrounded law (Epoch AI's start), θ = [α, β, ln A, ln B, ln E]. */
    private static final double[] START = {0.3392, 0.2849, Math.log(406.4), Math.log(410.7), Math.log(1.6934)};

    @Test
    void aFailedLineSearchAtATestedMinimumIsConvergedAtThePrecisionFloor() {
        // 12 points of a known Chinchilla law with 1 % noise: L-BFGS stops in a failed line search (the δ = 10⁻³
        // Huber likelihood is nearly an L1 loss, with kinks at the optimum), where no tested step lowers the NLL
        Observations data = HuberLikelihoodObjectiveTest.synthetic(12, 0.01, 2);

        HuberLikelihoodFit fit = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, data, 1e-3, START);

        assertThat(fit.outcome().status()).isEqualTo(LbfgsOutcome.Status.LINE_SEARCH_FAILED);
        assertThat(fit.stationarity().holds()).as(fit.stationarity().toString()).isTrue();
        assertThat(fit.convergence()).isEqualTo(HuberLikelihoodFit.Convergence.AT_PRECISION_FLOOR);
        assertThat(fit.converged()).isTrue();
    }

    @Test
    void theStationarityTestIsMadeAtTheReportedEstimate() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(12, 0.01, 2);

        HuberLikelihoodFit fit = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, data, 1e-3, START);

        assertThat(fit.stationarity().value()).isEqualTo(fit.negativeLogLikelihood());
    }

    @Test
    void aFailedLineSearchAHairFromTheMinimumIsPolishedToATestedMinimum() {
        // 12 points with 0.1 % noise: L-BFGS stops in a failed line search where a step along the gradient or Newton
        // direction still lowers NLL by 1.2·10⁻¹¹ of itself (tolerance 10⁻¹²); the polish ends at a tested minimum
        Observations data = HuberLikelihoodObjectiveTest.synthetic(12, 0.001, 44);
        HuberLikelihoodObjective objective = HuberLikelihoodObjective.of(LawForm.CHINCHILLA, data, 1e-3);
        double[] searched = Arrays.copyOf(START, START.length + 1);
        new Lbfgs(searched.length, LbfgsSettings.polishing()).minimize(objective, searched);

        HuberLikelihoodFit fit = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, data, 1e-3, START);

        assertThat(Stationarity.check(objective, searched, new double[searched.length]).holds()).isFalse();
        assertThat(fit.outcome().status()).isEqualTo(LbfgsOutcome.Status.LINE_SEARCH_FAILED);
        assertThat(fit.polished()).isTrue();
        assertThat(fit.stationarity().holds()).as(fit.stationarity().toString()).isTrue();
        assertThat(fit.convergence()).isEqualTo(HuberLikelihoodFit.Convergence.AT_PRECISION_FLOOR);
        assertThat(fit.negativeLogLikelihood()).isLessThanOrEqualTo(objective.value(searched));
    }

    @Test
    void anEndPointThatPassesTheTestIsNotPolished() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(12, 0.01, 2);
        HuberLikelihoodObjective objective = HuberLikelihoodObjective.of(LawForm.CHINCHILLA, data, 1e-3);
        double[] searched = Arrays.copyOf(START, START.length + 1);
        new Lbfgs(searched.length, LbfgsSettings.polishing()).minimize(objective, searched);

        HuberLikelihoodFit fit = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, data, 1e-3, START);

        assertThat(fit.polished()).isFalse();
        assertThat(fit.theta()).containsExactly(Arrays.copyOf(searched, START.length));
        assertThat(fit.logScale()).isEqualTo(searched[START.length]);
    }

    @Test
    void aSearchStoppedFarFromTheOptimumIsNotConvergedWhenItsPolishBudgetCannotReachTheMinimum() {
        // two iterations and at most 20 evaluations: the polish may spend 20 more, which lower NLL but end short
        Observations data = HuberLikelihoodObjectiveTest.synthetic(12, 0.01, 2);
        LbfgsSettings cutShort = new LbfgsSettings(10, 4 * Math.ulp(1.0), 1e-9, 2, 20, 40, 1.0, false);
        HuberLikelihoodObjective objective = HuberLikelihoodObjective.of(LawForm.CHINCHILLA, data, 1e-3);
        double[] searched = Arrays.copyOf(START, START.length + 1);
        new Lbfgs(searched.length, cutShort).minimize(objective, searched);

        HuberLikelihoodFit fit = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, data, 1e-3, START, cutShort);

        assertThat(fit.outcome().success()).isFalse();
        assertThat(fit.polished()).isTrue();
        assertThat(fit.stationarity().holds()).isFalse();
        assertThat(fit.stationarity().relativeDecrease()).isGreaterThan(Stationarity.DECREASE_TOLERANCE);
        assertThat(fit.convergence()).isEqualTo(HuberLikelihoodFit.Convergence.NOT_STATIONARY);
        assertThat(fit.negativeLogLikelihood()).isLessThanOrEqualTo(objective.value(searched));
    }

    @Test
    void anOptimiserConvergenceAtATestedMinimumIsConverged() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(400, 0.01, 3);

        HuberLikelihoodFit fit = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, data, 1e-3, START);

        assertThat(fit.outcome().success()).as(fit.outcome().toString()).isTrue();
        assertThat(fit.convergence()).isEqualTo(HuberLikelihoodFit.Convergence.CONVERGED);
    }
}
