package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.io.FitBootstrapDocument.Spread;
import org.scalefit.law.FittedLaw;
import org.scalefit.shapes.BucketOptimum;
import org.scalefit.shapes.FlopBuckets;
import org.scalefit.shapes.RelaxedShape;
import org.scalefit.shapes.ShapeGrid;
import org.scalefit.shapes.ShapePoint;
import org.scalefit.shapes.ShapeSearch;
import org.scalefit.uncertainty.ShapeBands;

/**
 * scalefit's result document of a shape search ({@link ShapeSearch}, Gemstones' width–depth search under a FLOPs
 * budget, optionally refined by {@link RelaxedShape}): the grid, buckets and accounting used; per law its file, form
 * and θ (log space, as {@code scalefit fit} writes it), the rows in range, and per bucket the grid optimum with, if
 * refined, the relaxed optimum and its integer-feasible rounding; the laws' files with their SHA-256; the run. All but
 * {@code run} is the same, byte for byte, whatever the thread count. Written and read by {@link Documents}' mapper.
 *
 * @param analysis   always {@code shape-search}
 * @param grid       the size of the (width, depth, tokens) grid searched
 * @param buckets    the FLOPs buckets
 * @param accounting how FLOPs and parameters were counted
 * @param laws       one entry per law, in the order given
 * @param provenance the laws' files and the version
 * @param run        threads and wall time
 */
public record ShapeSearchDocument(String analysis, Grid grid, Buckets buckets, Accounting accounting, List<Law> laws,
                                  LawsProvenance provenance, RunTiming run) implements ResultDocument {

    /** The value of {@code analysis}. */
    public static final String ANALYSIS = "shape-search";

    public ShapeSearchDocument {
        laws = List.copyOf(laws);
    }

    /** The grid: widths, shapes (width, depth), token counts, rows, and rows whose FLOPs fall in a bucket. */
    public record Grid(long widths, long shapes, @JsonProperty("token_counts") long tokenCounts, long rows,
                       @JsonProperty("rows_in_range") long rowsInRange) {
    }

    /** The FLOPs buckets: how many, the range, and the edges (geometric). */
    public record Buckets(int count, double low, double high, List<Double> edges) {

        public Buckets {
            edges = List.copyOf(edges);
        }
    }

    /** The FLOPs count (always Gemstones' GQA count), the parameter count, and the architecture. */
    public record Accounting(@JsonProperty("flop_count") String flopCount, String params,
                             @JsonUnwrapped Architecture architecture) {
    }

    /** The architecture's constants ({@link org.scalefit.accounting.Architecture}). */
    public record Architecture(int vocab, @JsonProperty("seq_len") int seqLen,
                               @JsonProperty("head_size") int headSize,
                               @JsonProperty("queries_per_group") int queriesPerGroup,
                               @JsonProperty("mlp_expansion") int mlpExpansion) {

        /** The record of {@code architecture}. */
        public static Architecture of(org.scalefit.accounting.Architecture architecture) {
            return new Architecture(architecture.vocabulary(), architecture.sequenceLength(),
                    architecture.headSize(), architecture.queriesPerGroup(), architecture.mlpExpansion());
        }
    }

    /**
     * A shape (width, depth) trained on {@code tokens}, its parameters and FLOPs, width/depth ratio, tokens per
     * parameter and the law's loss ({@link ShapePoint}).
     */
    public record Point(double width, double depth, double tokens, double params, double flops, double ratio,
                        @JsonProperty("tokens_per_param") double tokensPerParam, double loss) {

        /** The record of {@code point}. */
        public static Point of(ShapePoint point) {
            return new Point(point.width(), point.depth(), point.tokens(), point.params(), point.flops(),
                    point.ratio(), point.tokensPerParam(), point.loss());
        }
    }

    /**
     * A law used and its parameters θ in log space ({@link FittedLaw}), with the warnings of the fit it came from.
     *
     * @param role how the command line named it ({@code law}, {@code law2})
     * @param file the file it was read from
     */
    public record LawParameters(String role, String file, String law, List<String> inputs, List<Double> exponents,
                                List<Double> coefficients,
                                @JsonProperty("irreducible_error") double irreducibleError,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("law_warnings")
                                List<String> lawWarnings) {

        public LawParameters {
            inputs = List.copyOf(inputs);
            exponents = List.copyOf(exponents);
            coefficients = List.copyOf(coefficients);
            lawWarnings = lawWarnings == null ? List.of() : List.copyOf(lawWarnings);
        }

        /** The record of {@code law} read as {@code role} from {@code file}. */
        public static LawParameters of(String role, String file, FittedLaw law) {
            List<Double> exponents = new ArrayList<>();
            List<Double> coefficients = new ArrayList<>();
            for (int j = 0; j < law.form().arity(); j++) {
                exponents.add(law.exponent(j));
                coefficients.add(law.logCoefficient(j));
            }
            return new LawParameters(role, file, law.form().name(), law.form().inputs(), exponents, coefficients,
                    law.logIrreducibleError(), law.warnings());
        }
    }

    /**
     * One law's results: the law, the grid rows in range, one optimum per bucket, and the bootstrap bands of those
     * optima (absent unless asked for).
     */
    public record Law(@JsonUnwrapped LawParameters law, @JsonProperty("rows_in_range") long rowsInRange,
                      List<Optimum> optima, @JsonInclude(JsonInclude.Include.NON_NULL) Bands bands,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> extrapolations) {

        public Law {
            optima = List.copyOf(optima);
            extrapolations = extrapolations == null ? List.of() : List.copyOf(extrapolations);
        }
    }

    /**
     * The bootstrap bands of a law's grid optima ({@link ShapeBands}): the bootstrap document and its SHA-256, the
     * coverage in percent, the replicates summarised and those left out (their refit failed, or their law is not
     * finite on the grid), and per bucket each quantity's median and central percentile band over the replicates.
     */
    public record Bands(@JsonUnwrapped BandsProvenance source, List<BucketBand> buckets) {

        public Bands {
            buckets = List.copyOf(buckets);
        }

        static Bands of(ShapeSearchJson.Bootstrapped bootstrapped) {
            ShapeBands bands = bootstrapped.bands();
            List<BucketBand> buckets = new ArrayList<>();
            for (ShapeBands.Band band : bands.bands()) {
                buckets.add(new BucketBand(band.estimate().bucket(), Spread.of(band.width()),
                        Spread.of(band.depth()), Spread.of(band.tokens()), Spread.of(band.params()),
                        Spread.of(band.flops()), Spread.of(band.ratio()), Spread.of(band.tokensPerParam()),
                        Spread.of(band.loss()), band.atGridEdge()));
            }
            return new Bands(BandsProvenance.of(bootstrapped.file(), bootstrapped.sha256(), bands.level(),
                    bands.used(), bands.leftOut(), bootstrapped.unidentified()), buckets);
        }
    }

    /**
     * One bucket's band: each quantity's low percentile, median and high percentile over the replicates, and how many
     * replicates' optima lie on the grid's boundary.
     */
    @JsonPropertyOrder({"bucket", "width", "depth", "tokens", "params", "flops", "ratio", "tokens_per_param", "loss",
            "at_grid_edge"})
    public record BucketBand(int bucket, Spread width, Spread depth, Spread tokens, Spread params, Spread flops,
                             Spread ratio, @JsonProperty("tokens_per_param") Spread tokensPerParam, Spread loss,
                             @JsonProperty("at_grid_edge") int atGridEdge) {
    }

    /**
     * A bucket's grid optimum, whether it lies on the grid's boundary ({@link ShapeGrid#onEdge}: the law wants a
     * shape or token count beyond the grid, so the row is the grid's, not the law's), and, when refined, its relaxed
     * optimum and that optimum's rounding.
     */
    public record Optimum(int bucket, @JsonProperty("flops_low") double flopsLow,
                          @JsonProperty("flops_high") double flopsHigh, @JsonUnwrapped Point point,
                          @JsonProperty("at_grid_edge") boolean atGridEdge,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Relaxed relaxed,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Point rounded) {
    }

    /**
     * A relaxed (continuous) optimum: whether it improved on the grid's, whether it lies at a bound, and
     * |C′/C − 1|.
     */
    public record Relaxed(@JsonUnwrapped Point point, boolean improved, @JsonProperty("at_bound") boolean atBound,
                          @JsonProperty("flops_relative_error") double flopsRelativeError) {
    }

    /** A law file and its SHA-256. */
    public record LawSource(String role, String file, String sha256) {
    }

    /** The laws' files and the version. */
    public record LawsProvenance(List<LawSource> laws, @JsonProperty("scalefit_version") String scalefitVersion) {

        public LawsProvenance {
            laws = List.copyOf(laws);
        }

        /** The envelope of a document of {@code analysis} computed from these laws as {@code run} says. */
        Envelope envelope(String analysis, RunTiming run) {
            return new Envelope(analysis, scalefitVersion, null, null, null, run);
        }
    }

    /** The document of {@code search} for {@code laws}, written by scalefit {@code version}, computed as {@code run}. */
    public static ShapeSearchDocument of(ShapeSearch search, List<ShapeSearchJson.LawResult> laws, String version,
                                         RunTiming run) {
        FlopBuckets buckets = search.buckets();
        List<Double> edges = new ArrayList<>();
        for (double edge : buckets.edges()) {
            edges.add(edge);
        }
        List<Law> entries = new ArrayList<>();
        List<LawSource> sources = new ArrayList<>();
        for (ShapeSearchJson.LawResult law : laws) {
            entries.add(law(law, search.grid()));
            sources.add(new LawSource(law.role(), law.file(), law.sha256()));
        }
        return new ShapeSearchDocument(ANALYSIS, new Grid(search.grid().widthCount(), search.grid().shapeCount(),
                search.grid().tokenCount(), search.grid().rowCount(),
                laws.isEmpty() ? 0 : laws.get(0).optima().rowsInRange()),
                new Buckets(buckets.count(), buckets.low(), buckets.high(), edges),
                new Accounting("gemstones-gqa", search.accounting().parameterCount().label(),
                        Architecture.of(search.accounting().architecture())),
                entries, new LawsProvenance(sources, version), run);
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static ShapeSearchDocument read(Path file) {
        return Documents.read(file, ShapeSearchDocument.class);
    }

    @Override
    public Envelope envelope() {
        return provenance.envelope(analysis, run);
    }

    private static Law law(ShapeSearchJson.LawResult result, ShapeGrid grid) {
        List<BucketOptimum> list = result.optima().optima();
        List<Optimum> optima = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            BucketOptimum optimum = list.get(i);
            Relaxed relaxed = null;
            Point rounded = null;
            if (!result.relaxed().isEmpty()) {
                RelaxedShape shape = result.relaxed().get(i);
                relaxed = new Relaxed(Point.of(shape.relaxed()), shape.improved(), shape.atBound(),
                        Math.abs(shape.relaxed().flops() / shape.budget() - 1));
                rounded = Point.of(shape.rounded());
            }
            optima.add(new Optimum(optimum.bucket(), optimum.lowerFlops(), optimum.upperFlops(),
                    Point.of(optimum.point()), grid.onEdge(optimum.point().width(), optimum.point().depth(),
                    optimum.point().tokens()), relaxed, rounded));
        }
        return new Law(LawParameters.of(result.role(), result.file(), result.optima().law()),
                result.optima().rowsInRange(), optima, result.bands() == null ? null : Bands.of(result.bands()),
                result.extrapolations());
    }
}
