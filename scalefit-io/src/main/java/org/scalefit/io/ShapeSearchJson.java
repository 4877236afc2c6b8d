package org.scalefit.io;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.scalefit.accounting.Architecture;
import org.scalefit.law.FittedLaw;
import org.scalefit.shapes.BucketOptimum;
import org.scalefit.shapes.FeasibleShapes;
import org.scalefit.shapes.FlopBuckets;
import org.scalefit.shapes.RelaxedShape;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.shapes.ShapePoint;
import org.scalefit.shapes.ShapeSearch;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON and CSV forms of a shape search ({@link ShapeSearch}, optionally refined by {@link RelaxedShape}) and of
 * the feasible-shape enumeration ({@link FeasibleShapes}).
 *
 * <p>JSON: the grid, buckets and accounting used; per law its file, SHA-256, form and θ, the rows in range, and per
 * bucket the grid optimum (width, depth, tokens, params, FLOPs, w/d, tokens/param, predicted loss) with, if refined,
 * the relaxed optimum and its integer-feasible rounding; provenance; and a {@code run} section with threads and
 * seconds — the only part that changes with the thread count. CSV: one line per law, bucket and kind
 * ({@code grid}, {@code relaxed}, {@code rounded}).
 */
public final class ShapeSearchJson {

    /**
     * One law's results.
     *
     * @param role    how the command line named it ({@code law}, {@code law2})
     * @param file    the file it was read from
     * @param sha256  the file's SHA-256
     * @param optima  its per-bucket grid optima
     * @param relaxed their refinements, in the same order (empty when not refined)
     */
    public record LawResult(String role, String file, String sha256, ShapeOptima optima, List<RelaxedShape> relaxed) {
        public LawResult {
            Objects.requireNonNull(optima, "optima");
            relaxed = List.copyOf(relaxed);
            if (!relaxed.isEmpty() && relaxed.size() != optima.optima().size()) {
                throw new IllegalArgumentException("one refinement a bucket optimum, or none");
            }
        }
    }

    private static final String CSV_HEADER = "role,law,bucket,flops_low,flops_high,kind,width,depth,tokens,params,"
            + "flops,ratio,tokens_per_param,loss\n";

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** scalefit's result document for {@code search} and its laws. */
    public String scalefit(ShapeSearch search, List<LawResult> laws, String version, int threads, double seconds) {
        ObjectNode root = mapper.createObjectNode();
        root.put("analysis", "shape-search");
        ObjectNode grid = root.putObject("grid");
        grid.put("widths", search.grid().widthCount());
        grid.put("shapes", search.grid().shapeCount());
        grid.put("token_counts", search.grid().tokenCount());
        grid.put("rows", search.grid().rowCount());
        grid.put("rows_in_range", laws.isEmpty() ? 0 : laws.get(0).optima().rowsInRange());
        FlopBuckets buckets = search.buckets();
        ObjectNode bucketNode = root.putObject("buckets");
        bucketNode.put("count", buckets.count());
        bucketNode.put("low", buckets.low());
        bucketNode.put("high", buckets.high());
        ArrayNode edges = bucketNode.putArray("edges");
        for (double edge : buckets.edges()) {
            edges.add(edge);
        }
        ObjectNode accounting = root.putObject("accounting");
        accounting.put("flop_count", "gemstones-gqa");
        accounting.put("params", search.accounting().parameterCount().label());
        architecture(accounting, search.accounting().architecture());
        ArrayNode lawNodes = root.putArray("laws");
        for (LawResult law : laws) {
            lawNodes.add(law(law));
        }
        ObjectNode origin = root.putObject("provenance");
        ArrayNode files = origin.putArray("laws");
        for (LawResult law : laws) {
            files.addObject().put("role", law.role()).put("file", law.file()).put("sha256", law.sha256());
        }
        origin.put("scalefit_version", version);
        ObjectNode run = root.putObject("run");
        run.put("threads", threads);
        run.put("seconds", seconds);
        return mapper.writeValueAsString(root) + "\n";
    }

    /** One line per law, bucket and kind (grid, and relaxed and rounded when refined). */
    public String csv(List<LawResult> laws) {
        StringBuilder text = new StringBuilder(CSV_HEADER);
        for (LawResult law : laws) {
            List<BucketOptimum> optima = law.optima().optima();
            for (int i = 0; i < optima.size(); i++) {
                BucketOptimum optimum = optima.get(i);
                csvLine(text, law, optimum, "grid", optimum.point());
                if (!law.relaxed().isEmpty()) {
                    csvLine(text, law, optimum, "relaxed", law.relaxed().get(i).relaxed());
                    csvLine(text, law, optimum, "rounded", law.relaxed().get(i).rounded());
                }
            }
        }
        return text.toString();
    }

    /** The feasible shapes as JSON. */
    public String feasible(List<FeasibleShapes.Shape> shapes, Architecture architecture, double tolerance,
                           String version) {
        ObjectNode root = mapper.createObjectNode();
        root.put("analysis", "feasible-shapes");
        root.put("tolerance", tolerance);
        architecture(root.putObject("architecture"), architecture);
        root.put("count", shapes.size());
        ArrayNode rows = root.putArray("shapes");
        for (FeasibleShapes.Shape shape : shapes) {
            rows.addObject().put("target", shape.target()).put("width", shape.width()).put("depth", shape.depth())
                    .put("heads", shape.heads(architecture)).put("params", shape.params())
                    .put("relative_deviation", shape.relativeDeviation());
        }
        root.putObject("provenance").put("scalefit_version", version);
        return mapper.writeValueAsString(root) + "\n";
    }

    /** The feasible shapes as CSV. */
    public String feasibleCsv(List<FeasibleShapes.Shape> shapes, Architecture architecture) {
        StringBuilder text = new StringBuilder("target,width,depth,heads,params,relative_deviation\n");
        for (FeasibleShapes.Shape shape : shapes) {
            text.append(number(shape.target())).append(',').append(shape.width()).append(',').append(shape.depth())
                    .append(',').append(shape.heads(architecture)).append(',').append(number(shape.params()))
                    .append(',').append(number(shape.relativeDeviation())).append('\n');
        }
        return text.toString();
    }

    private ObjectNode law(LawResult result) {
        ObjectNode node = mapper.createObjectNode();
        FittedLaw law = result.optima().law();
        node.put("role", result.role());
        node.put("file", result.file());
        node.put("law", law.form().name());
        ArrayNode inputs = node.putArray("inputs");
        law.form().inputs().forEach(inputs::add);
        int k = law.form().arity();
        ArrayNode exponents = node.putArray("exponents");
        ArrayNode coefficients = node.putArray("coefficients");
        for (int j = 0; j < k; j++) {
            exponents.add(law.exponent(j));
            coefficients.add(law.logCoefficient(j));
        }
        node.put("irreducible_error", law.logIrreducibleError());
        LawWarningsJson.put(node, law.warnings());
        node.put("rows_in_range", result.optima().rowsInRange());
        ArrayNode optima = node.putArray("optima");
        List<BucketOptimum> list = result.optima().optima();
        for (int i = 0; i < list.size(); i++) {
            BucketOptimum optimum = list.get(i);
            ObjectNode row = optima.addObject();
            row.put("bucket", optimum.bucket());
            row.put("flops_low", optimum.lowerFlops());
            row.put("flops_high", optimum.upperFlops());
            point(row, optimum.point());
            if (!result.relaxed().isEmpty()) {
                RelaxedShape relaxed = result.relaxed().get(i);
                ObjectNode continuous = point(row.putObject("relaxed"), relaxed.relaxed());
                continuous.put("improved", relaxed.improved());
                continuous.put("at_bound", relaxed.atBound());
                continuous.put("flops_relative_error", Math.abs(relaxed.relaxed().flops() / relaxed.budget() - 1));
                point(row.putObject("rounded"), relaxed.rounded());
            }
        }
        return node;
    }

    static ObjectNode point(ObjectNode node, ShapePoint point) {
        node.put("width", point.width());
        node.put("depth", point.depth());
        node.put("tokens", point.tokens());
        node.put("params", point.params());
        node.put("flops", point.flops());
        node.put("ratio", point.ratio());
        node.put("tokens_per_param", point.tokensPerParam());
        node.put("loss", point.loss());
        return node;
    }

    static void architecture(ObjectNode node, Architecture architecture) {
        node.put("vocab", architecture.vocabulary());
        node.put("seq_len", architecture.sequenceLength());
        node.put("head_size", architecture.headSize());
        node.put("queries_per_group", architecture.queriesPerGroup());
        node.put("mlp_expansion", architecture.mlpExpansion());
    }

    private static void csvLine(StringBuilder text, LawResult law, BucketOptimum optimum, String kind,
                                ShapePoint point) {
        text.append(law.role()).append(',').append(law.optima().law().form().name()).append(',')
                .append(optimum.bucket()).append(',').append(number(optimum.lowerFlops())).append(',')
                .append(number(optimum.upperFlops())).append(',').append(kind).append(',')
                .append(number(point.width())).append(',').append(number(point.depth())).append(',')
                .append(number(point.tokens())).append(',').append(number(point.params())).append(',')
                .append(number(point.flops())).append(',').append(number(point.ratio())).append(',')
                .append(number(point.tokensPerParam())).append(',').append(number(point.loss())).append('\n');
    }

    /** Shortest round-tripping form; integers without a fraction. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return Double.toString(value);
    }
}
