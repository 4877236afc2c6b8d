package org.scalefit.io;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.scalefit.law.FittedLaw;
import org.scalefit.shapes.OvertrainedShape;
import org.scalefit.shapes.OvertrainingParabola;
import org.scalefit.shapes.RelaxedShape;
import org.scalefit.shapes.ShapeAccounting;
import org.scalefit.shapes.ShapeSearch;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON and CSV forms of Gemstones' overtraining parabola ({@link OvertrainingParabola};
 * Gemstones {@code overtrained_single_parabola.py}): the shape search that supplied the budgets, the laws, the factors, and
 * per budget (a panel of Gemstones' figure) its relaxed optimum, one row per factor — width, depth, relaxed params,
 * tokens t′, FLOPs C′, |C′/C − 1|, the minimised law's loss, the second law's, the "undertrained" losses on the
 * original tokens, and a status ({@code interior}, {@code edge} of the box, or {@code infeasible}) — and the industry
 * models whose loss lies within the band around the panel's interior losses. A {@code run} section with threads and
 * seconds is the only part that changes with the thread count. CSV: one line per budget and factor (no industry
 * models).
 */
public final class ParabolaJson {

    /**
     * A law and where it came from.
     *
     * @param role   how the command line named it ({@code law}, {@code law2})
     * @param file   the file it was read from
     * @param sha256 the file's SHA-256
     * @param law    the law
     */
    public record LawInput(String role, String file, String sha256, FittedLaw law) {
        public LawInput {
            Objects.requireNonNull(law, "law");
        }
    }

    /**
     * One budget: its relaxed optimum, its parabola, and the industry models drawn on its panel.
     *
     * @param row      the bucket's relaxed optimum (the parabola's f = 1 input)
     * @param parabola the parabola through it
     * @param industry the industry models whose loss lies in the panel's band
     */
    public record Panel(RelaxedShape row, OvertrainingParabola parabola, List<IndustryModels.Model> industry) {
        public Panel {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(parabola, "parabola");
            industry = List.copyOf(industry);
        }
    }

    /**
     * A whole analysis.
     *
     * @param search             the shape search that supplied the budgets
     * @param laws               the minimised law, then the second law if any
     * @param parabolaAccounting the accounting of the constrained problem (its relaxed parameter count)
     * @param factors            the overtraining factors
     * @param industry           the industry models, after exclusions (empty when none are drawn)
     * @param industryBand       the band around the panel's losses in which industry models are drawn
     * @param industryExcluded   the names excluded
     * @param panels             one per budget
     */
    public record Analysis(ShapeSearch search, List<LawInput> laws, ShapeAccounting parabolaAccounting,
                           List<Double> factors, Optional<IndustryModels> industry, double industryBand,
                           List<String> industryExcluded, List<Panel> panels) {
        public Analysis {
            Objects.requireNonNull(search, "search");
            laws = List.copyOf(laws);
            if (laws.isEmpty()) {
                throw new IllegalArgumentException("a parabola needs a law");
            }
            Objects.requireNonNull(parabolaAccounting, "parabolaAccounting");
            factors = List.copyOf(factors);
            Objects.requireNonNull(industry, "industry");
            industryExcluded = List.copyOf(industryExcluded);
            panels = List.copyOf(panels);
        }
    }

    private static final String CSV_HEADER = "bucket,budget_flops,factor,status,width,depth,params,tokens,flops,"
            + "flops_relative_error,loss,law2_loss,undertrained_loss,law2_undertrained_loss\n";

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** scalefit's result document for {@code analysis}. */
    public String scalefit(Analysis analysis, String version, int threads, double seconds) {
        ObjectNode root = mapper.createObjectNode();
        root.put("analysis", "overtraining-parabola");
        ShapeSearch search = analysis.search();
        ObjectNode searchNode = root.putObject("search");
        searchNode.put("widths", search.grid().widthCount());
        searchNode.put("shapes", search.grid().shapeCount());
        searchNode.put("token_counts", search.grid().tokenCount());
        searchNode.put("rows", search.grid().rowCount());
        searchNode.put("buckets", search.buckets().count());
        searchNode.put("flops_low", search.buckets().low());
        searchNode.put("flops_high", search.buckets().high());
        searchNode.put("params", search.accounting().parameterCount().label());
        ObjectNode accounting = root.putObject("accounting");
        accounting.put("flop_count", "gemstones-gqa");
        accounting.put("parabola_params", analysis.parabolaAccounting().parameterCount().label());
        ShapeSearchJson.architecture(accounting, analysis.parabolaAccounting().architecture());
        ObjectNode box = root.putObject("box");
        box.put("min_width", OvertrainingParabola.MIN_WIDTH);
        box.put("min_depth", OvertrainingParabola.MIN_DEPTH);
        box.put("edge_width", OvertrainingParabola.EDGE_WIDTH);
        box.put("edge_depth", OvertrainingParabola.EDGE_DEPTH);
        ArrayNode laws = root.putArray("laws");
        for (LawInput law : analysis.laws()) {
            laws.add(law(law));
        }
        ArrayNode factors = root.putArray("factors");
        analysis.factors().forEach(factors::add);
        ObjectNode industry = root.putObject("industry");
        industry.put("drawn", analysis.industry().isPresent());
        analysis.industry().ifPresent(models -> industry.put("source", models.source()).put("sha256",
                models.sha256()));
        industry.put("band", analysis.industryBand());
        ArrayNode excluded = industry.putArray("excluded");
        analysis.industryExcluded().forEach(excluded::add);
        ArrayNode budgets = root.putArray("budgets");
        for (Panel panel : analysis.panels()) {
            budgets.add(panel(panel));
        }
        ObjectNode origin = root.putObject("provenance");
        ArrayNode files = origin.putArray("laws");
        for (LawInput law : analysis.laws()) {
            files.addObject().put("role", law.role()).put("file", law.file()).put("sha256", law.sha256());
        }
        origin.put("scalefit_version", version);
        ObjectNode run = root.putObject("run");
        run.put("threads", threads);
        run.put("seconds", seconds);
        return mapper.writeValueAsString(root) + "\n";
    }

    /** One line per budget and factor, infeasible factors with empty values. */
    public String csv(Analysis analysis) {
        StringBuilder text = new StringBuilder(CSV_HEADER);
        for (Panel panel : analysis.panels()) {
            OvertrainingParabola parabola = panel.parabola();
            String budget = ShapeSearchJson.number(parabola.optimum().flops());
            for (double factor : analysis.factors()) {
                text.append(parabola.bucket()).append(',').append(budget).append(',')
                        .append(ShapeSearchJson.number(factor)).append(',');
                Optional<OvertrainedShape> found = parabola.shapes().stream().filter(s -> s.factor() == factor)
                        .findFirst();
                if (found.isEmpty()) {
                    text.append("infeasible,,,,,,,,,,\n");
                    continue;
                }
                OvertrainedShape shape = found.get();
                text.append(status(shape)).append(',').append(ShapeSearchJson.number(shape.shape().width()))
                        .append(',').append(ShapeSearchJson.number(shape.shape().depth())).append(',')
                        .append(ShapeSearchJson.number(shape.shape().params())).append(',')
                        .append(ShapeSearchJson.number(shape.shape().tokens())).append(',')
                        .append(ShapeSearchJson.number(shape.shape().flops())).append(',')
                        .append(ShapeSearchJson.number(shape.flopsRelativeError())).append(',')
                        .append(ShapeSearchJson.number(shape.shape().loss())).append(',')
                        .append(optional(shape.secondLoss())).append(',')
                        .append(ShapeSearchJson.number(shape.undertrainedLoss())).append(',')
                        .append(optional(shape.secondUndertrainedLoss())).append('\n');
            }
        }
        return text.toString();
    }

    /** {@code interior} or {@code edge} (of Gemstones' box). */
    public static String status(OvertrainedShape shape) {
        return shape.edge() ? "edge" : "interior";
    }

    private ObjectNode law(LawInput input) {
        ObjectNode node = mapper.createObjectNode();
        FittedLaw law = input.law();
        node.put("role", input.role());
        node.put("file", input.file());
        node.put("law", law.form().name());
        ArrayNode inputs = node.putArray("inputs");
        law.form().inputs().forEach(inputs::add);
        ArrayNode exponents = node.putArray("exponents");
        ArrayNode coefficients = node.putArray("coefficients");
        for (int j = 0; j < law.form().arity(); j++) {
            exponents.add(law.exponent(j));
            coefficients.add(law.logCoefficient(j));
        }
        node.put("irreducible_error", law.logIrreducibleError());
        LawWarningsJson.put(node, law.warnings());
        return node;
    }

    private ObjectNode panel(Panel panel) {
        ObjectNode node = mapper.createObjectNode();
        OvertrainingParabola parabola = panel.parabola();
        node.put("bucket", parabola.bucket());
        node.put("flops_low", panel.row().grid().lowerFlops());
        node.put("flops_high", panel.row().grid().upperFlops());
        node.put("budget_flops", parabola.optimum().flops());
        node.put("budget_tokens", parabola.optimum().tokens());
        ObjectNode optimum = ShapeSearchJson.point(node.putObject("optimum"), parabola.optimum());
        optimum.put("improved", panel.row().improved());
        optimum.put("at_bound", panel.row().atBound());
        ArrayNode shapes = node.putArray("shapes");
        for (OvertrainedShape shape : parabola.shapes()) {
            ObjectNode row = shapes.addObject();
            row.put("factor", shape.factor());
            row.put("status", status(shape));
            ShapeSearchJson.point(row, shape.shape());
            row.put("flops_per_token", shape.flopsPerTokenTarget());
            row.put("flops_relative_error", shape.flopsRelativeError());
            optional(row, "law2_loss", shape.secondLoss());
            row.put("undertrained_loss", shape.undertrainedLoss());
            optional(row, "law2_undertrained_loss", shape.secondUndertrainedLoss());
        }
        ArrayNode infeasible = node.putArray("infeasible_factors");
        parabola.infeasibleFactors().forEach(infeasible::add);
        ArrayNode industry = node.putArray("industry_models");
        for (IndustryModels.Model model : panel.industry()) {
            industry.addObject().put("hf_name", model.hfName()).put("loss", model.loss()).put("params", model.params())
                    .put("non_emb_params", model.nonEmbParams()).put("width", model.width())
                    .put("depth", model.depth()).put("vocab_size", model.vocabSize());
        }
        return node;
    }

    private static void optional(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, value.getAsDouble());
        }
    }

    private static String optional(OptionalDouble value) {
        return value.isPresent() ? ShapeSearchJson.number(value.getAsDouble()) : "";
    }
}
