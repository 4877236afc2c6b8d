package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;
import org.scalefit.law.expr.ExpressionFit;
import org.scalefit.law.expr.ExpressionFitRequest;
import org.scalefit.law.expr.LawPoints;
import org.scalefit.law.expr.NamedLaws;
import org.scalefit.parallel.LocalParallelism;

/**
 * Data that cannot identify a law are reported as such before any search, and a fit on them is never a success.
 */
class IdentificationTest {

    /** Chinchilla's published law (Hoffmann et al. 2022, eq. 10): E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28. */
    private static double chinchilla(double n, double d) {
        return 1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28);
    }

    /** n model sizes from 1e7 up by ×3, each trained on tokens/params ratios 5…80 (×2): an IsoFLOP-like design. */
    private static Observations design(int sizes, double tokenScale) {
        List<double[]> inputs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int s = 0; s < sizes; s++) {
            double n = 1e7 * Math.pow(3, s);
            for (double ratio = 5; ratio <= 80; ratio *= 2) {
                double d = ratio * n * tokenScale;
                inputs.add(new double[] {n, d});
                losses.add(chinchilla(n, d));
            }
        }
        return new Observations("design", List.of("params", "tokens"), inputs.toArray(double[][]::new),
                losses.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Observations points(double[][] inputs) {
        double[] losses = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            losses[i] = chinchilla(inputs[i][0], inputs[i][1]);
        }
        return new Observations("points", List.of("params", "tokens"), inputs, losses);
    }

    private static Identification check(Observations data) {
        return Identification.of(LawForm.CHINCHILLA, data, Identification.Limits.DEFAULTS);
    }

    private static LawFit fit(Observations data) {
        return FitProblem.of(LawForm.CHINCHILLA, data, 1e-3, StartGrid.gemstones(2))
                .fit(LocalParallelism.withThreads(1), FitProgress.silent());
    }

    @Test
    void aSpreadDesignIdentifiesTheLaw() {
        assertThat(check(design(5, 1)).failures()).isEmpty();
    }

    @Test
    void onePointIsTooFewForFiveParameters() {
        assertThat(check(points(new double[][] {{1e8, 2e9}})).failures())
                .anySatisfy(failure -> assertThat(failure).startsWith("too few points: 1 point for 5"));
    }

    @Test
    void aConstantInputIsNotIdentified() {
        double[][] inputs = new double[12][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new double[] {1e7 * Math.pow(2, i), 1e10};
        }
        assertThat(check(points(inputs)).failures())
                .anySatisfy(failure -> assertThat(failure).startsWith("constant input: tokens"));
    }

    @Test
    void aConstantInputOfALawWrittenAsTextIsNotSaidToMergeWithAFloor() {
        // Gadre et al.'s law at one token multiplier: M's factor multiplies the N term, it does not merge with E
        double[][] columns = {{1e7, 3e7, 8e7, 2e8, 4e8, 8e8}, {20, 20, 20, 20, 20, 20}};

        assertThat(Identification.ofColumns(java.util.List.of("params", "tokens_per_param"), columns, 4, 2,
                Identification.Limits.DEFAULTS).failures()).containsExactly("constant input: tokens_per_param is 20.0000 "
                + "at every point, so the data cannot show how the loss depends on it (its effect merges with the "
                + "law's other terms)");
    }

    @Test
    void twoModelSizesAreTooFewDistinctValues() {
        assertThat(check(design(2, 1)).failures())
                .containsExactly("too few distinct values: params takes 2 distinct values; its coefficient and "
                        + "exponent need at least 3");
    }

    @Test
    void tokensProportionalToParamsAreCollinear() {
        double[][] inputs = new double[12][];
        for (int i = 0; i < inputs.length; i++) {
            double n = 1e7 * Math.pow(2, i);
            inputs[i] = new double[] {n, 20 * n * (1 + 1e-3 * (i % 2))};
        }
        assertThat(check(points(inputs)).failures())
                .anySatisfy(failure -> assertThat(failure).startsWith("nearly collinear inputs: corr(log params, "
                        + "log tokens) = 1.0000"));
    }

    @Test
    void tokensAbovePhysicalRangeAreRefusedUnlessTheLimitIsRaised() {
        double[][] inputs = design(5, 1).inputs();
        inputs[3][1] = 1e308;
        Observations data = points(inputs);
        assertThat(check(data).failures())
                .anySatisfy(failure -> assertThat(failure).startsWith("outside physical range: tokens reaches 1.000e+308"));
        assertThat(Identification.of(LawForm.CHINCHILLA, data, Identification.Limits.DEFAULTS.withMaxTokens(Double.MAX_VALUE))
                .failures()).isEmpty();
    }

    @Test
    void paramsAbovePhysicalRangeAreRefused() {
        assertThat(check(design(5, 1)).identified()).isTrue();
        Observations huge = design(5, 1);
        double[][] inputs = huge.inputs();
        inputs[0][0] = 2e15;
        assertThat(check(points(inputs)).failures())
                .anySatisfy(failure -> assertThat(failure).startsWith("outside physical range: params reaches 2.000e+15"));
    }

    @Test
    void aFitOnDataThatCannotIdentifyTheLawIsNotASuccessAndRunsNoStart() {
        LawFit fit = fit(design(2, 1));
        assertThat(fit.status()).isEqualTo(LawFit.Status.NOT_IDENTIFIED);
        assertThat(fit.status().label()).isEqualTo("not_identified");
        assertThat(fit.succeeded()).isFalse();
        assertThat(fit.hasOptimum()).isFalse();
        assertThat(fit.search().starts()).isZero();
        assertThat(fit.warnings()).containsExactly("not identified: too few distinct values: params takes 2 distinct "
                + "values; its coefficient and exponent need at least 3");
    }

    @Test
    void theLawLanguageReportsTheSameStatusOnTheSameData() {
        Observations data = points(new double[][] {{1e8, 2e9}, {2e8, 2e9}, {4e8, 2e9}, {8e8, 2e9}, {1.6e9, 2e9},
                {3.2e9, 2e9}, {6.4e9, 2e9}});
        ExpressionFit expression = ExpressionFitRequest.of(NamedLaws.named("chinchilla"), LawPoints.of(data))
                .run(LocalParallelism.withThreads(1), FitProgress.silent());
        LawFit builtIn = fit(data);
        assertThat(expression.status()).isEqualTo(LawFit.Status.NOT_IDENTIFIED);
        assertThat(builtIn.status()).isEqualTo(LawFit.Status.NOT_IDENTIFIED);
        assertThat(expression.succeeded()).isFalse();
    }

    /** Seven runs of a spread design: more than five (p) but fewer than ten (2p) for the five-parameter law. */
    private static Observations sevenRuns() {
        return points(new double[][] {{1e8, 2e9}, {2e8, 4e9}, {4e8, 8e9}, {8e8, 1.6e10}, {1.6e9, 3.2e10},
                {3e8, 2e10}, {6e8, 3e9}});
    }

    @Test
    void fewerThanTwoPointsAParameterIsCautionedNotRefused() {
        Identification identification = check(sevenRuns());
        assertThat(identification.identified()).isTrue();
        assertThat(identification.cautions()).containsExactly("few points: 7 points for 5 free parameters (2 residual "
                + "degrees of freedom, fewer than 2 points a parameter); the fit follows single runs' noise closely, "
                + "so bootstrap it before trusting a prescription");
    }

    @Test
    void tokensCountedInBillionsAreCautionedAsImplausibleTokensPerParameter() {
        assertThat(check(design(5, 1e-9)).cautions()).anySatisfy(caution -> assertThat(caution)
                .startsWith("implausible tokens per parameter: D/N is below 0.0100 at every point (at most 8.00e-08)")
                .contains("billions").contains("If so, add --unit tokens=1e9"));
    }

    @Test
    void paramsCountedInMillionsAreCautionedAsImplausibleTokensPerParameter() {
        double[][] inputs = design(5, 1).inputs();
        for (double[] point : inputs) {
            point[0] /= 1e6;
        }
        assertThat(check(points(inputs)).cautions()).anySatisfy(caution -> assertThat(caution)
                .startsWith("implausible tokens per parameter: D/N is above 1.00e+05 at every point (at least 5.00e+06)")
                .contains("millions").contains("If so, add --unit params=1e6"));
    }

    @Test
    void paramsInMillionsAndTokensInBillionsAreCautionedAsImplausibleCounts() {
        double[][] inputs = design(5, 1).inputs();
        for (double[] point : inputs) {
            point[0] /= 1e6;
            point[1] /= 1e9;
        }
        assertThat(check(points(inputs)).cautions()).anySatisfy(caution -> assertThat(caution)
                .startsWith("implausible count: params is at most 810 at every point (below 1.00e+05)")
                .contains("millions").contains("If so, add --unit params=1e6"))
                .anySatisfy(caution -> assertThat(caution)
                .startsWith("implausible count: tokens is at most 64.8 at every point (below 1.00e+07)")
                .contains("If so, add --unit tokens=1e9"));
    }

    @Test
    void countsOfRealModelsAreNotCautioned() {
        assertThat(check(design(5, 1)).cautions()).noneMatch(caution -> caution.startsWith("implausible count"));
    }

    @Test
    void twoPointsAParameterAreNotCautioned() {
        assertThat(check(design(3, 1)).cautions()).isEmpty();
    }

    @Test
    void aFitOnFewPointsCarriesTheCautionInItsWarnings() {
        LawFit fit = fit(sevenRuns());
        assertThat(fit.succeeded()).isTrue();
        assertThat(fit.warnings()).anySatisfy(warning -> assertThat(warning).startsWith("few points: 7 points for 5"));
    }

    @Test
    void theLawLanguageCarriesTheSameCaution() {
        ExpressionFit expression = ExpressionFitRequest.of(NamedLaws.named("chinchilla"), LawPoints.of(sevenRuns()))
                .run(LocalParallelism.withThreads(1), FitProgress.silent());
        assertThat(expression.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("few points: 7 points for 5"));
    }

    /** Each row of {@code data} {@code times} times in a row: repeated measurements at the same inputs. */
    private static Observations repeated(Observations data, int times) {
        double[][] inputs = new double[data.size() * times][];
        double[] losses = new double[inputs.length];
        for (int i = 0; i < data.size(); i++) {
            for (int t = 0; t < times; t++) {
                inputs[i * times + t] = new double[] {data.input(i, 0), data.input(i, 1)};
                losses[i * times + t] = data.loss(i) * (1 + 0.001 * t);
            }
        }
        return new Observations("repeated", data.inputNames(), inputs, losses);
    }

    @Test
    void repeatedRowsCountAsOneDistinctPointForTheFewPointsCaution() {
        Identification identification = check(repeated(sevenRuns(), 2));
        assertThat(identification.identified()).isTrue();
        assertThat(identification.cautions()).singleElement().satisfies(caution -> assertThat(caution)
                .startsWith("few points: 7 distinct points (14 rows; rows at the same inputs are repeated "
                        + "measurements of one point) for 5 free parameters (2 residual degrees of freedom"));
    }

    @Test
    void repeatedRowsAtTooFewDistinctPointsAreRefused() {
        Observations four = points(new double[][] {{1e7, 1e9}, {3e7, 1e10}, {1e8, 3e9}, {1e7, 1e10}});
        assertThat(check(repeated(four, 3)).failures()).anySatisfy(failure -> assertThat(failure)
                .startsWith("too few points: 4 distinct points (12 rows; rows at the same inputs are repeated "
                        + "measurements of one point) for 5 free parameters"));
    }

    @Test
    void theLawLanguageCountsDistinctPointsToo() {
        ExpressionFit expression = ExpressionFitRequest.of(NamedLaws.named("chinchilla"),
                LawPoints.of(repeated(sevenRuns(), 2))).run(LocalParallelism.withThreads(1), FitProgress.silent());
        assertThat(expression.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("few points: 7 distinct points (14 rows"));
    }

    @Test
    void aNegativeExponentIsWarnedAbout() {
        double[] theta = {0.34, -0.23, Math.log(406.4), Math.log(410.7), Math.log(1.69)};
        List<String> warnings = FitDiagnostics.warnings(LawForm.CHINCHILLA, theta, design(5, 1));
        assertThat(warnings).contains("implausible: the exponent of tokens is negative (-0.2300); the predicted loss "
                + "grows with tokens");
        assertThat(warnings).anySatisfy(warning -> assertThat(warning)
                .startsWith("implausible: the compute-optimal allocation is params_opt ∝ C^-2.0909"));
    }
}
