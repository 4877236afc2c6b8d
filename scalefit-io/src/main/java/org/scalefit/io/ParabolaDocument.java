package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.scalefit.io.ShapeSearchDocument.Architecture;
import org.scalefit.io.ShapeSearchDocument.LawParameters;
import org.scalefit.io.ShapeSearchDocument.LawSource;
import org.scalefit.io.ShapeSearchDocument.LawsProvenance;
import org.scalefit.io.ShapeSearchDocument.Point;
import org.scalefit.shapes.OvertrainedShape;
import org.scalefit.shapes.OvertrainingParabola;
import org.scalefit.shapes.RelaxedShape;
import org.scalefit.shapes.ShapeSearch;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.ParabolaBands;

/**
 * scalefit's result document of Gemstones' overtraining parabola ({@link OvertrainingParabola}; McLeish et al. 2025
 * §4.3, {@code plotters/overtrained_single_parabola.py}): the shape search that supplied the budgets, the accounting
 * and box of the constrained problem, the laws, the factors, the industry models' source, and per budget (a panel of
 * Gemstones' figure) its relaxed optimum, one row per feasible factor — the shape, its FLOPs per token target, |C′/C −
 * 1|, the second law's loss, the "undertrained" losses on the optimum's tokens t* (Gemstones' name; for f &lt; 1
 * more tokens and FLOPs than the budget, not undertraining), and a status ({@code interior} or
 * {@code edge} of the box) — the infeasible factors and the industry models drawn on the panel; the laws' files; the
 * run. All but {@code run} is the same, byte for byte, whatever the thread count. Written and read by
 * {@link Documents}' mapper.
 *
 * @param analysis   always {@code overtraining-parabola}
 * @param search     the shape search that supplied the budgets
 * @param accounting how FLOPs and the relaxed parameter count were computed
 * @param box        the optimum's box, the factor shapes' box and its edge, as the text output states them
 * @param laws       the minimised law, then the second law if any
 * @param factors    the overtraining factors
 * @param industry   whether and from where industry models are drawn
 * @param budgets    one panel per budget
 * @param bands      the bootstrap bands of the parabolas ({@link ParabolaBands}), absent unless asked for
 * @param provenance the laws' files and the version
 * @param run        threads and wall time
 */
public record ParabolaDocument(String analysis, Search search, Accounting accounting, Box box,
                               List<LawParameters> laws, List<Double> factors, Industry industry,
                               List<Panel> budgets, @JsonInclude(JsonInclude.Include.NON_NULL) Bands bands,
                               LawsProvenance provenance, RunTiming run)
        implements ResultDocument {

    /** The value of {@code analysis}. */
    public static final String ANALYSIS = "overtraining-parabola";

    public ParabolaDocument {
        laws = List.copyOf(laws);
        factors = List.copyOf(factors);
        budgets = List.copyOf(budgets);
    }

    /** The shape search's grid, buckets and parameter count. */
    public record Search(long widths, long shapes, @JsonProperty("token_counts") long tokenCounts, long rows,
                         int buckets, @JsonProperty("flops_low") double flopsLow,
                         @JsonProperty("flops_high") double flopsHigh, String params) {
    }

    /** The FLOPs count (Gemstones' GQA count), the parabola's parameter count and the architecture. */
    public record Accounting(@JsonProperty("flop_count") String flopCount,
                             @JsonProperty("parabola_params") String parabolaParams,
                             @JsonUnwrapped Architecture architecture) {
    }

    /**
     * The two boxes Gemstones searches, as the text output states them: the optimum's (the shape search's shape
     * refined over width &ge; 256, depth &ge; 2, {@link RelaxedShape}; {@code optimize_row}) and the factor shapes'
     * (width &ge; 256, depth &ge; 1, {@link OvertrainingParabola}; {@code overtrained_single_parabola.py}), and the
     * edge of the latter, at or below which a shape is dropped as Gemstones drops it.
     *
     * @param optimumMinWidth the smallest width of the optimum's box
     * @param optimumMinDepth the smallest depth of the optimum's box
     * @param minWidth        the smallest width of the factor shapes' box
     * @param minDepth        the smallest depth of the factor shapes' box
     * @param edgeWidth       a factor shape of width at or below this is at the edge
     * @param edgeDepth       a factor shape of depth at or below this is at the edge
     */
    @JsonPropertyOrder({"optimum_min_width", "optimum_min_depth", "min_width", "min_depth", "edge_width",
            "edge_depth"})
    public record Box(@JsonProperty("optimum_min_width") double optimumMinWidth,
                      @JsonProperty("optimum_min_depth") double optimumMinDepth,
                      @JsonProperty("min_width") double minWidth, @JsonProperty("min_depth") double minDepth,
                      @JsonProperty("edge_width") double edgeWidth, @JsonProperty("edge_depth") double edgeDepth) {
    }

    /** Whether industry models are drawn, their file and SHA-256 when they are, the band and the exclusions. */
    public record Industry(boolean drawn, @JsonInclude(JsonInclude.Include.NON_NULL) String source,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String sha256, double band,
                           List<String> excluded) {

        public Industry {
            excluded = List.copyOf(excluded);
        }
    }

    /**
     * One budget: its bucket and range, C and t, its relaxed optimum, the shapes per factor, the industry models, and
     * why the optimum lies outside the runs the law was fitted on (absent when it does not).
     */
    public record Panel(int bucket, @JsonProperty("flops_low") double flopsLow,
                        @JsonProperty("flops_high") double flopsHigh,
                        @JsonProperty("budget_flops") double budgetFlops,
                        @JsonProperty("budget_tokens") double budgetTokens, Optimum optimum, List<Shape> shapes,
                        @JsonProperty("infeasible_factors") List<Double> infeasibleFactors,
                        @JsonProperty("industry_models") List<IndustryModel> industryModels,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> extrapolations) {

        public Panel {
            shapes = List.copyOf(shapes);
            infeasibleFactors = List.copyOf(infeasibleFactors);
            industryModels = List.copyOf(industryModels);
            extrapolations = extrapolations == null ? List.of() : List.copyOf(extrapolations);
        }
    }

    /** The budget's relaxed optimum, whether it improved on the grid's and whether it lies at a bound. */
    public record Optimum(@JsonUnwrapped Point point, boolean improved,
                          @JsonProperty("at_bound") boolean atBound) {
    }

    /**
     * The shape of least loss for one factor ({@link OvertrainedShape}); {@code below_optimum}, written only when
     * true (null otherwise), marks a shape shallower than the optimum's box (depth &lt; 2) whose loss is below the
     * optimum's ({@link OvertrainingParabola#belowOptimumOutsideItsBox()}).
     */
    public record Shape(double factor, String status, @JsonUnwrapped Point point,
                        @JsonProperty("flops_per_token") double flopsPerToken,
                        @JsonProperty("flops_relative_error") double flopsRelativeError,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("law2_loss") Double law2Loss,
                        @JsonProperty("undertrained_loss") double undertrainedLoss,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("law2_undertrained_loss")
                        Double law2UndertrainedLoss,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("below_optimum")
                        Boolean belowOptimum) {

        static Shape of(OvertrainedShape shape, boolean belowOptimum) {
            return new Shape(shape.factor(), ParabolaJson.status(shape), Point.of(shape.shape()),
                    shape.flopsPerTokenTarget(), shape.flopsRelativeError(), orNull(shape.secondLoss()),
                    shape.undertrainedLoss(), orNull(shape.secondUndertrainedLoss()),
                    belowOptimum ? Boolean.TRUE : null);
        }
    }

    /**
     * The bootstrap bands of the parabolas: the bootstrap document and its SHA-256, the coverage, the replicates
     * traced and those left out, and per budget and factor the spread of the relative loss penalty L(f)/L(1) − 1 and
     * of the shape's width, depth and tokens over the replicates that meet the factor.
     */
    public record Bands(@JsonUnwrapped BandsProvenance source, List<BudgetBands> budgets) {

        public Bands {
            budgets = List.copyOf(budgets);
        }

        static Bands of(ParabolaJson.Bootstrapped bootstrapped) {
            ParabolaBands bands = bootstrapped.bands();
            List<BudgetBands> budgets = new ArrayList<>();
            for (ParabolaBands.BucketBands bucket : bands.buckets()) {
                List<FactorBand> factors = new ArrayList<>();
                for (ParabolaBands.FactorBand factor : bucket.factors()) {
                    factors.add(new FactorBand(factor.factor(), spread(factor.penalty()), spread(factor.width()),
                            spread(factor.depth()), spread(factor.tokens()), factor.feasible(), factor.atEdge()));
                }
                budgets.add(new BudgetBands(bucket.bucket(), factors));
            }
            return new Bands(BandsProvenance.of(bootstrapped.file(), bootstrapped.sha256(), bands.level(),
                    bands.used(), bands.leftOut(), bootstrapped.unidentified()), budgets);
        }

        private static FitBootstrapDocument.Spread spread(AllocationBands.Spread spread) {
            return spread == null ? null : FitBootstrapDocument.Spread.of(spread);
        }
    }

    /** One budget's bands, one per factor. */
    public record BudgetBands(int bucket, List<FactorBand> factors) {

        public BudgetBands {
            factors = List.copyOf(factors);
        }
    }

    /**
     * One factor's spread over the replicates that meet it (absent where fewer than 2 do), how many meet it, and
     * how many of those end at the edge of the box.
     */
    @JsonPropertyOrder({"factor", "penalty", "width", "depth", "tokens", "feasible", "at_edge"})
    public record FactorBand(double factor,
                             @JsonInclude(JsonInclude.Include.NON_NULL) FitBootstrapDocument.Spread penalty,
                             @JsonInclude(JsonInclude.Include.NON_NULL) FitBootstrapDocument.Spread width,
                             @JsonInclude(JsonInclude.Include.NON_NULL) FitBootstrapDocument.Spread depth,
                             @JsonInclude(JsonInclude.Include.NON_NULL) FitBootstrapDocument.Spread tokens,
                             int feasible, @JsonProperty("at_edge") int atEdge) {
    }

    /** A released model drawn on a panel ({@link IndustryModels.Model}). */
    public record IndustryModel(@JsonProperty("hf_name") String hfName, double loss, long params,
                                @JsonProperty("non_emb_params") long nonEmbParams, int width, int depth,
                                @JsonProperty("vocab_size") int vocabSize) {
    }

    /** The document of {@code analysis}, written by scalefit {@code version}, computed as {@code run} says. */
    public static ParabolaDocument of(ParabolaJson.Analysis analysis, String version, RunTiming run) {
        ShapeSearch search = analysis.search();
        List<LawParameters> laws = new ArrayList<>();
        List<LawSource> sources = new ArrayList<>();
        for (ParabolaJson.LawInput law : analysis.laws()) {
            laws.add(LawParameters.of(law.role(), law.file(), law.law()));
            sources.add(new LawSource(law.role(), law.file(), law.sha256()));
        }
        List<Panel> panels = new ArrayList<>();
        for (ParabolaJson.Panel panel : analysis.panels()) {
            panels.add(panel(panel));
        }
        return new ParabolaDocument(ANALYSIS,
                new Search(search.grid().widthCount(), search.grid().shapeCount(), search.grid().tokenCount(),
                        search.grid().rowCount(), search.buckets().count(), search.buckets().low(),
                        search.buckets().high(), search.accounting().parameterCount().label()),
                new Accounting("gemstones-gqa", analysis.parabolaAccounting().parameterCount().label(),
                        Architecture.of(analysis.parabolaAccounting().architecture())),
                new Box(RelaxedShape.MIN_WIDTH, RelaxedShape.MIN_DEPTH,
                        OvertrainingParabola.MIN_WIDTH, OvertrainingParabola.MIN_DEPTH,
                        OvertrainingParabola.EDGE_WIDTH, OvertrainingParabola.EDGE_DEPTH),
                laws, analysis.factors(),
                new Industry(analysis.industry().isPresent(),
                        analysis.industry().map(IndustryModels::source).orElse(null),
                        analysis.industry().map(IndustryModels::sha256).orElse(null), analysis.industryBand(),
                        analysis.industryExcluded()),
                panels, analysis.bands() == null ? null : Bands.of(analysis.bands()),
                new LawsProvenance(sources, version), run);
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static ParabolaDocument read(Path file) {
        return Documents.read(file, ParabolaDocument.class);
    }

    @Override
    public Envelope envelope() {
        return provenance.envelope(analysis, run);
    }

    private static Panel panel(ParabolaJson.Panel panel) {
        OvertrainingParabola parabola = panel.parabola();
        List<Shape> shapes = new ArrayList<>();
        List<OvertrainedShape> below = parabola.belowOptimumOutsideItsBox();
        for (OvertrainedShape shape : parabola.shapes()) {
            shapes.add(Shape.of(shape, below.contains(shape)));
        }
        List<IndustryModel> industry = new ArrayList<>();
        for (IndustryModels.Model model : panel.industry()) {
            industry.add(new IndustryModel(model.hfName(), model.loss(), model.params(), model.nonEmbParams(),
                    model.width(), model.depth(), model.vocabSize()));
        }
        return new Panel(parabola.bucket(), panel.row().grid().lowerFlops(), panel.row().grid().upperFlops(),
                parabola.optimum().flops(), parabola.optimum().tokens(),
                new Optimum(Point.of(parabola.optimum()), panel.row().improved(), panel.row().atBound()), shapes,
                parabola.infeasibleFactors(), industry, panel.extrapolations());
    }

    private static Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
