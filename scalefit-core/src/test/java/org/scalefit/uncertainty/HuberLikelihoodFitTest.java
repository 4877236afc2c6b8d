package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
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
    void aFailedLineSearchWhereAStepStillLowersTheLikelihoodIsNotStationary() {
        // 9 points with 0.1 % noise: L-BFGS stops in a failed line search with ‖∇NLL‖∞ > 100, where a step along the
        // gradient or Newton direction still lowers NLL by more than 10⁻¹² of itself
        Observations data = HuberLikelihoodObjectiveTest.synthetic(9, 0.001, 21);

        HuberLikelihoodFit fit = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, data, 1e-3, START);

        assertThat(fit.outcome().status()).isEqualTo(LbfgsOutcome.Status.LINE_SEARCH_FAILED);
        assertThat(fit.stationarity().firstOrder()).isFalse();
        assertThat(fit.convergence()).isEqualTo(HuberLikelihoodFit.Convergence.NOT_STATIONARY);
        assertThat(fit.converged()).isFalse();
    }

    @Test
    void aSearchStoppedShortOfTheOptimumIsNotConverged() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(12, 0.01, 2);
        LbfgsSettings twoIterations = new LbfgsSettings(10, 4 * Math.ulp(1.0), 1e-9, 2, 30000, 40, 1.0, false);

        HuberLikelihoodFit fit = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, data, 1e-3, START, twoIterations);

        assertThat(fit.outcome().status()).isEqualTo(LbfgsOutcome.Status.ITERATION_LIMIT);
        assertThat(fit.stationarity().holds()).isFalse();
        assertThat(fit.stationarity().relativeDecrease()).isGreaterThan(Stationarity.DECREASE_TOLERANCE);
        assertThat(fit.convergence()).isEqualTo(HuberLikelihoodFit.Convergence.NOT_STATIONARY);
        assertThat(fit.converged()).isFalse();
    }

    @Test
    void anOptimiserConvergenceAtATestedMinimumIsConverged() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(400, 0.01, 3);

        HuberLikelihoodFit fit = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, data, 1e-3, START);

        assertThat(fit.outcome().success()).as(fit.outcome().toString()).isTrue();
        assertThat(fit.convergence()).isEqualTo(HuberLikelihoodFit.Convergence.CONVERGED);
    }
}
