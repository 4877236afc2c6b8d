package org.scalefit.overtraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OvertrainingFitterTest {

    /** Gadre et al.'s five RedPajama loss-fit runs (N, M = 20·cc_mult, C4-eval loss) from exp_data/models. */
    private static final double[] N = {10569312, 78914048, 153677376, 411616256, 10569312};
    private static final double[] M = {20, 20, 20, 20, 320};
    private static final double[] LOSS = {5.38702091510821, 3.899942990231468, 3.531147408490181, 3.149769456671634,
        4.572292613487238};

    @Test
    void gadreGridHas128StartsInTheCodesLoopOrder() {
        double[][] starts = OvertrainingFitter.gadre().starts();
        assertThat(starts).hasNumberOfRows(128);
        assertThat(starts[0]).containsExactly(1e2, 1e2, -0.1, 0.0);
        assertThat(starts[1]).containsExactly(1e2, 1e2, -0.1, 1.0);
        assertThat(starts[4]).containsExactly(1e2, 1e2, -0.3, 0.0);
        assertThat(starts[8]).containsExactly(1e2, 3e2, -0.1, 0.0);
        assertThat(starts[32]).containsExactly(3e2, 1e2, -0.1, 0.0);
        assertThat(starts[127]).containsExactly(3e3, 3e3, -0.3, 10.0);
        assertThat(OvertrainingFitter.gadre().solver()).isEqualTo(Solver.LEVENBERG_MARQUARDT);
    }

    @ParameterizedTest
    @EnumSource(Solver.class)
    void recoversALawFromExactLosses(Solver solver) {
        OvertrainingLaw truth = new OvertrainingLaw(120, 250, -0.25, 1.7);
        double[] n = {1e7, 3e7, 1e8, 3e8, 1e9, 1e7, 1e8, 3e8};
        double[] m = {20, 20, 20, 20, 20, 320, 80, 5};
        double[] loss = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            loss[i] = truth.loss(n[i], m[i]);
        }
        OvertrainingFit fit = OvertrainingFitter.gadre().withSolver(solver).fit(n, m, loss);
        assertThat(fit.report().status()).isEqualTo(FitReport.Status.CONVERGED);
        assertThat(fit.report().warnings()).isEmpty();
        assertThat(fit.report().sumOfSquares()).isLessThan(1e-24);
        double[] p = fit.law().parameters();
        double[] expected = truth.parameters();
        for (int j = 0; j < 4; j++) {
            assertThat(p[j]).as("parameter %d", j).isCloseTo(expected[j], within(1e-7 * Math.abs(expected[j])));
        }
    }

    @Test
    void everyStartOfTheGridReachesTheSameMinimumOnTheRedPajamaPoints() {
        OvertrainingFit fit = OvertrainingFitter.gadre().fit(N, M, LOSS);
        FitReport report = fit.report();
        assertThat(report.status()).isEqualTo(FitReport.Status.CONVERGED);
        assertThat(report.starts()).isEqualTo(128);
        assertThat(report.convergedStarts()).isEqualTo(128);
        assertThat(report.startsAtOptimum()).isEqualTo(128);
        assertThat(report.points()).isEqualTo(5);
        assertThat(report.parameters()).isEqualTo(4);
        assertThat(report.residualScale()).isCloseTo(Math.sqrt(report.sumOfSquares() / 3), within(1e-18));
        assertThat(report.conditionNumber()).isBetween(1.0, 1e4);
    }

    @Test
    void variableProjectionAgreesWithTheMultiStartOnTheRedPajamaPoints() {
        OvertrainingFit lm = OvertrainingFitter.gadre().fit(N, M, LOSS);
        OvertrainingFit varpro = OvertrainingFitter.gadre().withSolver(Solver.VARIABLE_PROJECTION).fit(N, M, LOSS);
        assertThat(varpro.report().status()).isEqualTo(FitReport.Status.CONVERGED);
        assertThat(varpro.report().solver()).isEqualTo(Solver.VARIABLE_PROJECTION);
        double[] a = lm.law().parameters();
        double[] b = varpro.law().parameters();
        for (int j = 0; j < 4; j++) {
            assertThat(b[j]).as("parameter %d", j).isCloseTo(a[j], within(1e-8 * Math.abs(a[j])));
        }
        assertThat(varpro.report().sumOfSquares()).isCloseTo(lm.report().sumOfSquares(),
                within(1e-10 * lm.report().sumOfSquares()));
    }

    /**
     * Both solvers end within 1e-7 (relative) of the exact minimiser on the RedPajama points, computed with 50-digit
     * arithmetic (mpmath {@code findroot} on the gradient of the sum of squares).
     */
    @ParameterizedTest
    @EnumSource(Solver.class)
    void bothSolversReachTheExactMinimumOnTheRedPajamaPoints(Solver solver) {
        double[] exact = {166.21098371480149, 366.68717379126574, -0.27285070250967313, 1.8366483784498218};
        OvertrainingFit fit = OvertrainingFitter.gadre().withSolver(solver).fit(N, M, LOSS);
        double[] p = fit.law().parameters();
        for (int j = 0; j < 4; j++) {
            assertThat(p[j]).as("parameter %d", j).isCloseTo(exact[j], within(1e-7 * Math.abs(exact[j])));
        }
        assertThat(fit.report().sumOfSquares()).isCloseTo(0.0004256476704419511, within(1e-15));
    }

    /** Losses that rise with N: the fit runs off to a flat direction with negative coefficients (8 starts, fast). */
    @ParameterizedTest
    @EnumSource(Solver.class)
    void lossesThatRiseWithScaleGiveADegenerateFitThatSaysWhy(Solver solver) {
        double[] rising = {2.0, 2.4, 2.6, 2.9, 2.3};
        OvertrainingFitter fitter = OvertrainingFitter.gadre().withSolver(solver)
                .withStarts(java.util.Arrays.copyOf(OvertrainingFitter.gadre().starts(), 8));
        OvertrainingFit fit = fitter.fit(N, M, rising);
        assertThat(fit.report().status()).isEqualTo(FitReport.Status.DEGENERATE);
        assertThat(fit.report().warnings()).anyMatch(w -> w.contains("alpha = -"))
                .anyMatch(w -> w.startsWith("flat direction"));
    }

    @Test
    void asManyPointsAsParametersIsReportedAsInterpolation() {
        OvertrainingFit fit = OvertrainingFitter.gadre().fit(java.util.Arrays.copyOf(N, 4),
                new double[] {20, 20, 20, 320}, new double[] {5.387, 3.900, 3.531, 3.4});
        assertThat(fit.report().status()).isEqualTo(FitReport.Status.DEGENERATE);
        assertThat(fit.report().warnings()).anyMatch(w -> w.contains("interpolates"));
    }

    /** Two runs of one size and M (e.g. two seeds) leave four distinct points for four parameters. */
    @Test
    void asManyDistinctPointsAsParametersIsReportedAsInterpolation() {
        OvertrainingFit fit = OvertrainingFitter.gadre().fit(new double[] {N[0], N[1], N[1], N[3], N[4]}, M,
                new double[] {LOSS[0], LOSS[1], LOSS[1] + 0.02, LOSS[3], LOSS[4]});
        assertThat(fit.report().status()).isEqualTo(FitReport.Status.DEGENERATE);
        assertThat(fit.report().warnings()).anyMatch(w -> w.contains("4 distinct points for 4 parameters"));
    }

    @Test
    void aFitInWhichNoStartConvergesSaysSoAndHasNoParameters() {
        OvertrainingFit fit = OvertrainingFitter.gadre().withMaxEvaluations(2).fit(N, M, LOSS);
        assertThat(fit.report().failed()).isTrue();
        assertThat(fit.report().status()).isEqualTo(FitReport.Status.FAILED);
        assertThat(fit.report().convergedStarts()).isZero();
        assertThat(fit.report().bestStart()).isEqualTo(-1);
        assertThat(fit.report().warnings()).singleElement().asString().contains("none of the 128");
        assertThat(java.util.Arrays.stream(fit.law().parameters()).allMatch(Double::isNaN)).isTrue();
    }

    @Test
    void rejectsTooFewRunsAndBadValues() {
        OvertrainingFitter fitter = OvertrainingFitter.gadre();
        assertThatThrownBy(() -> fitter.fit(new double[] {1e7, 1e8, 1e9}, new double[] {20, 20, 20},
                new double[] {4, 3, 2.5})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4");
        assertThatThrownBy(() -> fitter.fit(N, M, new double[4])).isInstanceOf(IllegalArgumentException.class);
        double[] badN = N.clone();
        badN[2] = 0;
        assertThatThrownBy(() -> fitter.fit(badN, M, LOSS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run 2");
        double[] badLoss = LOSS.clone();
        badLoss[1] = Double.NaN;
        assertThatThrownBy(() -> fitter.fit(N, M, badLoss)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fitter.withStarts(new double[][] {{1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fitter.withMaxEvaluations(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void solverLabels() {
        assertThat(Solver.fromLabel("lm")).isEqualTo(Solver.LEVENBERG_MARQUARDT);
        assertThat(Solver.fromLabel("VarPro")).isEqualTo(Solver.VARIABLE_PROJECTION);
        assertThatThrownBy(() -> Solver.fromLabel("bfgs")).hasMessageContaining("expected lm or varpro");
    }
}
