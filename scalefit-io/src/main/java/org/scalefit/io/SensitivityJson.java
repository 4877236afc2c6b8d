package org.scalefit.io;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.data.RunTable;
import org.scalefit.fit.LawFit;
import org.scalefit.sensitivity.AllocationSlopes;
import org.scalefit.sensitivity.DeltaGridPoint;
import org.scalefit.sensitivity.RainbowLine;
import org.scalefit.sensitivity.RainbowTable;
import org.scalefit.sensitivity.ReferenceDesign;
import org.scalefit.sensitivity.SamplingComparison;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON forms of the sensitivity analyses ({@code org.scalefit.sensitivity}): the δ × grid-size sweep, the
 * reduced-sampling comparison and the rainbow table. Each law is written as {@code scalefit fit} writes one
 * (exponents, coefficients and irreducible error in log space) plus A, B, E and the allocation slopes
 * {@code params_slope} = β/(α+β) and {@code tokens_slope} = α/(α+β). Everything but the {@code run} section
 * (threads, seconds) is the same, byte for byte, for the same inputs whatever the thread count; numbers that do not
 * exist (Δ without a base line, slopes of a failed fit) are {@code null}.
 */
public final class SensitivityJson {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The δ × grid-size sweep. */
    public String deltaGrid(List<DeltaGridPoint> points, FitProvenance provenance, int threads, double seconds) {
        ObjectNode root = mapper.createObjectNode();
        root.put("analysis", "delta-grid");
        root.put("law", "chinchilla");
        ArrayNode results = root.putArray("results");
        for (DeltaGridPoint point : points) {
            ObjectNode node = results.addObject();
            node.put("delta", point.delta());
            node.put("grid_size_target", point.grid().target());
            ObjectNode grid = node.putObject("grid");
            grid.put("name", point.grid().name());
            grid.put("exponent_values", point.grid().exponentValues());
            grid.put("coefficient_values", point.grid().coefficientValues());
            grid.put("error_values", point.grid().errorValues());
            grid.put("starts", point.grid().size());
            law(node, point.fit());
        }
        provenance(root, provenance);
        run(root, threads, seconds);
        return mapper.writeValueAsString(root) + "\n";
    }

    /**
     * The reduced-sampling comparison: the comparisons, the design the runs were sampled like, and the samples
     * themselves (each row with its source line).
     */
    public String sampling(List<SamplingComparison> comparisons, ReferenceDesign design, double sampleTokenUnit,
                           Map<String, RunTable> samples, FitProvenance provenance, int threads, double seconds) {
        ObjectNode root = mapper.createObjectNode();
        root.put("analysis", "sampling");
        root.put("law", "chinchilla");
        ArrayNode list = root.putArray("comparisons");
        for (SamplingComparison comparison : comparisons) {
            ObjectNode node = list.addObject();
            node.put("name", comparison.name());
            law(node.putObject("full"), comparison.full());
            law(node.putObject("reduced"), comparison.reduced());
            ObjectNode change = node.putObject("change");
            double[] theta = comparison.parameterChange();
            String[] names = {"alpha", "beta", "log_A", "log_B", "log_E"};
            for (int i = 0; i < names.length; i++) {
                number(change, names[i], theta[i]);
            }
            number(change, "params_slope", comparison.paramsSlopeChange());
            number(change, "tokens_slope", comparison.tokensSlopeChange());
        }
        ObjectNode designNode = root.putObject("design");
        designNode.put("reference_token_unit", design.tokenUnit());
        designNode.put("sample_token_unit", sampleTokenUnit);
        ObjectNode classes = designNode.putObject("tokens_by_size_class");
        design.tokensBySizeClass().forEach((sizeClass, tokens) -> {
            ArrayNode array = classes.putArray(String.format(Locale.ROOT, "%.0f", sizeClass));
            for (double value : tokens) {
                array.add(value);
            }
        });
        ObjectNode sampleNode = root.putObject("samples");
        samples.forEach((name, table) -> sampleNode.set(name, rows(table)));
        provenance(root, provenance);
        run(root, threads, seconds);
        return mapper.writeValueAsString(root) + "\n";
    }

    /** The rainbow table; {@code sources} lists where the lines came from (files with their SHA-256, or fits). */
    public String rainbow(RainbowTable table, List<String> sources, String version) {
        ObjectNode root = mapper.createObjectNode();
        root.put("analysis", "rainbow");
        root.put("sort_compute", table.sortCompute());
        root.set("lines", rainbowRows(table.rows()));
        root.set("references", rainbowRows(table.references()));
        ObjectNode origin = root.putObject("provenance");
        ArrayNode sourceList = origin.putArray("sources");
        sources.forEach(sourceList::add);
        origin.put("scalefit_version", version);
        return mapper.writeValueAsString(root) + "\n";
    }

    private ArrayNode rainbowRows(List<RainbowTable.Row> rows) {
        ArrayNode array = mapper.createArrayNode();
        for (RainbowTable.Row row : rows) {
            RainbowLine line = row.line();
            ObjectNode node = array.addObject();
            node.put("label", line.label());
            node.put("approach", switch (line.family()) {
                case APPROACH_1 -> "approach-1";
                case APPROACH_3 -> "approach-3";
                case REFERENCE -> "reference";
            });
            node.put("tokens", line.variant().tokens());
            node.put("cooldown", line.variant().cooldown());
            node.put("lr_ablation", line.variant().lrAblation());
            node.put("embeddings", line.variant().embeddings());
            node.put("base", line.family() != RainbowLine.Family.REFERENCE && line.variant().isBase());
            node.put("slope", line.slope());
            number(node, "delta", row.delta());
            if (row.baseLabel().isEmpty()) {
                node.putNull("base_line");
            } else {
                node.put("base_line", row.baseLabel());
            }
            node.put("params_at_sort_compute", row.paramsAtSort());
            node.put("scale", line.scale());
            node.put("compute_unit", line.computeUnit());
        }
        return array;
    }

    private void law(ObjectNode node, LawFit fit) {
        node.put("success", fit.succeeded());
        node.put("status", fit.status().label());
        node.put("points", fit.points());
        node.put("delta", fit.delta());
        if (fit.succeeded()) {
            node.put("loss", fit.loss());
            putArray(node, "exponents", fit.exponents());
            putArray(node, "coefficients", fit.logCoefficients());
            node.put("irreducible_error", fit.logIrreducibleError());
            double[] exponents = fit.exponents();
            node.put("alpha", exponents[0]);
            node.put("beta", exponents[1]);
            node.put("A", Math.exp(fit.logCoefficients()[0]));
            node.put("B", Math.exp(fit.logCoefficients()[1]));
            node.put("E", Math.exp(fit.logIrreducibleError()));
        }
        AllocationSlopes slopes = AllocationSlopes.of(fit);
        number(node, "params_slope", slopes.params());
        number(node, "tokens_slope", slopes.tokens());
        var search = fit.search();
        node.put("start_grid", search.grid().name());
        node.put("starts", search.starts());
        node.put("successful_starts", search.successfulStarts());
        node.put("recognised_starts", search.recognisedStarts());
        node.put("polished", search.polished());
        ArrayNode warnings = node.putArray("warnings");
        fit.warnings().forEach(warnings::add);
    }

    private ArrayNode rows(RunTable table) {
        ArrayNode array = mapper.createArrayNode();
        List<String> names = table.columnNames();
        double[][] columns = names.stream().map(table::column).toArray(double[][]::new);
        for (int i = 0; i < table.rows(); i++) {
            ObjectNode row = array.addObject();
            row.put("line", table.sourceLine(i));
            for (int c = 0; c < names.size(); c++) {
                row.put(names.get(c), columns[c][i]);
            }
        }
        return array;
    }

    private static void provenance(ObjectNode root, FitProvenance provenance) {
        ObjectNode origin = root.putObject("provenance");
        origin.put("data", provenance.data());
        origin.put("data_sha256", provenance.dataSha256());
        ArrayNode transforms = origin.putArray("transforms");
        provenance.transforms().forEach(transforms::add);
        origin.put("scalefit_version", provenance.version());
    }

    private static void run(ObjectNode root, int threads, double seconds) {
        ObjectNode run = root.putObject("run");
        run.put("threads", threads);
        run.put("seconds", seconds);
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    private static void putArray(ObjectNode node, String name, double[] values) {
        ArrayNode array = node.putArray(name);
        for (double value : values) {
            array.add(value);
        }
    }
}
