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
    /**
     * Eight points of Epoch's law (α 0.348, β 0.366, A 482, B 2085.4, E 1.817) with log-normal noise of relative size
     * {@code noise}.
     */
    static Observations eightPoints(double noise) {
        double[] truth = {0.348, 0.366, Math.log(482.0), Math.log(2085.4), Math.log(1.817)};
        double[][] inputs = {{1e8, 2e9}, {3e8, 6e9}, {1e9, 2e10}, {3e9, 5e10}, {1e10, 2e11}, {4e8, 1e9},
            {2e9, 1e11}, {6e9, 2e10}};
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        double[] losses = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            losses[i] = LawForm.CHINCHILLA.predict(truth, inputs[i][0], inputs[i][1])
                    * Math.exp(noise * random.nextGaussian());
        }
        return new Observations("eight", java.util.List.of("params", "tokens"), inputs, losses);
    }

    /**
     * On 8 points the law fits to about 10⁻⁶, the likelihood's maximum lies at σ ≈ e⁻²², where one rounding error
     * of the residuals moves NLL by tens of times the 10⁻¹² of itself the stationarity test resolves: Fit B says its
     * scale is below what double precision resolves, is not converged, and says what to fit instead.
     */
    @Test
    void onPointsTheLawFitsToAMillionthFitBSaysItsScaleIsBelowWhatDoublePrecisionResolves() {
        HuberLikelihoodFit fit = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, eightPoints(1e-6), 1e-3, START);

        assertThat(fit.resolution().roundingError()).isGreaterThan(10 * fit.resolution().tolerance());
        assertThat(fit.resolution().tolerance())
                .isEqualTo(Stationarity.DECREASE_TOLERANCE * Math.abs(fit.negativeLogLikelihood()));
        assertThat(fit.convergence()).isEqualTo(HuberLikelihoodFit.Convergence.SCALE_BELOW_PRECISION);
        assertThat(fit.converged()).isFalse();
        assertThat(fit.warning()).contains("below what double precision resolves").contains("scalefit fit");
    }

    /** With 1 % noise the same 8 points put the scale far above that floor: no such verdict. */
    @Test
    void onPointsWithOnePercentNoiseTheScaleIsResolved() {
        HuberLikelihoodFit fit = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, eightPoints(1e-2), 1e-3, START);

        assertThat(fit.resolution().roundingError()).isLessThan(fit.resolution().tolerance());
        assertThat(fit.convergence()).isNotEqualTo(HuberLikelihoodFit.Convergence.SCALE_BELOW_PRECISION);
        assertThat(fit.warning()).isEmpty();
    }
}
