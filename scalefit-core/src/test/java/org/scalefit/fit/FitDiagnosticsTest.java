package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

/** The plain-language warnings of {@link FitDiagnostics} on a fitted law, and the parameters it finds unidentified. */
class FitDiagnosticsTest {

    /**
     * An adversarial IsoFLOP ladder (4 budgets, 22 runs; params, tokens, loss) on which the best Chinchilla fit is a
     * tokens term with β ≈ 66 that matters at the run with the fewest tokens alone.
     */
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

    /** The converged, stationary best Chinchilla fit to {@link #ISOFLOP} at δ = 10⁻³: [α, β, ln A, ln B, ln E]. */
    private static final double[] STEP = {0.17741085988225047, 66.21503105767952, 5.917487496633053,
        1333.3368459311753, 0.4696362199774174};

    /** Chinchilla's published law (Hoffmann et al. 2022, eq. 10): E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28 */
    private static final double[] CHINCHILLA = {0.34, 0.28, Math.log(406.4), Math.log(410.7), Math.log(1.69)};

    private static Observations isoflop() {
        double[][] inputs = Arrays.stream(ISOFLOP).map(row -> new double[] {row[0], row[1]}).toArray(double[][]::new);
        double[] losses = Arrays.stream(ISOFLOP).mapToDouble(row -> row[2]).toArray();
        return new Observations("isoflop", List.of("params", "tokens"), inputs, losses);
    }

    /** Sizes 1e7 … 1e7·3⁴, each at tokens/params ratios 5 … 80, with losses of Chinchilla's published law. */
    private static Observations chinchillaLadder() {
        List<double[]> inputs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            double n = 1e7 * Math.pow(3, s);
            for (double ratio = 5; ratio <= 80; ratio *= 2) {
                double d = ratio * n;
                inputs.add(new double[] {n, d});
                losses.add(1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28));
            }
        }
        return new Observations("ladder", List.of("params", "tokens"), inputs.toArray(double[][]::new),
                losses.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static List<String> warnings(double[] theta, Observations data) {
        return FitDiagnostics.warnings(LawForm.CHINCHILLA, theta, data);
    }

    /**
     * Losses of 1.7 + 400/N^0.34 on a 6×6 grid of N and D, which the law fits exactly with no tokens term (B → 0,
     * β free): the optima of many starts fit to rounding, their objectives (≈ 10⁻³¹) noise many times apart, and their
     * parameters differ. The rule of laws written as text ({@link EquallyGood}) calls them equally good, and says that
     * rounding, not 10⁻⁹ of the best objective, decided it.
     */
    @Test
    void optimaEquallyExactOnLossesTheLawFitsExactlyAreReportedAsAFlatDirection() {
        List<double[]> inputs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                double n = 1e7 * Math.pow(4, a);
                inputs.add(new double[] {n, 1e9 * Math.pow(3, b)});
                losses.add(1.7 + 400 / Math.pow(n, 0.34));
            }
        }
        Observations data = new Observations("exact", List.of("params", "tokens"), inputs.toArray(double[][]::new),
                losses.stream().mapToDouble(Double::doubleValue).toArray());
        LawFit fit = new FitProblem(LawForm.CHINCHILLA, data, 1e-3, StartGrid.gemstones(2),
                MultiStartFitter.Options.defaults()).fit(org.scalefit.parallel.LocalParallelism.withThreads(2),
                FitProgress.silent());
        assertThat(fit.loss()).isLessThan(1e-28);
        assertThat(fit.warnings()).anySatisfy(warning -> assertThat(warning).startsWith(
                "flat: optima within rounding (").contains("of the best objective, the law fitting the data exactly, "
                + "differ by up to"));
    }

    @Test
    void aTermThatMattersOnlyAtItsSmallestInputIsWarnedAsAStep() {
        assertThat(warnings(STEP, isoflop())).anySatisfy(warning -> assertThat(warning).startsWith(
                "degenerate: the tokens term acts as a step: it is at most 0.0062 of the prediction, on the 1 point "
                        + "with tokens ≤ 5.774e+08 (1 distinct value), and below 1e-06 of it at every larger tokens "
                        + "(21 points); its exponent (66.22) and coefficient (log 1333) fit those points alone and are "
                        + "not identified"));
    }

    @Test
    void aPublishedLawIsNotAStep() {
        assertThat(warnings(CHINCHILLA, chinchillaLadder())).noneSatisfy(warning -> assertThat(warning)
                .contains("acts as a step"));
    }

    @Test
    void aSteepTermThatMattersAtThreeDistinctValuesIsNotAStep() {
        double[] steep = STEP.clone();
        steep[1] = 30;
        // the tokens term is 1e-3 of the loss (15.3) at tokens = 1.45e9, the third smallest value, and falls by
        // (2.30/1.45)^30 ≈ 1e6 to the fourth: its two parameters are tested by three values
        steep[3] = Math.log(1e-3 * 15.35) + 30 * Math.log(1.45024e9);
        assertThat(warnings(steep, isoflop())).noneSatisfy(warning -> assertThat(warning)
                .contains("acts as a step"));
    }

    @Test
    void theParametersOfAStepTermAreNotIdentified() {
        assertThat(FitDiagnostics.unidentified(LawForm.CHINCHILLA, STEP, isoflop())).containsExactly(1, 3);
    }

    @Test
    void theParametersOfAPublishedLawAreIdentified() {
        assertThat(FitDiagnostics.unidentified(LawForm.CHINCHILLA, CHINCHILLA, chinchillaLadder())).isEmpty();
    }

    @Test
    void aCoefficientBeyondTheLargestDoubleIsSaidToOverflow() {
        assertThat(warnings(STEP, isoflop())).contains("overflow: the coefficient of tokens is exp(1333.34), beyond "
                + "the largest double (about exp(709.8)): its natural-scale value reads Infinity; the log-space "
                + "coefficient 1333.34 is the fitted value");
    }

    @Test
    void finiteCoefficientsAreNotSaidToOverflow() {
        assertThat(warnings(CHINCHILLA, chinchillaLadder())).noneSatisfy(warning -> assertThat(warning)
                .startsWith("overflow"));
    }
    /** Six huge runs (model, params, tokens, loss): params over 1.73 decades, tokens over only 0.33. */
    private static Observations hugeRuns() {
        double[][] inputs = {{7e9, 2e12}, {1.3e10, 2e12}, {3.3e10, 1.4e12}, {6.5e10, 1.4e12}, {1.2e9, 3e12},
            {7e9, 2.5e12}};
        double[] losses = {2.01913, 1.98597, 1.95764, 1.93680, 2.15444, 2.00539};
        return new Observations("huge", List.of("params", "tokens"), inputs, losses);
    }

    /** The best Chinchilla fit to {@link #hugeRuns} at δ = 10⁻³: β = 0.028, N_opt ∝ C^0.075. */
    private static final double[] HUGE = {0.34360900007359485, 0.027848689832644075, 6.117082740298186,
        1.3934571550187695, -26.940845090013337};

    @Test
    void aTokensExponentFittedOnAThirdOfADecadeIsSaidNotToBeMeasuredNorTheAllocation() {
        assertThat(FitDiagnostics.warnings(LawForm.CHINCHILLA, HUGE, hugeRuns())).anySatisfy(warning ->
                assertThat(warning).startsWith("narrow range: tokens spans only 0.33 decades (1.40e+12 to 3.00e+12), "
                        + "too narrow to identify its exponent: at 0.02785 the tokens term changes by 2.1 %")
                        .contains("exponent[tokens] is not measured")
                        .contains("params_opt ∝ C^0.0750, tokens_opt ∝ C^0.9250 rests on it and is a guess"));
    }

    @Test
    void aWideEnoughInputIsNotCalledNarrow() {
        assertThat(FitDiagnostics.warnings(LawForm.CHINCHILLA, HUGE, hugeRuns()))
                .noneMatch(warning -> warning.startsWith("narrow range: params"));
    }

    @Test
    void aNarrowInputWhoseTermStillChangesMarkedlyIsNotWarned() {
        double[] steep = HUGE.clone();
        steep[1] = 0.6;
        assertThat(FitDiagnostics.warnings(LawForm.CHINCHILLA, steep, hugeRuns()))
                .noneMatch(warning -> warning.startsWith("narrow range"));
    }

    @Test
    void aLargeExponentOfANarrowInputSaysTheRangeIsTooNarrowForItAndTheAllocation() {
        double[] steep = HUGE.clone();
        steep[1] = 7.449;
        assertThat(FitDiagnostics.warnings(LawForm.CHINCHILLA, steep, hugeRuns())).anySatisfy(warning ->
                assertThat(warning).startsWith("suspicious: the exponent of tokens is 7.449")
                        .contains("; tokens spans only 0.33 decades, too narrow to identify it, so the compute-optimal "
                                + "allocation params_opt ∝ C^0.9559 read off it is a guess"));
    }

    @Test
    void aLargeExponentOfAWideInputSaysNothingOfItsRange() {
        double[] steep = HUGE.clone();
        steep[0] = 7.449;
        assertThat(FitDiagnostics.warnings(LawForm.CHINCHILLA, steep, hugeRuns())).anySatisfy(warning ->
                assertThat(warning).startsWith("suspicious: the exponent of params").doesNotContain("decades"));
    }
}
