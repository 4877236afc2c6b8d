package org.scalefit.law.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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

    /**
     * Five points of the adversarial table of seed 601 on which the C4 base cannot follow repeated data: the fit ends
     * at R_D* ≈ 1e-12 with ∂F/∂R_D* ≈ 3e-4 &gt; 0 (R_N* ≈ 13.9 inside the domain). Every step that lowers F beyond
     * the stationarity tolerance crosses R_D* = 0, past which F jumps higher (R_D* &lt; 0: e^(−R_D/R_D*) overflows and
     * the data term vanishes; every point here repeats its data, so F is still defined at R_D* = 0 itself, where a
     * one-epoch point would make it 0/0): the optimum is the edge R_D* → 0+, where the data pin it (repeated tokens
     * worth nothing), not a value they leave free.
     */
    static LawPoints edgeTable() {
        return LawPoints.of("seed 601, five points", List.of("params", "tokens", "unique_tokens"), new double[][] {
                {1.34e+07, 2.57e+07, 2.57e+07, 3.48e+08, 4.69e+09},
                {1.7688e+08, 1.542e+09, 4.62e+10, 2.085e+12, 4.69e+12},
                {8.04e+06, 5.14e+08, 1.54e+08, 1.39e+10, 9.38e+09}},
                new double[] {9.509410244, 6.98413373, 6.809359746, 3.536389755, 2.878869417});
    }

    /**
     * The data-constrained law as a user writes it (Muennighoff et al. 2023 eqs. 5–7, 1 − exp(−R/R*) and N_opt
     * simplified to G·(G·U_D)^(β/α)), the C4 base held at the paper's values: as
     * {@code scalefit-bench/python/adversarial_data_constrained.py} fits it.
     */
    static ExpressionLaw writtenLaw() {
        LawExpression expression = LawExpression.parse("U_D = min(U, D); R_D = max(D/U_D - 1, 0); "
                + "G = (alpha*A/(beta*B))^(1/(alpha + beta)); N_opt = G*(G*U_D)^(beta/alpha); U_N = min(N, N_opt); "
                + "R_N = max(N/U_N - 1, 0); D_eff = U_D*(1 + R_D_star*(1 - exp(-R_D/R_D_star))); "
                + "N_eff = U_N*(1 + R_N_star*(1 - exp(-R_N/R_N_star))); E + A/N_eff^alpha + B/D_eff^beta",
                List.of("N", "D", "U"), List.of("A", "B", "E", "alpha", "beta", "R_D_star", "R_N_star"));
        return ExpressionLaw.of("user", expression)
                .withColumn("N", "params").withColumn("D", "tokens").withColumn("U", "unique_tokens")
                .withFixed(Map.of("A", Math.exp(NamedLaws.DATA_CONSTRAINED_A),
                        "B", Math.exp(NamedLaws.DATA_CONSTRAINED_B), "E", Math.exp(NamedLaws.DATA_CONSTRAINED_E),
                        "alpha", NamedLaws.DATA_CONSTRAINED_ALPHA, "beta", NamedLaws.DATA_CONSTRAINED_ALPHA))
                .withParameter(ParameterSpec.free("R_D_star").withStarts(1, 5, 20, 80))
                .withParameter(ParameterSpec.free("R_N_star").withStarts(1, 5, 20, 80));
    }

    @Test
    void aFitOfTheNamedLawEndingAtTheEdgeOfTheDomainSaysSoAndDoesNotCallTheParameterNotIdentified() {
        ExpressionFit fit = ExpressionFitRequest.of(NamedLaws.named("data-constrained"), edgeTable())
                .run(LocalParallelism.sequential(), FitProgress.silent());

        assertThat(fit.status()).isEqualTo(LawFit.Status.CONVERGED);
        assertThat(fit.parameter("R_D_star")).isBetween(0.0, 1e-9);
        assertThat(fit.warnings()).filteredOn(w -> w.startsWith("edge: R_D_star"))
                .singleElement().asString().contains("R_D_star → 0+");
        assertThat(fit.warnings()).noneMatch(w -> w.contains("R_D_star") && w.contains("not identified"));
        assertThat(fit.notIdentified()).doesNotContain("R_D_star");
    }

    @Test
    void theEdgeIsRecordedWithTheParametersValueSlopeAndLimit() {
        ExpressionLaw law = NamedLaws.named("data-constrained");
        ExpressionFit fit = ExpressionFitRequest.of(law, edgeTable())
                .run(LocalParallelism.sequential(), FitProgress.silent());

        assertThat(fit.edges()).singleElement().satisfies(edge -> {
            assertThat(edge.coordinate()).isEqualTo(law.parameterNames().indexOf("R_D_star"));
            assertThat(edge.value()).isEqualTo(fit.parameter("R_D_star"));
            assertThat(edge.slope()).isGreaterThan(Stationarity.DECREASE_TOLERANCE * fit.objective());
            assertThat(edge.limit()).isZero();
            assertThat(edge.inside()).isNotNegative();
            assertThat(edge.outside()).isNegative();
            assertThat(edge.beyond()).isGreaterThan(fit.objective());
        });
    }

    @Test
    void aFitOfTheLawWrittenAsTextEndingAtTheEdgeOfTheDomainSaysSo() {
        ExpressionFit fit = ExpressionFitRequest.of(writtenLaw(), edgeTable())
                .run(LocalParallelism.sequential(), FitProgress.silent());

        assertThat(fit.status()).isEqualTo(LawFit.Status.CONVERGED);
        assertThat(fit.warnings()).filteredOn(w -> w.startsWith("edge: R_D_star"))
                .singleElement().asString().contains("R_D_star → 0+");
        assertThat(fit.notIdentified()).doesNotContain("R_D_star");
    }
}
