package org.scalefit.io;

import java.util.List;
import java.util.Map;
import org.scalefit.overtraining.DownstreamFit;
import org.scalefit.overtraining.FitReport;
import org.scalefit.overtraining.HeldOutPrediction;
import org.scalefit.overtraining.ModelRun;
import org.scalefit.overtraining.OvertrainingAnalysis;
import org.scalefit.overtraining.OvertrainingLaw;
import org.scalefit.overtraining.Prediction;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of an {@link OvertrainingAnalysis} on a {@link GadreTestbed}: the loss law in its three
 * parametrisations with its fit report and fit points, each downstream law with its report and points, every
 * target's observed and predicted loss and errors with relative errors, and provenance. Non-finite numbers (the
 * parameters of a failed fit) are written as {@code null}.
 */
public final class OvertrainingJson {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * The result document.
     *
     * @param testbed  the runs read (for provenance)
     * @param dataset  the training dataset analysed
     * @param analysis the fits and predictions
     * @param version  scalefit's version
     */
    public String write(GadreTestbed testbed, String dataset, OvertrainingAnalysis analysis, String version) {
        ObjectNode root = mapper.createObjectNode();
        root.put("analysis", analysis.downstreamFits().isEmpty() ? "gadre-overtraining" : "gadre-downstream");
        root.put("dataset", dataset);
        root.put("loss_set", testbed.lossSet());
        root.set("loss_law", lossLaw(analysis));
        ObjectNode downstream = root.putObject("downstream");
        analysis.downstreamFits().forEach((key, fit) -> downstream.set(key, downstreamLaw(fit,
                analysis.split().downstreamFit())));
        ArrayNode predictions = root.putArray("predictions");
        for (HeldOutPrediction prediction : analysis.predictions()) {
            predictions.add(prediction(prediction));
        }
        ObjectNode provenance = root.putObject("provenance");
        provenance.put("data", testbed.source());
        provenance.put("data_sha256", testbed.contentHash());
        provenance.put("scalefit_version", version);
        return mapper.writeValueAsString(root) + "\n";
    }

    private ObjectNode lossLaw(OvertrainingAnalysis analysis) {
        OvertrainingLaw law = analysis.lossFit().law();
        ObjectNode node = mapper.createObjectNode();
        node.put("form", "L(N, M) = E + alpha*N^b + beta*6^(b/2)*(M*N)^b");
        put(node, "alpha", law.alpha());
        put(node, "beta", law.beta());
        put(node, "b", law.exponent());
        put(node, "E", law.irreducible());
        OvertrainingLaw.ComputeForm compute = law.computeForm();
        ObjectNode computeNode = node.putObject("compute_form");
        computeNode.put("form", "L(C, M) = E + (a*M^eta + b*M^-eta)*C^-eta");
        put(computeNode, "a", compute.a());
        put(computeNode, "b", compute.b());
        put(computeNode, "eta", compute.eta());
        put(computeNode, "E", compute.irreducible());
        ObjectNode tokens = node.putObject("tokens_form");
        tokens.put("form", "L(N, D) = E + A*N^b + B*D^b");
        put(tokens, "A", law.alpha());
        put(tokens, "B", law.tokensCoefficient());
        put(tokens, "b", law.exponent());
        put(tokens, "E", law.irreducible());
        node.set("fit", report(analysis.lossFit().report()));
        node.set("points", names(analysis.split().lossFit()));
        return node;
    }

    private ObjectNode downstreamLaw(DownstreamFit fit, List<ModelRun> points) {
        ObjectNode node = mapper.createObjectNode();
        node.put("form", "Err(L) = epsilon - k*exp(-gamma*L)");
        put(node, "k", fit.law().k());
        put(node, "gamma", fit.law().gamma());
        put(node, "epsilon", fit.law().epsilon());
        node.set("fit", report(fit.report()));
        node.set("points", names(points));
        return node;
    }

    private ObjectNode report(FitReport report) {
        ObjectNode node = mapper.createObjectNode();
        node.put("solver", report.solver().label());
        node.put("status", report.status().name().toLowerCase(java.util.Locale.ROOT));
        node.put("points", report.points());
        node.put("parameters", report.parameters());
        put(node, "sum_of_squares", report.sumOfSquares());
        put(node, "residual_scale", report.residualScale());
        node.put("starts", report.starts());
        node.put("converged_starts", report.convergedStarts());
        node.put("starts_at_optimum", report.startsAtOptimum());
        node.put("best_start", report.bestStart());
        node.put("evaluations", report.evaluations());
        put(node, "condition_number", report.conditionNumber());
        ArrayNode warnings = node.putArray("warnings");
        report.warnings().forEach(warnings::add);
        return node;
    }

    private ObjectNode prediction(HeldOutPrediction prediction) {
        ModelRun run = prediction.run();
        ObjectNode node = mapper.createObjectNode();
        node.put("run", run.name());
        node.put("model", run.model());
        node.put("params", run.params());
        node.put("tokens", run.tokens());
        node.put("tokens_per_param", run.tokensPerParam());
        node.put("compute", run.compute());
        node.put("in_loss_fit", prediction.inLossFit());
        node.put("in_downstream_fit", prediction.inDownstreamFit());
        node.set("loss", values(prediction.loss()));
        ObjectNode errors = node.putObject("error");
        for (Map.Entry<String, Prediction> entry : prediction.error().entrySet()) {
            ObjectNode error = values(entry.getValue());
            put(error, "predicted_at_observed_loss",
                    prediction.errorAtObservedLoss().get(entry.getKey()).predicted());
            errors.set(entry.getKey(), error);
        }
        return node;
    }

    private ObjectNode values(Prediction prediction) {
        ObjectNode node = mapper.createObjectNode();
        put(node, "observed", prediction.observed());
        put(node, "predicted", prediction.predicted());
        put(node, "relative_error", prediction.relativeError());
        return node;
    }

    private ArrayNode names(List<ModelRun> runs) {
        ArrayNode array = mapper.createArrayNode();
        runs.forEach(run -> array.add(run.name()));
        return array;
    }

    private static void put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
