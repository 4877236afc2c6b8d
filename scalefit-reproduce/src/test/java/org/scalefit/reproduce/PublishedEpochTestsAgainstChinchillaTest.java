package org.scalefit.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.ReferenceLaws;
import org.scalefit.io.TableReader;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.HuberLikelihoodFit;
import org.scalefit.uncertainty.LikelihoodRatioTest;
import org.scalefit.uncertainty.PairsBootstrap;
import org.scalefit.uncertainty.TestStatistic;
import org.scalefit.uncertainty.TestsAgainstReference;
import org.scalefit.uncertainty.TokensPerParameterPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


/**
 * Epoch AI's tests of Fit B against Hoffmann et al.'s unrounded law and their tokens-per-parameter policy band
 * (Besiroglu et al. 2024, {@code data_analysis.ipynb} §3 tests and cells 63–69), on
 * their Chinchilla points with the seed-42 NumPy-stream bootstrap, against:
 * <ul>
 *   <li>{@code reference/epoch/epoch_tests_reference.json}: NOT published — our scipy re-run of the notebook's
 *       computations ({@code scalefit-bench/python/epoch_tests_reference.py}: scipy BFGS Fit B and 4000 BFGS bootstrap
 *       refits, the notebook's policy draws replayed from NumPy's global stream);</li>
 *   <li>values of a re-run of the notebook and the notebook's printed outputs.</li>
 * </ul>
 * Tolerances: statistics that depend only on Fit B (residual t-test, likelihood ratios, point-estimate policy) are
 * deterministic and agree to 10⁻⁶ or better; statistics built on the bootstrap standard errors or covariance (t-tests,
 * Wald) to 0.5 %, since L-BFGS refits differ from scipy's BFGS in the ~2 % of replicates where BFGS stops early (the
 * standard errors agree to 0.1 %, see {@link PublishedEpochUncertaintyTest}); the policy band is a Monte-Carlo
 * estimate from other draws (our Well19937c stream, not NumPy's), see {@link #monteCarloTolerance}.
 */
class PublishedEpochTestsAgainstChinchillaTest {

    private static final int DRAWS = 10_000;
    private static JsonNode python;
    private static double[] chinchilla;
    private static HuberLikelihoodFit fitB;
    private static TestsAgainstReference tests;
    private static TokensPerParameterPolicy policy;

    @BeforeAll
    static void run() {
        python = readReference();
        RunTable table = new TableReader().read("chinchilla:epoch", ColumnRequest.of("params", "tokens", "loss"));
        Observations all = Observations.fromTable(table, LawForm.CHINCHILLA.inputs(), "loss");
        Observations kept = all.withoutHighestLosses(5);
        chinchilla = ReferenceLaws.chinchillaTheta("chinchilla-unrounded");
        fitB = HuberLikelihoodFit.maximise(LawForm.CHINCHILLA, kept, 1e-3, chinchilla);
        BootstrapResult bootstrap = PairsBootstrap.of(LawForm.CHINCHILLA, 1e-3, chinchilla, 4000, 42)
                .run(kept, LocalParallelism.withThreads(2));
        tests = TestsAgainstReference.of(LawForm.CHINCHILLA, kept, all, 1e-3, fitB.theta(), chinchilla, bootstrap);
        double[] interval = ReferenceLaws.paramsExponentInterval("chinchilla-unrounded").orElseThrow();
        policy = TokensPerParameterPolicy.band(fitB.theta(), bootstrap.covariance(),
                TokensPerParameterPolicy.ReferencePolicy.of(chinchilla, interval[0], interval[1]),
                TokensPerParameterPolicy.powersOfTen(18, 28, 0.05), DRAWS, 42, 80);
    }

    private static JsonNode readReference() {
        try (InputStream in = PublishedEpochTestsAgainstChinchillaTest.class
                .getResourceAsStream("/reference/epoch/epoch_tests_reference.json")) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRelative(double actual, double expected, double tolerance, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(tolerance * Math.abs(expected)));
    }

    @Test
    void parameterTTestsMatchTheScipyRerun() {
        String[] names = {"alpha", "beta", "A", "B", "E"};
        JsonNode notebook = python.get("parameter_tests");
        JsonNode converged = python.get("converged_refits").get("parameter_tests");
        for (String space : new String[] {"untransformed", "log_space"}) {
            var ours = space.equals("untransformed") ? tests.untransformed() : tests.logSpace();
            for (int j = 0; j < 5; j++) {
                TestStatistic test = ours.tests().get(j);
                String what = space + " " + names[j];
                assertThat(test.degreesOfFreedom()).isEqualTo(235);
                assertRelative(test.value(), converged.get(space).get("t").get(names[j]).asDouble(), 1e-4,
                        "t vs converged refits, " + what);
                assertRelative(test.pValue(), converged.get(space).get("p_value").get(names[j]).asDouble(), 1e-3,
                        "p vs converged refits, " + what);
                double t = notebook.get(space).get("t").get(names[j]).asDouble();
                assertRelative(test.value(), t, 5e-3, "t vs the notebook's refits, " + what);
                // the distribution itself: scipy's p from scipy's t, to 10⁻¹⁰
                assertRelative(TestStatistic.studentTwoSided(t, 235).pValue(),
                        notebook.get(space).get("p_value").get(names[j]).asDouble(), 1e-10, "p from scipy's t, " + what);
            }
        }
        // the notebook tests the untransformed parameters: only β and E differ from Chinchilla's at 1 %
        assertThat(tests.untransformed().tests().stream().filter(test -> test.pValue() < 0.01).count()).isEqualTo(2);
    }

    /**
     * Σ⁻¹ amplifies the replicates that scipy's BFGS (gtol 10⁻⁵) ends above the floor of the Huber sum (593 of 4000
     * by more than 10⁻⁹ relative): with those refits polished, scipy's Wald statistic is 239.5955, ours 239.5964;
     * the notebook's 238.40 is 0.50 % lower for that reason alone, and is checked to 1 %.
     */
    @Test
    void waldTestMatchesConvergedScipyRefitsAndTheNotebookUpToItsEarlyStops() {
        TestStatistic wald = tests.wald().test();
        JsonNode converged = python.get("converged_refits").get("wald");
        JsonNode notebook = python.get("wald");
        assertThat(wald.degreesOfFreedom()).isEqualTo(5);
        assertRelative(wald.value(), converged.get("statistic").asDouble(), 1e-4, "Wald vs converged refits");
        assertRelative(wald.pValue(), converged.get("p_value").asDouble(), 1e-2, "Wald p vs converged refits");
        assertRelative(TestStatistic.chiSquaredUpperTail(notebook.get("statistic").asDouble(), 5).pValue(),
                notebook.get("p_value").asDouble(), 1e-10, "Wald p from scipy's statistic");
        assertRelative(wald.value(), notebook.get("statistic").asDouble(), 1e-2, "Wald vs the notebook's refits");
        // data_analysis.ipynb, printed output: 238.40, p 1.69e-49
        assertRelative(wald.value(), 238.40, 1e-2, "Wald vs the notebook's printed value");
    }

    @Test
    void residualTTestIsTheNotebooksToSixDigits() {
        TestStatistic t = tests.residuals().test();
        JsonNode reference = python.get("residuals");
        assertThat(t.degreesOfFreedom()).isEqualTo(478);
        assertRelative(t.value(), reference.get("statistic").asDouble(), 1e-6, "t");
        assertRelative(t.pValue(), reference.get("p_value").asDouble(), 1e-6, "p");
        assertRelative(tests.residuals().referenceMeanResidual(), reference.get("chinchilla_mean").asDouble(), 1e-6,
                "mean Chinchilla residual");
        assertRelative(tests.residuals().estimateMeanResidual(), reference.get("estimate_mean").asDouble(), 1e-6,
                "mean Fit B residual");
        // data_analysis.ipynb, printed output: T 2.908, p 0.0038
        assertThat(t.value()).isCloseTo(2.908, within(5e-4));
        assertThat(t.pValue()).isCloseTo(0.0038, within(5e-5));
    }

    @Test
    void likelihoodRatioTestsWithAndWithoutOutliersAreTheNotebooks() {
        LikelihoodRatioTest fitted = tests.likelihoodRatio();
        LikelihoodRatioTest all = tests.likelihoodRatioAllPoints().orElseThrow();
        JsonNode reference = python.get("likelihood_ratio");
        for (var pair : new Object[][] {{fitted, "without_outliers", 240}, {all, "with_outliers", 245}}) {
            LikelihoodRatioTest ours = (LikelihoodRatioTest) pair[0];
            JsonNode exact = reference.get((String) pair[1]).get("exact_scale");
            JsonNode notebook = reference.get((String) pair[1]).get("notebook");
            assertThat(ours.points()).isEqualTo(pair[2]);
            assertThat(ours.test().degreesOfFreedom()).isEqualTo(5);
            assertRelative(ours.test().value(), exact.get("statistic").asDouble(), 1e-7, pair[1] + " Λ");
            assertRelative(ours.test().pValue(), exact.get("p_value").asDouble(), 1e-6, pair[1] + " p");
            assertThat(ours.referenceLogScale()).as(pair[1] + " s of Chinchilla")
                    .isCloseTo(exact.get("chinchilla_log_scale").asDouble(), within(1e-8));
            assertThat(ours.estimateLogLikelihood()).as(pair[1] + " ℓ of Fit B")
                    .isCloseTo(exact.get("estimate_log_likelihood").asDouble(), within(1e-7));
            // the notebook refits the scale with BFGS at tol 0.1, which stops a little short of the optimum
            assertRelative(ours.test().value(), notebook.get("statistic").asDouble(), 1e-6, pair[1] + " Λ notebook");
        }
        // data_analysis.ipynb, printed output: 84.00 and 86.75
        assertThat(fitted.test().value()).isCloseTo(84.00, within(0.005));
        assertThat(all.test().value()).isCloseTo(86.75, within(0.005));
    }

    @Test
    void policyPointEstimateAndChinchillaCurveAreTheNotebooks() {
        JsonNode rows = python.get("policy").get("rows_at");
        for (String index : new String[] {"0", "60", "100", "115", "150", "199"}) {
            TokensPerParameterPolicy.Row row = policy.rows().get(Integer.parseInt(index));
            JsonNode expected = rows.get(index);
            assertRelative(row.compute(), expected.get("compute").asDouble(), 1e-15, "C at " + index);
            assertRelative(row.pointEstimate(), expected.get("point_estimate").asDouble(), 1e-8, "point " + index);
            assertRelative(row.reference(), expected.get("chinchilla").asDouble(), 1e-12, "Chinchilla " + index);
            assertRelative(row.referenceAtLowExponent(), expected.get("chinchilla_a_low").asDouble(), 1e-12,
                    "Chinchilla a_low " + index);
            assertRelative(row.referenceAtHighExponent(), expected.get("chinchilla_a_high").asDouble(), 1e-12,
                    "Chinchilla a_high " + index);
        }
        // data_analysis.ipynb: cell 68 prints 72.86525718715193 at grid index 115 (C = 5.623e23); point estimate 18.348 (re-run)
        TokensPerParameterPolicy.Row atChinchilla = policy.nearest(
                ReferenceLaws.trainedModel("chinchilla-unrounded").orElseThrow().compute());
        assertThat(atChinchilla).isEqualTo(policy.rows().get(115));
        assertThat(atChinchilla.reference()).isCloseTo(72.86525718715193, within(1e-12 * 72.87));
        assertThat(atChinchilla.pointEstimate()).isCloseTo(18.348, within(5e-4));
    }

    /**
     * The band's percentiles against the notebook's (replayed) draws. Both are estimates from M = 10 000 independent
     * normal draws, so each differs from the exact percentile by Monte-Carlo error. D/N is close to log-normal over the
     * draws (its 10th and 90th percentiles sit symmetrically about the median in log space), with σ =
     * ln(p90/p10)/(2·z₀.₉); a sample q-quantile of a normal has standard error σ·√(q(1−q))/(φ(z_q)·√M) (for the median
     * σ·√(π/2)/√M, ≈ 0.5 % at the Chinchilla budget). Two independent estimates differ by √2 times that; the
     * tolerance is 3 such standard errors (≈ 2.2 % on the median at C = 5.6·10²³, ≈ 4.2 % at 8.9·10²⁷, where the band
     * is widest).
     */
    private static double monteCarloTolerance(JsonNode expected, double quantile) {
        double z90 = new NormalDistribution(0, 1).inverseCumulativeProbability(0.9);
        double sigma = Math.log(expected.get("p90").asDouble() / expected.get("p10").asDouble()) / (2 * z90);
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(quantile);
        double density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        double standardError = sigma * Math.sqrt(quantile * (1 - quantile)) / (density * Math.sqrt(DRAWS));
        return 3 * Math.sqrt(2) * standardError;
    }

    @Test
    void policyBandMatchesTheNotebooksWithinMonteCarloError() {
        JsonNode rows = python.get("policy").get("rows_at");
        for (String index : new String[] {"0", "60", "100", "115", "150", "199"}) {
            TokensPerParameterPolicy.Row row = policy.rows().get(Integer.parseInt(index));
            JsonNode expected = rows.get(index);
            // compare in log space: |ln(ours/theirs)| within the tolerance
            assertThat(Math.log(row.median() / expected.get("p50").asDouble())).as("median at " + index)
                    .isCloseTo(0, within(monteCarloTolerance(expected, 0.5)));
            assertThat(Math.log(row.low() / expected.get("p10").asDouble())).as("p10 at " + index)
                    .isCloseTo(0, within(monteCarloTolerance(expected, 0.1)));
            assertThat(Math.log(row.high() / expected.get("p90").asDouble())).as("p90 at " + index)
                    .isCloseTo(0, within(monteCarloTolerance(expected, 0.9)));
        }
        // data_analysis.ipynb re-run: at index 115 median 18.362 (80 % band 10.843–31.058); at 1e27.95 median 14.390
        assertThat(Math.abs(Math.log(policy.rows().get(115).median() / 18.362))).isLessThan(0.022);
        assertThat(Math.abs(Math.log(policy.rows().get(199).median() / 14.390))).isLessThan(0.042);
        for (TokensPerParameterPolicy.Row row : policy.rows()) {
            assertThat(row.medianComputeFactor()).isGreaterThanOrEqualTo(1.0);
        }
    }
}
