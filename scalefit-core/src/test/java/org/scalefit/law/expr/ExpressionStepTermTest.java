package org.scalefit.law.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.fit.FitProgress;
import org.scalefit.parallel.LocalParallelism;

/**
 * A law written as text whose additive term acts as a step ({@link org.scalefit.fit.StepTerm}) is warned about, as the
 * built-in laws' terms are.
 */
class ExpressionStepTermTest {

    private static final LawExpression CHINCHILLA = LawExpression.parse("E + A/N^alpha + B/D^beta",
            List.of("N", "D"), List.of("E", "A", "B", "alpha", "beta"));

    /** An adversarial IsoFLOP ladder (params, tokens, loss) whose best fits make the tokens term a step. */
    private static final double[][] ISOFLOP = {
        {2.88675e+07, 5.7735e+09, 19.24466619}, {4.57519e+07, 3.64283e+09, 18.0576552},
        {7.25119e+07, 2.29847e+09, 16.5533541}, {1.14924e+08, 1.45024e+09, 15.34884256},
        {1.82142e+08, 9.15039e+08, 14.2395283}, {2.88675e+08, 5.7735e+08, 13.40392108},
        {1.27267e+08, 2.54534e+10, 15.40361921}, {2.74189e+08, 1.18144e+10, 13.11853169},
        {5.90722e+08, 5.48378e+09, 11.91613258}, {1.27267e+09, 2.54534e+09, 10.68321422},
        {5.61079e+08, 1.12216e+11, 12.03202519}, {1.20881e+09, 5.20859e+10, 10.78637734},
        {2.6043e+09, 2.41761e+10, 9.49661125}, {5.61079e+09, 1.12216e+10, 8.54876005},
        {2.47361e+09, 4.94721e+11, 9.396962592}, {3.43707e+09, 3.56044e+11, 9.130420878},
        {4.77579e+09, 2.5624e+11, 8.746943375}, {6.63594e+09, 1.84412e+11, 8.328900799},
        {9.2206e+09, 1.32719e+11, 7.928649722}, {1.2812e+10, 9.55158e+10, 7.643750093},
        {1.78022e+10, 6.87413e+10, 7.240574371}, {2.47361e+10, 4.94721e+10, 6.910631715}};

    /** The best point of {@code fit --law 'E + A/N^alpha + B/D^beta' --log E,A,B} on {@link #ISOFLOP}: (E, A, B, α, β). */
    private static final double[] STEP = {1.5994119570058964, 371.4771750613883, 1.718231885960568e+230,
        0.17741085452484762, 26.401280654314004};

    /** Chinchilla's published law (Hoffmann et al. 2022, eq. 10). */
    private static final double[] PUBLISHED = {1.69, 406.4, 410.7, 0.34, 0.28};

    private static LawPoints isoflop() {
        double[][] columns = new double[2][ISOFLOP.length];
        double[] losses = new double[ISOFLOP.length];
        for (int i = 0; i < ISOFLOP.length; i++) {
            columns[0][i] = ISOFLOP[i][0];
            columns[1][i] = ISOFLOP[i][1];
            losses[i] = ISOFLOP[i][2];
        }
        return LawPoints.of("isoflop", List.of("N", "D"), columns, losses);
    }

    private static ExpressionLaw logScale() {
        return ExpressionLaw.of("user", CHINCHILLA)
                .withParameter(ParameterSpec.free("E").logScale())
                .withParameter(ParameterSpec.free("A").logScale())
                .withParameter(ParameterSpec.free("B").logScale());
    }

    private static List<String> stepWarnings(double[] theta) {
        return ExpressionFitRequest.of(logScale(), isoflop()).stepWarnings(theta);
    }

    @Test
    void aTermOfOneInputThatActsAtItsSmallestValueAloneIsWarnedAsAStep() {
        assertThat(stepWarnings(STEP)).containsExactly("degenerate: the D term (parameters B, beta) acts as a step: "
                + "it is at most 0.0062 of the prediction, on the 1 point with D ≤ 5.774e+08 (1 distinct value), and "
                + "below 1e-06 of it at every larger D (21 points); B and beta fit those points alone and are not "
                + "identified, and the law says D has no effect beyond them");
    }

    @Test
    void thePublishedLawHasNoStep() {
        assertThat(stepWarnings(PUBLISHED)).isEmpty();
    }

    @Test
    void aParameterThatAnotherTermSharesIsNotNamedAsTheSteps() {
        LawExpression tied = LawExpression.parse("E + A/N^alpha + B/D^alpha", List.of("N", "D"),
                List.of("E", "A", "B", "alpha"));
        double[] theta = {1.6, 1, 1e262, 30};
        // B/D^30 is 1 % of the loss at the smallest D and 1e-8 at the next, but alpha also sets the N term: only B
        // is the term's own
        ExpressionLaw law = ExpressionLaw.of("tied", tied);
        assertThat(ExpressionFitRequest.of(law, isoflop()).stepWarnings(theta)).singleElement()
                .satisfies(warning -> assertThat(warning).startsWith("degenerate: the D term (parameter B) acts as "
                        + "a step").contains("; B fits those points alone and is not identified"));
    }

    @Test
    void theFitOfTheLawOnTheLadderSaysItsTokensTermIsAStep() {
        ExpressionFit fit = ExpressionFitRequest.of(logScale(), isoflop())
                .run(LocalParallelism.withThreads(1), FitProgress.silent());
        assertThat(fit.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("degenerate: the D term (parameters B, beta) acts as a step"));
    }
}
