package org.scalefit.io;

import java.util.List;
import org.scalefit.data.Observations;
import org.scalefit.fit.LawFit;
import org.scalefit.heldout.HeldOutEvaluation;
import org.scalefit.heldout.HeldOutFit;
import org.scalefit.heldout.HeldOutReport;
import org.scalefit.heldout.ModelSizes;
import org.scalefit.heldout.SizeError;
import org.scalefit.overtraining.Prediction;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@code scalefit rollout}: the model sizes, the reference fit on all of them with its in-sample
 * errors, and every held-out fit — the sizes it was fitted on, its parameters (log space, as {@code scalefit fit}
 * writes them), warnings, and per predicted size the mean, maximum and mean signed relative error in percent with
 * every point's inputs, observed and predicted loss. Everything but the {@code run} section is the same, byte for
 * byte, whatever the number of threads.
 */
public final class HeldOutJson {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** How the model sizes were formed: the run-key columns and the column they are ordered by. */
    public record SizeColumns(List<String> key, String scale) {

        public SizeColumns {
            key = List.copyOf(key);
        }
    }

    /** The document for {@code report}, made by {@code evaluation} on {@code observations}. */
    public String write(HeldOutReport report, HeldOutEvaluation evaluation, Observations observations,
                        SizeColumns columns, FitProvenance provenance, int threads, double seconds, String version) {
        ObjectNode root = mapper.createObjectNode();
        root.put("mode", report.mode().label());
        root.put("law", report.law().name());
        ArrayNode inputs = root.putArray("inputs");
        report.law().inputs().forEach(inputs::add);
        root.put("delta", report.delta());
        root.put("grid", evaluation.grid().name());
        root.put("grid_size", evaluation.grid().size());
        root.put("points", observations.size());
        ArrayNode key = root.putArray("size_key");
        columns.key().forEach(key::add);
        root.put("size_order", columns.scale());
        ModelSizes sizes = report.sizes();
        ArrayNode sizeList = root.putArray("sizes");
        int[] counts = new int[sizes.count()];
        for (int i = 0; i < sizes.points(); i++) {
            counts[sizes.sizeOf(i)]++;
        }
        for (int s = 0; s < sizes.count(); s++) {
            ObjectNode size = sizeList.addObject();
            size.put("size", s);
            putKey(size.putObject("key"), columns.key(), sizes.key(s));
            size.put(columns.scale(), sizes.scale(s));
            size.put("points", counts[s]);
        }
        root.put("failed_fits", report.failedFits());
        root.set("reference", fit(report.reference(), observations));
        ArrayNode fits = root.putArray("fits");
        for (HeldOutFit fit : report.fits()) {
            fits.add(fit(fit, observations));
        }
        ObjectNode origin = root.putObject("provenance");
        origin.put("data", provenance.data());
        origin.put("data_sha256", provenance.dataSha256());
        ArrayNode transforms = origin.putArray("transforms");
        provenance.transforms().forEach(transforms::add);
        ObjectNode mapping = origin.putObject("columns");
        provenance.columns().forEach(mapping::put);
        origin.put("scalefit_version", version);
        ObjectNode run = root.putObject("run");
        run.put("threads", threads);
        run.put("seconds", seconds);
        return mapper.writeValueAsString(root) + "\n";
    }

    private ObjectNode fit(HeldOutFit heldOut, Observations observations) {
        ObjectNode node = mapper.createObjectNode();
        putInts(node.putArray("fitted_sizes"), heldOut.fittedSizes());
        LawFit fit = heldOut.fit();
        node.put("fitted_points", fit.points());
        node.put("success", fit.succeeded());
        if (fit.succeeded()) {
            node.put("loss", fit.loss());
            putDoubles(node.putArray("exponents"), fit.exponents());
            putDoubles(node.putArray("coefficients"), fit.logCoefficients());
            node.put("irreducible_error", fit.logIrreducibleError());
            node.put("mean_percent_error", heldOut.meanPercentError());
            node.put("max_percent_error", heldOut.maxPercentError());
        }
        node.put("starts", fit.search().starts());
        node.put("successful_starts", fit.search().successfulStarts());
        ArrayNode warnings = node.putArray("warnings");
        fit.warnings().forEach(warnings::add);
        ArrayNode errors = node.putArray("predicted");
        for (SizeError error : heldOut.errors()) {
            ObjectNode size = errors.addObject();
            size.put("size", error.size());
            size.put("mean_percent_error", error.meanPercentError());
            size.put("max_percent_error", error.maxPercentError());
            size.put("mean_signed_percent_error", error.meanSignedPercentError());
            ArrayNode points = size.putArray("points");
            int[] indices = error.points();
            for (int t = 0; t < indices.length; t++) {
                ObjectNode point = points.addObject();
                for (int j = 0; j < observations.arity(); j++) {
                    point.put(observations.inputNames().get(j), observations.input(indices[t], j));
                }
                Prediction prediction = error.predictions().get(t);
                point.put("loss", prediction.observed());
                point.put("predicted", prediction.predicted());
                point.put("percent_error", prediction.percentError());
            }
        }
        return node;
    }

    private static void putKey(ObjectNode node, List<String> names, double[] values) {
        for (int j = 0; j < names.size(); j++) {
            node.put(names.get(j), values[j]);
        }
    }

    private static void putInts(ArrayNode node, int[] values) {
        for (int value : values) {
            node.add(value);
        }
    }

    private static void putDoubles(ArrayNode node, double[] values) {
        for (double value : values) {
            node.add(value);
        }
    }
}
