package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.scalefit.law.Allocation;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.HuberLikelihoodFit;
import org.scalefit.uncertainty.LikelihoodRatioTest;
import org.scalefit.uncertainty.ParameterTests;
import org.scalefit.uncertainty.ResidualComparison;
import org.scalefit.uncertainty.TestStatistic;
import org.scalefit.uncertainty.TestsAgainstReference;
import org.scalefit.uncertainty.TokensPerParameterPolicy;

/**
 * scalefit's result document of {@code scalefit bootstrap --data} (Besiroglu et al. 2024, {@code data_analysis.ipynb}
 * cells 15–24): the Huber-likelihood estimate (Epoch's Fit B) and the pairs-bootstrap summaries of a params/tokens
 * law, with parameters named α, β, A, B, E (untransformed) and log_A, log_B, log_E (log space); optionally the tests
 * against a reference law ({@code tests}: per-parameter t-tests, Wald, residual t-test, likelihood ratios, each with
 * statistic, degrees of freedom and p-value; Besiroglu et al. 2024 §3) and the tokens-per-parameter policy band
 * ({@code policy}: one row per budget with the band's percentiles, the point estimate and the reference policy; cells
 * 63–69). Everything but {@code threads} and {@code seconds} is the same, byte for byte, whatever the thread count.
 * Written and read by {@link Documents}' mapper.
 *
 * @param data       the data's name
 * @param start      the reference law every fit starts from
 * @param estimate   Fit B
 * @param bootstrap  the bootstrap's summaries
 * @param tests      the tests against the reference law; absent when not run
 * @param policy     the policy band; absent when not asked for
 * @param threads    worker threads
 * @param seconds    wall time
 * @param provenance the version
 */
public record EpochBootstrapDocument(String data, String start, Estimate estimate, Bootstrap bootstrap,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) Tests tests,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) Policy policy, int threads,
                                     double seconds, VersionProvenance provenance) implements ResultDocument {

    /** The value of {@link Envelope#analysis()} ({@code scalefit bootstrap --data}, Epoch AI's analysis). */
    public static final String ANALYSIS = "epoch-bootstrap";

    /** One value per parameter of θ in log space: α, β, log A, log B, log E. */
    public record LogSpace<T>(T alpha, T beta, @JsonProperty("log_A") T logA, @JsonProperty("log_B") T logB,
                              @JsonProperty("log_E") T logE) {

        static <T> LogSpace<T> of(IntFunction<T> value) {
            return new LogSpace<>(value.apply(0), value.apply(1), value.apply(2), value.apply(3), value.apply(4));
        }
    }

    /** One value per parameter untransformed: α, β, A, B, E. */
    public record Natural<T>(T alpha, T beta, @JsonProperty("A") T a, @JsonProperty("B") T b,
                             @JsonProperty("E") T e) {

        static <T> Natural<T> of(IntFunction<T> value) {
            return new Natural<>(value.apply(0), value.apply(1), value.apply(2), value.apply(3), value.apply(4));
        }
    }

    /**
     * Fit B: θ in both spaces, the residuals' log scale s, NLL(θ, s), how the optimiser stopped ({@code status}),
     * whether the estimate is an optimum ({@code convergence}: {@code converged}, {@code converged_at_precision_floor}
     * {@code not_stationary} or {@code scale_below_precision}, {@link HuberLikelihoodFit.Convergence}), whether the
     * search's end point failed the stationarity test and was polished ({@code polished},
     * {@link HuberLikelihoodFit#polished()}), the test's evidence at the estimate, in the form fit documents give them
     * ({@link FitDocument.StationarityEvidence}), and, when the estimate is not an optimum, why in words
     * ({@code warning}, {@link HuberLikelihoodFit#warning()}; absent otherwise).
     */
    public record Estimate(@JsonProperty("log_space") LogSpace<Double> logSpace,
                           Natural<Double> untransformed, @JsonProperty("log_scale") double logScale,
                           @JsonProperty("negative_log_likelihood") double negativeLogLikelihood, String status,
                           String convergence, boolean polished,
                           FitDocument.StationarityEvidence stationarity,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String warning) {
    }

    /**
     * The bootstrap: replicates; how their refits ended ({@link BootstrapResult}: converged, at the precision floor,
     * failed, by the stationarity test Fit B is judged by — every one kept in the summaries — with the failed
     * replicates listed, and how many were polished before they were judged); seed and stream, standard errors
     * in both spaces, the 2.5 and 97.5 percentiles untransformed, the covariances, and every replicate's θ when asked
     * for.
     */
    public record Bootstrap(int replicates, int converged,
                            @JsonProperty("at_precision_floor") int atPrecisionFloor, int failed,
                            @JsonProperty("failed_replicates") List<Integer> failedReplicates, int polished,
                            long seed, String stream,
                            @JsonProperty("standard_errors") LogSpace<Double> standardErrors,
                            @JsonProperty("untransformed_standard_errors")
                            Natural<Double> untransformedStandardErrors,
                            @JsonProperty("percentile_2.5") Natural<Double> percentile2p5,
                            @JsonProperty("percentile_97.5") Natural<Double> percentile97p5,
                            List<List<Double>> covariance,
                            @JsonProperty("untransformed_covariance") List<List<Double>> untransformedCovariance,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<List<Double>> draws) {
    }

    /** A test's statistic, degrees of freedom and p-value ({@link TestStatistic}). */
    public record Statistic(double statistic, @JsonProperty("degrees_of_freedom") double degreesOfFreedom,
                            @JsonProperty("p_value") double pValue) {

        static Statistic of(TestStatistic test) {
            return new Statistic(test.value(), test.degreesOfFreedom(), test.pValue());
        }
    }

    /** The tests of the estimate against the reference law ({@link TestsAgainstReference}). */
    public record Tests(String reference, @JsonProperty("parameter_t_tests") ParameterTTests parameterTTests,
                        Wald wald, Residuals residuals,
                        @JsonProperty("likelihood_ratio") LikelihoodRatios likelihoodRatio) {
    }

    /** The per-parameter t-tests in both spaces; {@code notebook} names the space Epoch's notebook reports. */
    public record ParameterTTests(@JsonProperty("degrees_of_freedom") double degreesOfFreedom, String notebook,
                                  Natural<ParameterTest> untransformed,
                                  @JsonProperty("log_space") LogSpace<ParameterTest> logSpace) {
    }

    /** One parameter's estimate, reference value, standard error, t and p-value. */
    public record ParameterTest(double estimate, double reference,
                                @JsonProperty("standard_error") double standardError, double t,
                                @JsonProperty("p_value") double pValue) {

        static ParameterTest of(ParameterTests tests, int j) {
            return new ParameterTest(tests.estimate()[j], tests.reference()[j], tests.standardErrors()[j],
                    tests.tests().get(j).value(), tests.tests().get(j).pValue());
        }
    }

    /** The Wald χ² test of all parameters and the difference it tests (log space). */
    public record Wald(@JsonUnwrapped Statistic test,
                       @JsonProperty("difference_log_space") LogSpace<Double> differenceLogSpace) {
    }

    /** The two-sample t-test of the residuals and their means and mean squares. */
    public record Residuals(@JsonUnwrapped Statistic test, @JsonProperty("reference_mean") double referenceMean,
                            @JsonProperty("estimate_mean") double estimateMean,
                            @JsonProperty("reference_mean_square") double referenceMeanSquare,
                            @JsonProperty("estimate_mean_square") double estimateMeanSquare) {
    }

    /** The likelihood-ratio tests on the fitted points and, when some were excluded, on all points. */
    public record LikelihoodRatios(@JsonProperty("fitted_points") LikelihoodRatio fittedPoints,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("all_points")
                                   LikelihoodRatio allPoints) {
    }

    /** A likelihood-ratio test ({@link LikelihoodRatioTest}). */
    public record LikelihoodRatio(int points, @JsonUnwrapped Statistic test,
                                  @JsonProperty("reference_log_scale") double referenceLogScale,
                                  @JsonProperty("reference_log_likelihood") double referenceLogLikelihood,
                                  @JsonProperty("estimate_log_scale") double estimateLogScale,
                                  @JsonProperty("estimate_log_likelihood") double estimateLogLikelihood) {

        static LikelihoodRatio of(LikelihoodRatioTest test) {
            return new LikelihoodRatio(test.points(), Statistic.of(test.test()), test.referenceLogScale(),
                    test.referenceLogLikelihood(), test.estimateLogScale(), test.estimateLogLikelihood());
        }
    }

    /** The tokens-per-parameter policy band ({@link TokensPerParameterPolicy}). */
    public record Policy(int draws, @JsonProperty("skipped_draws") int skippedDraws, long seed, double coverage,
                         String reference,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("reference_model")
                         ReferenceModel referenceModel,
                         List<PolicyRow> rows) {
    }

    /** The reference's trained model and the policy row of the budget nearest its compute. */
    public record ReferenceModel(double compute, double params, double tokens,
                                 @JsonProperty("tokens_per_param") double tokensPerParam,
                                 @JsonProperty("nearest_row") PolicyRow nearestRow) {
    }

    /**
     * One budget's row: the band's low percentile, median ({@code p50}) and high percentile of D/N, named after the
     * percentile ({@code p10}, {@code p90} for 80 % coverage), the point estimate's D/N, the reference's at the middle
     * and both ends of its exponent interval, and the median compute factor.
     */
    public record PolicyRow(double compute, @JsonAnyGetter @JsonAnySetter Map<String, Double> band,
                            @JsonProperty("point_estimate") double pointEstimate, double reference,
                            @JsonProperty("reference_a_low") double referenceALow,
                            @JsonProperty("reference_a_high") double referenceAHigh,
                            @JsonProperty("compute_factor_p50") double computeFactorP50) {

        public PolicyRow {
            band = band == null ? new LinkedHashMap<>() : band;
        }

        static PolicyRow of(TokensPerParameterPolicy.Row row, String low, String high) {
            Map<String, Double> band = new LinkedHashMap<>();
            band.put(low, row.low());
            band.put("p50", row.median());
            band.put(high, row.high());
            return new PolicyRow(row.compute(), band, row.pointEstimate(), row.reference(),
                    row.referenceAtLowExponent(), row.referenceAtHighExponent(), row.medianComputeFactor());
        }
    }

    /**
     * The document of Fit B {@code estimate} on {@code data}, started from {@code start}, and its {@code bootstrap}
     * drawn with {@code seed} in {@code stream}; {@code draws} adds every replicate. {@code tests} (against the law
     * named {@code reference}) and {@code policy} (with the reference's trained {@code referenceModel}) may be null;
     * {@code transforms} is what was done to the runs as they were read ({@link DataSource#selectionLabels()}).
     */
    public static EpochBootstrapDocument of(String data, String start, HuberLikelihoodFit estimate,
                                            BootstrapResult bootstrap, long seed, String stream, RunTiming run,
                                            boolean draws, String version, List<String> transforms, String reference,
                                            TestsAgainstReference tests, TokensPerParameterPolicy policy,
                                            Allocation referenceModel) {
        double[] theta = estimate.theta();
        double[] natural = theta.clone();
        for (int j = 2; j < natural.length; j++) {
            natural[j] = Math.exp(natural[j]);
        }
        Estimate fit = new Estimate(LogSpace.of(j -> theta[j]), Natural.of(j -> natural[j]), estimate.logScale(),
                estimate.negativeLogLikelihood(), estimate.outcome().status().name(), estimate.convergence().label(),
                estimate.polished(), FitDocument.StationarityEvidence.of(estimate.stationarity()),
                estimate.converged() ? null : estimate.warning());
        double[] se = bootstrap.standardErrors();
        double[] naturalSe = bootstrap.untransformedStandardErrors();
        double[] low = bootstrap.untransformedPercentile(2.5);
        double[] high = bootstrap.untransformedPercentile(97.5);
        int[] failed = bootstrap.failed();
        Bootstrap section = new Bootstrap(bootstrap.count(), bootstrap.converged(),
                bootstrap.atPrecisionFloor().length, failed.length,
                java.util.Arrays.stream(failed).boxed().toList(), bootstrap.polished().length, seed, stream,
                LogSpace.of(j -> se[j]), Natural.of(j -> naturalSe[j]), Natural.of(j -> low[j]),
                Natural.of(j -> high[j]), matrix(bootstrap.covariance()), matrix(bootstrap.untransformedCovariance()),
                draws ? matrix(bootstrap.replicates()) : null);
        return new EpochBootstrapDocument(data, start, fit, section, tests == null ? null : tests(reference, tests),
                policy == null ? null : policy(reference, policy, referenceModel), run.threads(), run.seconds(),
                new VersionProvenance(version, transforms));
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static EpochBootstrapDocument read(Path file) {
        return Documents.read(file, EpochBootstrapDocument.class);
    }

    @Override
    public Envelope envelope() {
        return new Envelope(ANALYSIS, provenance.scalefitVersion(), data, null, bootstrap.seed(),
                new RunTiming(threads, seconds));
    }

    private static Tests tests(String reference, TestsAgainstReference tests) {
        ParameterTests natural = tests.untransformed();
        ParameterTests log = tests.logSpace();
        ResidualComparison residuals = tests.residuals();
        double[] difference = tests.wald().difference();
        return new Tests(reference,
                new ParameterTTests(natural.tests().get(0).degreesOfFreedom(), "untransformed",
                        Natural.of(j -> ParameterTest.of(natural, j)), LogSpace.of(j -> ParameterTest.of(log, j))),
                new Wald(Statistic.of(tests.wald().test()), LogSpace.of(j -> difference[j])),
                new Residuals(Statistic.of(residuals.test()), residuals.referenceMeanResidual(),
                        residuals.estimateMeanResidual(), residuals.referenceMeanSquare(),
                        residuals.estimateMeanSquare()),
                new LikelihoodRatios(LikelihoodRatio.of(tests.likelihoodRatio()),
                        tests.likelihoodRatioAllPoints().map(LikelihoodRatio::of).orElse(null)));
    }

    private static Policy policy(String reference, TokensPerParameterPolicy policy, Allocation referenceModel) {
        double lowPercentile = (100 - policy.coverage()) / 2;
        String low = percentileName(lowPercentile);
        String high = percentileName(100 - lowPercentile);
        ReferenceModel model = null;
        if (referenceModel != null) {
            model = new ReferenceModel(referenceModel.compute(), referenceModel.params(), referenceModel.tokens(),
                    referenceModel.tokensPerParam(),
                    PolicyRow.of(policy.nearest(referenceModel.compute()), low, high));
        }
        List<PolicyRow> rows = new ArrayList<>();
        for (TokensPerParameterPolicy.Row row : policy.rows()) {
            rows.add(PolicyRow.of(row, low, high));
        }
        return new Policy(policy.draws(), policy.skipped(), policy.seed(), policy.coverage(), reference, model, rows);
    }

    /** "p10" for 10, "p2.5" for 2.5. */
    private static String percentileName(double percentile) {
        return "p" + (percentile == Math.rint(percentile) ? Long.toString((long) percentile)
                : BigDecimal.valueOf(percentile).stripTrailingZeros().toPlainString());
    }

    private static List<List<Double>> matrix(double[][] rows) {
        List<List<Double>> matrix = new ArrayList<>(rows.length);
        for (double[] row : rows) {
            matrix.add(List.copyOf(SensitivityLaw.list(row)));
        }
        return matrix;
    }
}
