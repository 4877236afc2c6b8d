package org.scalefit.law.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.Stationarity;
import org.scalefit.parallel.LocalParallelism;

/**
 * The built-in data-constrained law (C4 base fixed, R_D* and R_N* fitted) on a table its base cannot match: the
 * objective falls towards R_D* → 0+, where the law is singular (e^(−R_D/R_D*); 0/0 at one-epoch points; D′ → ∞ as
 * R_D* → 0−). Four points reduced from an adversarial table (seed 601 of
 * {@code scalefit-bench/python/adversarial_data_constrained.py}) on which the fit reports {@code converged} at
 * R_D* ≈ 1.7e-12, R_N* ≈ 1322, although a step of R_N* alone lowers the objective far beyond the stationarity
 * tolerance (by 1.05e-6 of itself for +1, 1e-4 for +100; scipy, unaware of the edge, finds 10.9 % lower at
 * R_D* = 0.0025, R_N* = −12.4). Every step the stationarity test tries along −∇F is dominated by ∂F/∂R_D* and
 * crosses the edge within 1e-12, so it sees no decrease.
 */
class DataConstrainedEdgeTest {

    @Test
    void aFitReportedConvergedCannotBeLoweredByAStepOfOneParameter() {
        LawPoints table = LawPoints.of("seed 601, reduced", List.of("params", "tokens", "unique_tokens"), new double[][] {
                {2.57e7, 2.57e7, 2.57e7, 3.48e8},
                {7.71e8, 3.08e8, 4.62e10, 2.78e10},
                {5.14e6, 1.54e8, 1.54e8, 1.39e10}},
                new double[] {8.290095704, 7.602348049, 6.809359746, 3.781453619});
        ExpressionLaw law = NamedLaws.named("data-constrained");

        ExpressionFit fit = ExpressionFitRequest.of(law, table).run(LocalParallelism.sequential(),
                FitProgress.silent());

        double[] stepped = fit.parameters();
        stepped[law.parameterNames().indexOf("R_N_star")] += 1;
        double lowered = ExpressionObjective.of(law, table).valueAtTheta(stepped, null);
        boolean stepLowers = lowered < fit.objective() * (1 - Stationarity.DECREASE_TOLERANCE);
        assertThat(fit.status() == LawFit.Status.CONVERGED && stepLowers)
                .as("reported %s at %s (objective %.12g) while R_N* + 1 gives %.12g", fit.status(), fit.named(),
                        fit.objective(), lowered)
                .isFalse();
    }
}
