package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.data.Observations;
import org.scalefit.law.expr.ExpressionFit;
import org.scalefit.law.expr.ExpressionFitRequest;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.LawExpression;
import org.scalefit.law.expr.LawPoints;
import org.scalefit.law.expr.NamedLaws;
import org.scalefit.law.expr.Penalty;
import org.scalefit.parallel.LocalParallelism;

/**
 * Chinchilla's law L = E + A/N^α + B/D^β given in the law language reaches the built-in law's optimum on the
 * adversarial corpus: fitted with the default engine, it ends at a tested local minimum whose objective is at most
 * the built-in fit's (Gemstones' grid, default engine) times 1 + 10⁻⁹, at δ = 10⁻³ and 10⁻⁴.
 *
 * <p>Two paths: the law as a user writes it, with E, A, B on the log scale and the default start grid (3 values
 * per parameter, 243 starts), and the named law {@code chinchilla}, which is another expression (log-sum-exp in
 * e, a, b, α, β) fitted from the built-in law's 4 500 starts. One instance serves the whole class, so the built-in fit
 * of a table is made once for both paths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WrittenLawCorpusTest {

    private static final MultiStartFitter.Options DEFAULT = MultiStartFitter.Options.defaults();

    /** The built-in law's fit (Gemstones' grid, default engine) of a corpus table, by "table|δ": made once. */
    private final Map<String, LawFit> builtInFits = new HashMap<>();

    private LawFit builtInFit(String table, double delta) {
        return builtInFits.computeIfAbsent(table + "|" + delta,
                key -> MultiStartFitterTest.fit(AdversarialCorpus.table(table), delta, DEFAULT, 2));
    }

    /**
     * The law as {@code scalefit fit --law 'E + A/N^alpha + B/D^beta' --log E,A,B --delta δ} reads it: parameters in
     * order of first use, N = params, D = tokens, default starts (E, A, B ∈ {1, e^5, e^10}; α, β ∈ {0, 0.5, 1}).
     */
    private static ExpressionLaw writtenOnTheLogScale(double delta) {
        ExpressionLaw law = ExpressionLaw.of("user", LawExpression.parse("E + A/N^alpha + B/D^beta",
                        List.of("N", "D"), List.of("E", "A", "alpha", "B", "beta")))
                .withColumn("N", "params").withColumn("D", "tokens").withPenalty(Penalty.huber(delta));
        for (String name : List.of("E", "A", "B")) {
            law = law.withParameter(law.parameter(name).logScale());
        }
        return law;
    }

    private static ExpressionFit fit(ExpressionLaw law, Observations data) {
        return ExpressionFitRequest.of(law, LawPoints.of(data)).run(LocalParallelism.withThreads(2),
                FitProgress.silent());
    }

    private static void assertReachesTheBuiltInOptimum(ExpressionFit written, LawFit builtIn, String table,
                                                       double delta) {
        String both = String.format(Locale.ROOT, "%s at δ = %s: written law %.15g (%s), built-in %.15g (%s)", table,
                delta, written.objective(), written.status(), builtIn.loss(), builtIn.status());
        assertThat(written.status()).as(both).isEqualTo(LawFit.Status.CONVERGED);
        assertThat(written.objective()).as(both).isLessThanOrEqualTo(builtIn.loss() * (1 + 1e-9));
    }

    @Tag("exhaustive") // 58 pairs of fits, ≈ 9 s: CI (-Pall)
    @ParameterizedTest(name = "{0}, δ = {1}")
    @MethodSource("org.scalefit.fit.MultiStartFitterTest#corpusAtBothDeltas")
    void theLawWrittenWithALogScaleFloorAndCoefficientsReachesTheBuiltInOptimum(String table, double delta) {
        assertReachesTheBuiltInOptimum(fit(writtenOnTheLogScale(delta), AdversarialCorpus.table(table)),
                builtInFit(table, delta), table, delta);
    }

    @Tag("exhaustive") // 58 pairs of fits, ≈ 11 s: CI (-Pall)
    @ParameterizedTest(name = "{0}, δ = {1}")
    @MethodSource("org.scalefit.fit.MultiStartFitterTest#corpusAtBothDeltas")
    void theNamedChinchillaLawReachesTheBuiltInOptimum(String table, double delta) {
        assertReachesTheBuiltInOptimum(fit(NamedLaws.named("chinchilla").withPenalty(Penalty.huber(delta)),
                AdversarialCorpus.table(table)), builtInFit(table, delta), table, delta);
    }
}
