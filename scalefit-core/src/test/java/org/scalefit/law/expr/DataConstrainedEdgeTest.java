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

    private static LawPoints table() {
        return LawPoints.of("seed 601, reduced", List.of("params", "tokens", "unique_tokens"), new double[][] {
                {2.57e7, 2.57e7, 2.57e7, 3.48e8},
                {7.71e8, 3.08e8, 4.62e10, 2.78e10},
                {5.14e6, 1.54e8, 1.54e8, 1.39e10}},
                new double[] {8.290095704, 7.602348049, 6.809359746, 3.781453619});
    }

    /**
     * At R_N* = 1.7e18 (where a fit with R_N* kept positive ended) 1 − e^(−R_N/R_N*) is rounding, and the objective
     * computed from it was 24 % below the law's value; computed with expm1 it is the law's value. The reference is
     * F = Σ huber_δ(log L_i − log L̂_i), δ = 1e-3, of the law as its README writes it, evaluated in 60-digit mpmath
     * from the same double inputs and constants (mpf of each double; 1 − exp(−R/R*) at 60 digits is exact here).
     */
    @Test
    void theObjectiveAtAHugeDecayConstantIsTheLawsValue() {
        ExpressionLaw law = NamedLaws.named("data-constrained");
        double[] theta = law.theta(java.util.Map.of("R_D_star", 15.0, "R_N_star", 1.7e18));
        double reference = 0.0017993403276523099897;

        double objective = ExpressionObjective.of(law, table()).valueAtTheta(theta, null);

        assertThat(objective).isCloseTo(reference, org.assertj.core.api.Assertions.within(1e-10 * reference));
    }

    @Test
    void aFitReportedConvergedCannotBeLoweredByAStepOfOneParameter() {
        LawPoints table = table();
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
