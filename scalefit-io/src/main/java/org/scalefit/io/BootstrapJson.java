package org.scalefit.io;

import org.scalefit.law.Allocation;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.HuberLikelihoodFit;
import org.scalefit.uncertainty.LikelihoodRatioTest;
import org.scalefit.uncertainty.ParameterTests;
import org.scalefit.uncertainty.ResidualComparison;
import org.scalefit.uncertainty.TestStatistic;
import org.scalefit.uncertainty.TestsAgainstReference;
import org.scalefit.uncertainty.TokensPerParameterPolicy;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@code scalefit bootstrap}: the Huber-likelihood estimate (Epoch's Fit B) and the pairs-bootstrap
 * summaries, with parameters named α, β, A, B, E (untransformed) and log_A, log_B, log_E (log space); optionally the
 * tests against a reference law ({@code tests}: per-parameter t-tests, Wald, residual t-test, likelihood ratios,
 * each with statistic, degrees of freedom and p-value) and the tokens-per-parameter policy band ({@code policy}: one
 * row per budget with the band's percentiles, the point estimate and the reference policy).
 */
public final class BootstrapJson {

    private static final String[] LOG_NAMES = {"alpha", "beta", "log_A", "log_B", "log_E"};
    private static final String[] NAMES = {"alpha", "beta", "A", "B", "E"};

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The document for a Chinchilla-form estimate and its bootstrap; {@code replicates} adds every draw. */
    public String write(String data, String start, HuberLikelihoodFit estimate, BootstrapResult bootstrap, long seed,
                        String stream, int threads, double seconds, boolean replicates, String version) {
        return write(data, start, estimate, bootstrap, seed, stream, threads, seconds, replicates, version, null, null,
                null, null);
    }

    /**
     * The same document with Epoch's tests of the estimate against the reference law {@code reference}
     * ({@code tests}) and the tokens-per-parameter policy band ({@code policy}, with the reference's trained model
     * {@code referenceModel} marked on it); each of the last three may be null (section omitted).
     */
    public String write(String data, String start, HuberLikelihoodFit estimate, BootstrapResult bootstrap, long seed,
                        String stream, int threads, double seconds, boolean replicates, String version,
                        String reference, TestsAgainstReference tests, TokensPerParameterPolicy policy,
                        Allocation referenceModel) {
        ObjectNode root = mapper.createObjectNode();
        root.put("data", data);
        root.put("start", start);
        ObjectNode fit = root.putObject("estimate");
        double[] theta = estimate.theta();
        putVector(fit.putObject("log_space"), LOG_NAMES, theta);
        putVector(fit.putObject("untransformed"), NAMES, untransform(theta));
        fit.put("log_scale", estimate.logScale());
        fit.put("negative_log_likelihood", estimate.negativeLogLikelihood());
        fit.put("status", estimate.outcome().status().name());
        ObjectNode boot = root.putObject("bootstrap");
        boot.put("replicates", bootstrap.count());
        boot.put("converged", bootstrap.converged());
        boot.put("seed", seed);
        boot.put("stream", stream);
        putVector(boot.putObject("standard_errors"), LOG_NAMES, bootstrap.standardErrors());
        putVector(boot.putObject("untransformed_standard_errors"), NAMES, bootstrap.untransformedStandardErrors());
        putVector(boot.putObject("percentile_2.5"), NAMES, bootstrap.untransformedPercentile(2.5));
        putVector(boot.putObject("percentile_97.5"), NAMES, bootstrap.untransformedPercentile(97.5));
        putMatrix(boot.putArray("covariance"), bootstrap.covariance());
        putMatrix(boot.putArray("untransformed_covariance"), bootstrap.untransformedCovariance());
        if (replicates) {
            putMatrix(boot.putArray("draws"), bootstrap.replicates());
        }
        if (tests != null) {
            putTests(root.putObject("tests"), reference, tests);
        }
        if (policy != null) {
            putPolicy(root.putObject("policy"), reference, policy, referenceModel);
        }
        root.put("threads", threads);
        root.put("seconds", seconds);
        root.putObject("provenance").put("scalefit_version", version);
        return mapper.writeValueAsString(root) + "\n";
    }

    private static void putTests(ObjectNode node, String reference, TestsAgainstReference tests) {
        node.put("reference", reference);
        ObjectNode parameters = node.putObject("parameter_t_tests");
        parameters.put("degrees_of_freedom", tests.untransformed().tests().get(0).degreesOfFreedom());
        parameters.put("notebook", "untransformed");
        putParameterTests(parameters.putObject("untransformed"), NAMES, tests.untransformed());
        putParameterTests(parameters.putObject("log_space"), LOG_NAMES, tests.logSpace());
        ObjectNode wald = node.putObject("wald");
        putStatistic(wald, tests.wald().test());
        putVector(wald.putObject("difference_log_space"), LOG_NAMES, tests.wald().difference());
        ResidualComparison residuals = tests.residuals();
        ObjectNode comparison = node.putObject("residuals");
        putStatistic(comparison, residuals.test());
        comparison.put("reference_mean", residuals.referenceMeanResidual());
        comparison.put("estimate_mean", residuals.estimateMeanResidual());
        comparison.put("reference_mean_square", residuals.referenceMeanSquare());
        comparison.put("estimate_mean_square", residuals.estimateMeanSquare());
        ObjectNode ratios = node.putObject("likelihood_ratio");
        putLikelihoodRatio(ratios.putObject("fitted_points"), tests.likelihoodRatio());
        tests.likelihoodRatioAllPoints().ifPresent(test -> putLikelihoodRatio(ratios.putObject("all_points"), test));
    }

    private static void putParameterTests(ObjectNode node, String[] names, ParameterTests tests) {
        double[] estimate = tests.estimate();
        double[] reference = tests.reference();
        double[] se = tests.standardErrors();
        for (int j = 0; j < names.length; j++) {
            ObjectNode parameter = node.putObject(names[j]);
            parameter.put("estimate", estimate[j]);
            parameter.put("reference", reference[j]);
            parameter.put("standard_error", se[j]);
            parameter.put("t", tests.tests().get(j).value());
            parameter.put("p_value", tests.tests().get(j).pValue());
        }
    }

    private static void putLikelihoodRatio(ObjectNode node, LikelihoodRatioTest test) {
        node.put("points", test.points());
        putStatistic(node, test.test());
        node.put("reference_log_scale", test.referenceLogScale());
        node.put("reference_log_likelihood", test.referenceLogLikelihood());
        node.put("estimate_log_scale", test.estimateLogScale());
        node.put("estimate_log_likelihood", test.estimateLogLikelihood());
    }

    private static void putStatistic(ObjectNode node, TestStatistic statistic) {
        node.put("statistic", statistic.value());
        node.put("degrees_of_freedom", statistic.degreesOfFreedom());
        node.put("p_value", statistic.pValue());
    }

    private static void putPolicy(ObjectNode node, String reference, TokensPerParameterPolicy policy,
                                  Allocation referenceModel) {
        double lowPercentile = (100 - policy.coverage()) / 2;
        String low = percentileName(lowPercentile);
        String high = percentileName(100 - lowPercentile);
        node.put("draws", policy.draws());
        node.put("skipped_draws", policy.skipped());
        node.put("seed", policy.seed());
        node.put("coverage", policy.coverage());
        node.put("reference", reference);
        if (referenceModel != null) {
            ObjectNode model = node.putObject("reference_model");
            model.put("compute", referenceModel.compute());
            model.put("params", referenceModel.params());
            model.put("tokens", referenceModel.tokens());
            model.put("tokens_per_param", referenceModel.tokensPerParam());
            TokensPerParameterPolicy.Row nearest = policy.nearest(referenceModel.compute());
            ObjectNode row = model.putObject("nearest_row");
            putPolicyRow(row, nearest, low, high);
        }
        ArrayNode rows = node.putArray("rows");
        for (TokensPerParameterPolicy.Row row : policy.rows()) {
            putPolicyRow(rows.addObject(), row, low, high);
        }
    }

    private static void putPolicyRow(ObjectNode node, TokensPerParameterPolicy.Row row, String low, String high) {
        node.put("compute", row.compute());
        node.put(low, row.low());
        node.put("p50", row.median());
        node.put(high, row.high());
        node.put("point_estimate", row.pointEstimate());
        node.put("reference", row.reference());
        node.put("reference_a_low", row.referenceAtLowExponent());
        node.put("reference_a_high", row.referenceAtHighExponent());
        node.put("compute_factor_p50", row.medianComputeFactor());
    }

    /** "p10" for 10, "p2.5" for 2.5. */
    private static String percentileName(double percentile) {
        return "p" + (percentile == Math.rint(percentile) ? Long.toString((long) percentile)
                : java.math.BigDecimal.valueOf(percentile).stripTrailingZeros().toPlainString());
    }

    private static double[] untransform(double[] theta) {
        double[] out = theta.clone();
        for (int j = 2; j < out.length; j++) {
            out[j] = Math.exp(out[j]);
        }
        return out;
    }

    private static void putVector(ObjectNode node, String[] names, double[] values) {
        for (int j = 0; j < names.length; j++) {
            node.put(names[j], values[j]);
        }
    }

    private static void putMatrix(ArrayNode node, double[][] rows) {
        for (double[] row : rows) {
            ArrayNode out = node.addArray();
            for (double value : row) {
                out.add(value);
            }
        }
    }
}
