package org.scalefit.io;

import org.scalefit.data.RunTable;
import org.scalefit.frontier.Approach1;
import org.scalefit.frontier.LogLogFit;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.frontier.Overspending;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON forms of an {@link Approach1} analysis: scalefit's (frontier runs with their source lines, the three fits
 * with R² and bootstrap intervals, every run's overspend, optional binning minimisers, each shape's exact-FLOPs/6N
 * ratio, provenance) and Gemstones'
 * {@code approach_1_linear_regression_*.json} shape ({@code {"coef":[slope],"intercept":…,"approach":1,"label":…}}).
 */
public final class FrontierResultJson {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** scalefit's result document. */
    public String scalefit(String resource, Approach1 analysis, LossFrontier binned, Overspending overspending,
                           java.util.List<double[]> accountingRatios, RunTable table, double[] params,
                           double[] tokens, FitProvenance provenance) {
        ObjectNode root = mapper.createObjectNode();
        root.put("analysis", "approach-1");
        root.put("resource", resource);
        root.put("runs", table.rows());
        root.set("frontier", runs(analysis.frontier(), table, params, tokens));
        ObjectNode fits = root.putObject("fits");
        fits.set("params", fit(analysis.params()));
        fits.set("tokens", fit(analysis.tokens()));
        fits.set("tokens_per_param", fit(analysis.tokensPerParam()));
        if (binned != null) {
            root.set("bin_minimizers", runs(binned, table, params, tokens));
        }
        ArrayNode spend = root.putArray("overspend_percent");
        for (double percent : overspending.percent()) {
            spend.add(percent);
        }
        ArrayNode shapes = root.putArray("flops_accounting");
        for (double[] shape : accountingRatios) {
            shapes.addObject().put("width", shape[0]).put("depth", shape[1]).put("exact_over_6n", shape[2]);
        }
        ObjectNode origin = root.putObject("provenance");
        origin.put("data", provenance.data());
        origin.put("data_sha256", provenance.dataSha256());
        ArrayNode transforms = origin.putArray("transforms");
        provenance.transforms().forEach(transforms::add);
        origin.put("scalefit_version", provenance.version());
        return mapper.writeValueAsString(root) + "\n";
    }

    /** Gemstones' parameter-file shape for one fit. */
    public String gemstones(LogLogFit fit, String label) {
        ObjectNode root = mapper.createObjectNode();
        root.putArray("coef").add(fit.slope());
        root.put("intercept", fit.intercept());
        root.put("approach", 1);
        root.put("label", label);
        return mapper.writeValueAsString(root) + "\n";
    }

    private ArrayNode runs(LossFrontier frontier, RunTable table, double[] params, double[] tokens) {
        ArrayNode array = mapper.createArrayNode();
        int[] rows = frontier.rows();
        boolean shapes = table.hasColumn("width") && table.hasColumn("depth");
        double[] width = shapes ? table.column("width") : null;
        double[] depth = shapes ? table.column("depth") : null;
        for (int t = 0; t < rows.length; t++) {
            int i = rows[t];
            ObjectNode run = array.addObject();
            run.put("line", table.sourceLine(i));
            if (shapes) {
                run.put("width", width[i]);
                run.put("depth", depth[i]);
            }
            run.put("params", params[i]);
            run.put("tokens", tokens[i]);
            run.put("resource", frontier.resource()[t]);
            run.put("loss", frontier.loss()[t]);
        }
        return array;
    }

    private ObjectNode fit(LogLogFit fit) {
        ObjectNode node = mapper.createObjectNode();
        node.put("slope", fit.slope());
        node.put("intercept", fit.intercept());
        node.put("r_squared", fit.rSquared());
        node.put("points", fit.points());
        if (fit.resamples() > 0) {
            ArrayNode slope = node.putArray("slope_interval_95");
            slope.add(fit.slopeInterval()[0]).add(fit.slopeInterval()[1]);
            ArrayNode intercept = node.putArray("intercept_interval_95");
            intercept.add(fit.interceptInterval()[0]).add(fit.interceptInterval()[1]);
            node.put("bootstrap_resamples", fit.resamples());
        }
        return node;
    }
}
