package org.scalefit.io;

import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.HuberLikelihoodFit;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@code scalefit bootstrap}: the Huber-likelihood estimate (Epoch's Fit B) and the pairs-bootstrap
 * summaries, with parameters named α, β, A, B, E (untransformed) and log_A, log_B, log_E (log space).
 */
public final class BootstrapJson {

    private static final String[] LOG_NAMES = {"alpha", "beta", "log_A", "log_B", "log_E"};
    private static final String[] NAMES = {"alpha", "beta", "A", "B", "E"};

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The document for a Chinchilla-form estimate and its bootstrap; {@code replicates} adds every draw. */
    public String write(String data, String start, HuberLikelihoodFit estimate, BootstrapResult bootstrap, long seed,
                        String stream, int threads, double seconds, boolean replicates, String version) {
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
        root.put("threads", threads);
        root.put("seconds", seconds);
        root.putObject("provenance").put("scalefit_version", version);
        return mapper.writeValueAsString(root) + "\n";
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
