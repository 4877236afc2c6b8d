package org.scalefit.overtraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigmoidAccuracyFitterTest {

    /** A sigmoid whose midpoint lies inside the losses below, falling as the loss rises. */
    private static final SigmoidAccuracyLaw TRUTH = new SigmoidAccuracyLaw(0.15, -3.0, 3.1, 0.34);

    private static double[] losses(double low, double high, int n) {
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            loss[i] = low + (high - low) * i / (n - 1);
        }
        return loss;
    }

    private static double[] accuracies(SigmoidAccuracyLaw law, double[] loss) {
        return Arrays.stream(loss).map(law::accuracy).toArray();
    }

    @ParameterizedTest
    @EnumSource(Solver.class)
    void recoversALawFromExactAccuracies(Solver solver) {
        double[] loss = losses(2.4, 4.0, 30);
        SigmoidAccuracyFit fit = SigmoidAccuracyFitter.bhagia().withSolver(solver).fit(loss, accuracies(TRUTH, loss));
        assertThat(fit.report().status()).isEqualTo(FitReport.Status.CONVERGED);
        assertThat(fit.report().warnings()).isEmpty();
        double[] p = fit.law().parameters();
        double[] truth = TRUTH.parameters();
        for (int j = 0; j < 4; j++) {
            assertThat(p[j]).as("parameter %d", j).isCloseTo(truth[j], within(1e-6 * Math.abs(truth[j])));
        }
        assertThat(fit.statistics().rSquared()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void variableProjectionReportsTheCurveWithAPositiveAmplitude() {
        double[] loss = losses(2.4, 4.0, 30);
        SigmoidAccuracyLaw mirrored = new SigmoidAccuracyLaw(-0.15, 3.0, 3.1, 0.49);
        assertThat(accuracies(mirrored, loss)).containsExactly(accuracies(TRUTH, loss), within(1e-15));
        SigmoidAccuracyFit fit = SigmoidAccuracyFitter.bhagia().withSolver(Solver.VARIABLE_PROJECTION)
                .fit(loss, accuracies(mirrored, loss));
        assertThat(fit.law().a()).isCloseTo(0.15, within(1e-8));
        assertThat(fit.law().k()).isCloseTo(-3.0, within(1e-7));
    }

    @Test
    void theStatisticsAreCurveFitsAtTheOptimum() {
        double[] loss = losses(2.4, 4.0, 30);
        double[] accuracy = accuracies(TRUTH, loss);
        for (int i = 0; i < accuracy.length; i++) {
            accuracy[i] += (i % 3 - 1) * 0.002;
        }
        SigmoidAccuracyFit fit = SigmoidAccuracyFitter.bhagia().withSolver(Solver.VARIABLE_PROJECTION)
                .fit(loss, accuracy);
        double[][] jacobian = new double[loss.length][];
        double[] residuals = new double[loss.length];
        for (int i = 0; i < loss.length; i++) {
            jacobian[i] = fit.law().gradient(loss[i]);
            residuals[i] = fit.law().accuracy(loss[i]) - accuracy[i];
        }
        FitStatistics expected = FitStatistics.of(jacobian, residuals, accuracy);
        assertThat(fit.statistics()).isEqualTo(expected);
        assertThat(fit.report().sumOfSquares()).isEqualTo(expected.sumOfSquares());
        assertThat(Arrays.stream(fit.statistics().standardErrors()).boxed().toList())
                .allSatisfy(se -> assertThat(se).isPositive().isFinite());
    }

    /**
     * Losses far above the midpoint only show the sigmoid's tail b + a·e^(k·(L − L₀)) — the exponential error law in
     * 1 − acc — where a and L₀ are not separately determined: the fit must say so.
     */
    @ParameterizedTest
    @EnumSource(Solver.class)
    void onlyTheTailOfTheSigmoidGivesADegenerateFit(Solver solver) {
        double[] loss = losses(2.5, 3.6, 40);
        double[] accuracy = Arrays.stream(loss).map(l -> 0.32 + 15 * Math.exp(-1.8 * l) + 1e-4 * Math.sin(7 * l))
                .toArray();
        SigmoidAccuracyFit fit = SigmoidAccuracyFitter.bhagia().withSolver(solver).fit(loss, accuracy);
        assertThat(fit.report().status()).isEqualTo(FitReport.Status.DEGENERATE);
        assertThat(fit.report().warnings()).anySatisfy(w -> assertThat(w).contains("midpoint L0"));
        assertThat(fit.law().midpoint()).isLessThan(2.5);
    }

    @Test
    void accuracyThatRisesWithTheLossGivesADegenerateFit() {
        double[] loss = losses(2.4, 4.0, 30);
        SigmoidAccuracyLaw rising = new SigmoidAccuracyLaw(0.15, 3.0, 3.1, 0.34);
        SigmoidAccuracyFit fit = SigmoidAccuracyFitter.bhagia().fit(loss, accuracies(rising, loss));
        assertThat(fit.report().status()).isEqualTo(FitReport.Status.DEGENERATE);
        assertThat(fit.report().warnings()).anySatisfy(w -> assertThat(w).contains("does not fall"));
    }

    @Test
    void aFitThatDoesNotConvergeSaysSo() {
        double[] loss = losses(2.4, 4.0, 30);
        SigmoidAccuracyFit fit = SigmoidAccuracyFitter.bhagia().withMaxEvaluations(1).fit(loss,
                accuracies(TRUTH, loss));
        assertThat(fit.report().failed()).isTrue();
        assertThat(fit.report().warnings()).singleElement().asString().contains("did not converge");
        assertThat(fit.law().parameters()).containsOnly(Double.NaN);
        assertThat(fit.statistics().sumOfSquares()).isNaN();
    }

    @Test
    void theStartIsGemstonesP0WithNumpysMedian() {
        double[] start = SigmoidAccuracyFitter.bhagiaStart(new double[] {4, 1, 3, 2}, new double[] {0.3, 0.5, 0.4,
            0.35});
        assertThat(start).containsExactly(0.2, 1.0, 2.5, 0.3);
    }

    @Test
    void unusableInputIsRejected() {
        SigmoidAccuracyFitter fitter = SigmoidAccuracyFitter.bhagia();
        assertThatThrownBy(() -> fitter.fit(new double[] {1, 2, 3}, new double[] {0.5, 0.4, 0.3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4 points");
        assertThatThrownBy(() -> fitter.fit(new double[] {1, 2, 3, Double.NaN}, new double[] {0.5, 0.4, 0.3, 0.2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point 3");
        assertThatThrownBy(() -> fitter.fit(new double[] {2, 2, 2, 2}, new double[] {0.5, 0.4, 0.3, 0.2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("losses equal");
        assertThatThrownBy(() -> fitter.fit(new double[] {1, 2, 3, 4}, new double[] {0.5, 0.4, 0.3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one loss per accuracy");
    }
}
