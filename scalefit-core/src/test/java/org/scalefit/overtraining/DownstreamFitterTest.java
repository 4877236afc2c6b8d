package org.scalefit.overtraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DownstreamFitterTest {

    /** Gadre et al.'s six RedPajama downstream-fit runs: C4-eval loss and 17-task average error. */
    private static final double[] LOSS = {5.38702091510821, 3.899942990231468, 3.531147408490181, 3.149769456671634,
        4.572292613487238, 2.768756661738063};
    private static final double[] ERR17 = {0.8134857367566677, 0.7250451834543663, 0.6710080283365267,
        0.6365529066499542, 0.7671019083970938, 0.5473253052024281};

    @ParameterizedTest
    @EnumSource(Solver.class)
    void recoversALawFromExactErrors(Solver solver) {
        DownstreamErrorLaw truth = new DownstreamErrorLaw(2.0, 0.75, 0.85);
        double[] loss = {5.4, 3.9, 3.5, 3.1, 4.6, 2.8, 2.5};
        double[] error = new double[loss.length];
        for (int i = 0; i < loss.length; i++) {
            error[i] = truth.error(loss[i]);
        }
        DownstreamFit fit = DownstreamFitter.gadre().withSolver(solver).fit(loss, error);
        assertThat(fit.report().status()).isEqualTo(FitReport.Status.CONVERGED);
        assertThat(fit.law().parameters()).containsExactly(truth.parameters(), within(1e-7));
    }

    /**
     * Both solvers end within 1e-7 (relative) of the exact minimiser, computed with 50-digit arithmetic (mpmath
     * {@code findroot} on the gradient of the sum of squares). The minimum is shallow along one direction, so double
     * precision locates it only to a few 1e-8; scipy's {@code curve_fit} stops up to ~6e-6 away.
     */
    @ParameterizedTest
    @EnumSource(Solver.class)
    void bothSolversReachTheExactMinimumOfTheRedPajama17TaskFit(Solver solver) {
        double[] exact = {2.206490639028033, 0.7145906624942699, 0.8569919067470596};
        DownstreamFit fit = DownstreamFitter.gadre().withSolver(solver).fit(LOSS, ERR17);
        assertThat(fit.report().status()).isEqualTo(FitReport.Status.CONVERGED);
        assertThat(fit.report().starts()).isEqualTo(1);
        double[] p = fit.law().parameters();
        for (int j = 0; j < 3; j++) {
            assertThat(p[j]).as("parameter %d", j).isCloseTo(exact[j], within(1e-7 * Math.abs(exact[j])));
        }
    }

    @Test
    void errorsThatFallAsTheLossRisesGiveADegenerateFit() {
        double[] falling = ERR17.clone();
        for (int i = 0; i < falling.length; i++) {
            falling[i] = 1.4 - falling[i];
        }
        DownstreamFit fit = DownstreamFitter.gadre().withSolver(Solver.VARIABLE_PROJECTION).fit(LOSS, falling);
        assertThat(fit.report().status()).isEqualTo(FitReport.Status.DEGENERATE);
        assertThat(fit.report().warnings()).isNotEmpty();
    }

    /**
     * Errors that are the same at every run (e.g. every model at chance): ε alone fits them exactly and the decay term
     * k·e^(−γ·L) is left at zero, so any γ fits equally well. Levenberg–Marquardt ends at a tiny positive k, whose sign
     * check passes; the fit must still say it is degenerate, and why.
     */
    @ParameterizedTest
    @EnumSource(Solver.class)
    void errorsThatAreTheSameAtEveryRunGiveADegenerateFitWithAnUndeterminedRate(Solver solver) {
        double[] chance = new double[LOSS.length];
        java.util.Arrays.fill(chance, 0.75);
        DownstreamFit fit = DownstreamFitter.gadre().withSolver(solver).fit(LOSS, chance);
        assertThat(fit.report().status()).isEqualTo(FitReport.Status.DEGENERATE);
        assertThat(fit.report().warnings()).anyMatch(warning -> warning.contains("gamma are not determined"))
                .anyMatch(warning -> warning.contains("0.75 at every point"));
    }

    @Test
    void aFitThatDoesNotConvergeSaysSo() {
        DownstreamFit fit = DownstreamFitter.gadre().withMaxEvaluations(1).fit(LOSS, ERR17);
        assertThat(fit.report().failed()).isTrue();
        assertThat(java.util.Arrays.stream(fit.law().parameters()).allMatch(Double::isNaN)).isTrue();
    }

    @Test
    void rejectsTooFewRuns() {
        assertThatThrownBy(() -> DownstreamFitter.gadre().fit(new double[] {3, 4}, new double[] {0.6, 0.7}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3");
    }

    @Test
    void analysisChainsThePredictedLossIntoTheDownstreamLaw() {
        List<ModelRun> fit = List.of(run("a", 10569312, 20, 5.38702091510821, 0.8134857367566677),
                run("b", 78914048, 20, 3.899942990231468, 0.7250451834543663),
                run("c", 153677376, 20, 3.531147408490181, 0.6710080283365267),
                run("d", 411616256, 20, 3.149769456671634, 0.6365529066499542),
                run("e", 10569312, 320, 4.572292613487238, 0.7671019083970938));
        ModelRun oneB = run("f", 1439795200, 20, 2.768756661738063, 0.5473253052024281);
        ModelRun target = run("g", 1439795200, 640, 2.502053562117363, 0.47521523167105284);
        List<ModelRun> downstream = new java.util.ArrayList<>(fit);
        downstream.add(oneB);
        RunSplit split = new RunSplit(fit, downstream, List.of(oneB, target));
        OvertrainingAnalysis analysis = OvertrainingAnalysis.of(split, List.of("err"), OvertrainingFitter.gadre(),
                DownstreamFitter.gadre());
        assertThat(analysis.predictions()).hasSize(2);
        HeldOutPrediction p = analysis.predictions().get(1);
        OvertrainingLaw law = analysis.lossFit().law();
        DownstreamErrorLaw errorLaw = analysis.downstreamFits().get("err").law();
        assertThat(p.loss().predicted()).isEqualTo(law.loss(1439795200, 640));
        assertThat(p.error().get("err").predicted()).isEqualTo(errorLaw.error(p.loss().predicted()));
        assertThat(p.errorAtObservedLoss().get("err").predicted()).isEqualTo(errorLaw.error(2.502053562117363));
        assertThat(p.inDownstreamFit()).isFalse();
        assertThat(analysis.predictions().get(0).inDownstreamFit()).isTrue();
        assertThat(analysis.predictions().get(0).inLossFit()).isFalse();
    }

    private static ModelRun run(String name, double n, double m, double loss, double error) {
        return new ModelRun(name, "test", name, n, n * m, m, loss, Map.of("err", error));
    }
}
