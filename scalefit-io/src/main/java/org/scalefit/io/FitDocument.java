package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.scalefit.data.InputRange;
import org.scalefit.fit.FitDiagnostics;
import org.scalefit.fit.Identification;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.MultiStartResult;
import org.scalefit.fit.StartOutcome;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.shapes.CountedShape;

/**
 * scalefit's result document of an Approach-3 fit, L = E + Σ_j exp(c_j)·x_j^(−α_j) (Hoffmann et al. 2022 eq. 2,
 * generalised to k inputs by Gemstones): the optimum ({@code loss}, {@code exponents} α_j, {@code coefficients} c_j
 * and {@code irreducible_error} e in log space, as the studies store them, and {@code natural_scale} with e^c_j and
 * e^e — under Chinchilla's names A, B, E for the params/tokens law), the search, warnings, provenance and the run
 * envelope. Everything but {@code run}, {@code threads} and {@code seconds} is the same, byte for byte, for the same
 * inputs whatever the engine. Written and read by {@link Documents}' one mapper; the optimum's fields are absent when
 * no start converged. {@code points} counts the rows fitted, {@code distinct_points} the distinct input tuples among
 * them (absent in documents written before it was recorded).
 */
@JsonPropertyOrder({"law", "inputs", "success", "status", "loss", "exponents", "coefficients", "irreducible_error",
        "natural_scale", "delta", "points", "distinct_points", "warnings", "grid", "starts", "successful_starts", "recognised_starts",
        "budget_cut_starts", "evaluations", "verification_evaluations", "polished", "stationarity", "domain_edges",
        "second_best", "recognition",
        "grid_best", "best_starts", "limits", "data_range", "shapes", "provenance", "run", "threads", "seconds"})
public record FitDocument(
        String law, List<String> inputs, boolean success, String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double loss,
        @JsonInclude(JsonInclude.Include.NON_NULL) double[] exponents,
        @JsonInclude(JsonInclude.Include.NON_NULL) double[] coefficients,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("irreducible_error") Double irreducibleError,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("natural_scale") NaturalScale naturalScale,
        double delta, int points,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("distinct_points") Integer distinctPoints,
        List<String> warnings, String grid, long starts,
        @JsonProperty("successful_starts") long successfulStarts,
        @JsonProperty("recognised_starts") long recognisedStarts,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("budget_cut_starts") Long budgetCutStarts,
        long evaluations,
        @JsonProperty("verification_evaluations") long verificationEvaluations,
        boolean polished,
        @JsonInclude(JsonInclude.Include.NON_NULL) StationarityEvidence stationarity,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("domain_edges") List<DomainEdge> domainEdges,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("second_best") SecondBest secondBest,
        Recognition recognition,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("grid_best") Start gridBest,
        @JsonProperty("best_starts") List<Start> bestStarts,
        @JsonInclude(JsonInclude.Include.NON_NULL) Limits limits,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("data_range") DataRange dataRange,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Shape> shapes,
        Provenance provenance, RunTiming run, int threads, double seconds) implements ResultDocument {

    /** The value of {@link Envelope#analysis()}. */
    public static final String ANALYSIS = "fit";

    public FitDocument {
        domainEdges = domainEdges == null ? List.of() : List.copyOf(domainEdges);
        shapes = shapes == null ? List.of() : List.copyOf(shapes);
    }

    /**
     * A distinct shape of the fitted runs with the params the data gave it, after the fit's transforms
     * ({@link CountedShape}): a shape search checks its architecture against them ({@link
     * org.scalefit.shapes.ArchitectureAgreement}). {@code shapes} is absent when the data has no width, depth or
     * params column (and from documents written before it was recorded).
     */
    @JsonPropertyOrder({"width", "depth", "params"})
    public record Shape(double width, double depth, double params) {

        static Shape of(CountedShape shape) {
            return new Shape(shape.width(), shape.depth(), shape.params());
        }

        /** The shape recorded. */
        public CountedShape countedShape() {
            return new CountedShape(width, depth, params);
        }
    }

    /**
     * The physical limits the data were checked against ({@link Identification.Limits}, {@code --max-params},
     * {@code --max-tokens}); written only when they are not the defaults, so an absent {@code limits} means
     * 10<sup>15</sup> parameters and 10<sup>16</sup> tokens.
     */
    @JsonPropertyOrder({"max_params", "max_tokens"})
    public record Limits(@JsonProperty("max_params") double maxParams,
                         @JsonProperty("max_tokens") double maxTokens) {

        /** The document's record of {@code limits}: null for the defaults. */
        static Limits of(Identification.Limits limits) {
            return limits.equals(Identification.Limits.DEFAULTS) ? null
                    : new Limits(limits.maxParams(), limits.maxTokens());
        }

        /** As the identification rules take them. */
        public Identification.Limits limits() {
            return new Identification.Limits(maxParams, maxTokens);
        }
    }

    /**
     * The range of the fitted runs ({@link InputRange}): per input its smallest and largest value, and for a
     * law of params and tokens (or tokens per parameter) the largest run's 6·N·D; absent in documents written before
     * it was recorded (a law of params and tokens per parameter: before 2026-12-08).
     */
    @JsonPropertyOrder({"inputs", "low", "high", "largest_compute"})
    public record DataRange(List<String> inputs, double[] low, double[] high,
                            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("largest_compute")
                            Double largestCompute) {

        /** The document's record of {@code range}; null for none. */
        static DataRange of(InputRange range) {
            return range == null ? null : new DataRange(range.inputs(), range.lows(), range.highs(),
                    Double.isNaN(range.largestCompute()) ? null : range.largestCompute());
        }

        /**
         * What makes this record unusable as a range (a missing or short array, a value that is not positive and
         * finite, low above high, a largest compute that is not positive and finite), or null when nothing does.
         */
        public String problem() {
            if (inputs == null || low == null || high == null || inputs.contains(null)) {
                return "inputs, low and high must all be given";
            }
            if (low.length != inputs.size() || high.length != inputs.size()) {
                return inputs.size() + " inputs but " + low.length + " low and " + high.length + " high values";
            }
            for (int j = 0; j < low.length; j++) {
                if (!(low[j] > 0 && low[j] <= high[j] && high[j] < Double.POSITIVE_INFINITY)) {
                    return "input " + inputs.get(j) + " from " + low[j] + " to " + high[j];
                }
            }
            if (largestCompute != null && !(largestCompute > 0 && largestCompute < Double.POSITIVE_INFINITY)) {
                return "largest_compute " + largestCompute;
            }
            return null;
        }

        /** The range recorded. */
        public InputRange inputRange() {
            return new InputRange(inputs, low, high, largestCompute == null ? Double.NaN : largestCompute);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DataRange that && inputRange().equals(that.inputRange());
        }

        @Override
        public int hashCode() {
            return inputRange().hashCode();
        }

        @Override
        public String toString() {
            return "DataRange[" + inputRange() + "]";
        }
    }

    /** The physical limits the fit checked its data against (the defaults when the document records none). */
    public Identification.Limits identificationLimits() {
        return limits == null ? Identification.Limits.DEFAULTS : limits.limits();
    }

    /**
     * The optimum's coefficients and irreducible error untransformed: e^c_j in input order and e^e, and for the
     * params/tokens law also A, B, E of L = E + A/N^α + B/D^β.
     */
    @JsonPropertyOrder({"coefficients", "irreducible_error", "A", "B", "E"})
    public record NaturalScale(double[] coefficients,
                               @JsonProperty("irreducible_error") double irreducibleError,
                               @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("A") Double a,
                               @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("B") Double b,
                               @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("E") Double e) {
    }

    /**
     * The evidence that the optimum is a local minimum ({@link org.scalefit.fit.Stationarity}); a measure that is not
     * finite is null (JSON has no NaN or infinity).
     */
    @JsonPropertyOrder({"stationary", "first_order", "second_order", "objective_scale", "gradient_inf_norm",
            "relative_gradient", "relative_decrease", "decrease_tolerance", "curvature_ratio", "second_order_checked"})
    public record StationarityEvidence(boolean stationary,
                                       @JsonProperty("first_order") boolean firstOrder,
                                       @JsonProperty("second_order") boolean secondOrder,
                                       @JsonProperty("objective_scale") Double objectiveScale,
                                       @JsonProperty("gradient_inf_norm") Double gradientInfNorm,
                                       @JsonProperty("relative_gradient") Double relativeGradient,
                                       @JsonProperty("relative_decrease") Double relativeDecrease,
                                       @JsonProperty("decrease_tolerance") double decreaseTolerance,
                                       @JsonProperty("curvature_ratio") Double curvatureRatio,
                                       @JsonProperty("second_order_checked") boolean secondOrderChecked) {

        /** The evidence of {@code test}. */
        public static StationarityEvidence of(org.scalefit.fit.Stationarity test) {
            return new StationarityEvidence(test.holds(), test.firstOrder(), test.secondOrder(), finite(test.scale()),
                    finite(test.gradientNorm()), finite(test.relativeGradient()), finite(test.relativeDecrease()),
                    org.scalefit.fit.Stationarity.DECREASE_TOLERANCE, finite(test.curvatureRatio()),
                    Double.isFinite(test.curvatureRatio()));
        }
    }

    /**
     * A parameter at whose edge of the law's domain the optimum lies ({@link org.scalefit.fit.DomainEdge}): the
     * objective still falls towards the edge at the reported point, and every step past it leaves the domain; the
     * optimum is the limit, approached, not attained. Absent from documents without such a parameter (and from those
     * written before it was recorded).
     *
     * @param parameter       the parameter's name
     * @param value           its value at the optimum
     * @param slope           ∂F/∂θ there
     * @param limit           the value it approaches at the edge
     * @param objectiveBeyond F just past the edge: the value it jumps to, or null where F is not defined there
     */
    @JsonPropertyOrder({"parameter", "value", "slope", "limit", "objective_beyond"})
    public record DomainEdge(String parameter, double value, double slope, double limit,
                             @JsonProperty("objective_beyond") Double objectiveBeyond) {

        /** The record of {@code edge}, its parameter named {@code name}. */
        public static DomainEdge of(org.scalefit.fit.DomainEdge edge, String name) {
            return new DomainEdge(name, edge.value(), edge.slope(), edge.limit(), finite(edge.beyond()));
        }
    }

    /** One start's outcome: its index in the grid, objective value, parameters θ and how the optimiser stopped. */
    @JsonPropertyOrder({"start", "loss", "parameters", "status"})
    public record Start(long start, double loss, double[] parameters, String status) {

        static Start of(StartOutcome outcome) {
            return new Start(outcome.start(), outcome.value(), outcome.point(), outcome.status().name());
        }
    }

    /**
     * A competing basin's optimum ({@link MultiStartResult#secondBest()}), with its relative gap to the best and, for
     * two-input laws, both compute-optimal exponents b/(a+b) ({@link FitDiagnostics#computeOptimalExponent}).
     */
    @JsonPropertyOrder({"start", "loss", "parameters", "status", "relative_gap", "compute_optimal_exponent",
            "best_compute_optimal_exponent"})
    public record SecondBest(long start, double loss, double[] parameters, String status,
                             @JsonProperty("relative_gap") double relativeGap,
                             @JsonInclude(JsonInclude.Include.NON_NULL)
                             @JsonProperty("compute_optimal_exponent") Double computeOptimalExponent,
                             @JsonInclude(JsonInclude.Include.NON_NULL)
                             @JsonProperty("best_compute_optimal_exponent") Double bestComputeOptimalExponent) {
    }

    /** How many starts early recognition cut, and the margin within which competing basins are protected. */
    @JsonPropertyOrder({"starts_cut", "cut_any", "protected_margin"})
    public record Recognition(@JsonProperty("starts_cut") long startsCut, @JsonProperty("cut_any") boolean cutAny,
                              @JsonProperty("protected_margin") double protectedMargin) {
    }

    /** {@link FitProvenance} with the law and grid fitted, as the document records it. */
    @JsonPropertyOrder({"data", "data_absolute", "data_sha256", "transforms", "law", "grid", "grid_size", "columns",
            "scalefit_version"})
    public record Provenance(String data,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("data_absolute")
                             String dataAbsolute,
                             @JsonProperty("data_sha256") String dataSha256, List<String> transforms, String law,
                             String grid, @JsonProperty("grid_size") long gridSize,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> columns,
                             @JsonProperty("scalefit_version") String scalefitVersion)
            implements Envelope.Source {

        /** The provenance of the data alone. */
        public FitProvenance fitProvenance() {
            return new FitProvenance(data, dataSha256, transforms == null ? List.of() : transforms,
                    scalefitVersion, columns == null ? Map.of() : columns, dataAbsolute);
        }
    }

    /**
     * The document of {@code fit}, made on data of {@code provenance} under the default physical limits, computed as
     * {@code run} says.
     */
    public static FitDocument of(LawFit fit, FitProvenance provenance, RunTiming run) {
        return of(fit, provenance, Identification.Limits.DEFAULTS, run);
    }

    /**
     * The document of {@code fit}, made on data of {@code provenance} checked against {@code limits}, computed as
     * {@code run} says.
     */
    public static FitDocument of(LawFit fit, FitProvenance provenance, Identification.Limits limits, RunTiming run) {
        return of(fit, provenance, limits, run, List.of());
    }

    /**
     * The document of {@code fit}, made on data of {@code provenance} checked against {@code limits}, whose fitted
     * runs have the distinct {@code shapes}, computed as {@code run} says.
     */
    public static FitDocument of(LawFit fit, FitProvenance provenance, Identification.Limits limits, RunTiming run,
                                 List<CountedShape> shapes) {
        MultiStartResult search = fit.search();
        LawForm law = fit.law();
        boolean optimum = fit.hasOptimum();
        Provenance origin = new Provenance(provenance.data(), provenance.dataAbsolute(), provenance.dataSha256(),
                provenance.transforms(), law.name(), search.grid().name(), search.grid().size(),
                provenance.columns(), provenance.version());
        List<Start> leaders = new ArrayList<>();
        for (StartOutcome leader : search.leaders()) {
            leaders.add(Start.of(leader));
        }
        return new FitDocument(law.name(), law.inputs(), fit.succeeded(), fit.status().label(),
                optimum ? fit.loss() : null, optimum ? fit.exponents() : null,
                optimum ? fit.logCoefficients() : null, optimum ? fit.logIrreducibleError() : null,
                optimum ? naturalScale(fit) : null, fit.delta(), fit.points(),
                fit.identification().distinctPoints(), fit.warnings(), search.grid().name(),
                search.starts(), search.successfulStarts(), search.recognisedStarts(), budgetCutStarts(search),
                search.evaluations(),
                search.verificationEvaluations(), search.polished(),
                search.stationarity() == null ? null : StationarityEvidence.of(search.stationarity()),
                fit.edges().stream().map(edge -> DomainEdge.of(edge,
                        FitDiagnostics.parameterName(law, edge.coordinate()))).toList(),
                search.secondBest() == null ? null : secondBest(fit, search.secondBest()),
                new Recognition(search.recognisedStarts(), search.recognisedStarts() > 0,
                        MultiStartFitter.COMPETING_MARGIN),
                search.gridBest() == null ? null : Start.of(search.gridBest()), leaders, Limits.of(limits),
                DataRange.of(fit.range()), shapes.stream().map(Shape::of).toList(), origin,
                run, run.threads(), run.seconds());
    }

    /**
     * The starts the evaluation budget stopped before they converged ({@link MultiStartResult#budgetCutStarts()}),
     * written only when there are any: an absent {@code budget_cut_starts} means none.
     */
    static Long budgetCutStarts(MultiStartResult search) {
        return search.budgetCut() ? search.budgetCutStarts() : null;
    }

    /** Reads a document written by {@link #write()}; {@code source} names it in errors. */
    public static FitDocument read(String json, String source) {
        return Documents.read(json, FitDocument.class, source);
    }

    @Override
    public String write() {
        return Documents.write(this);
    }

    @Override
    public Envelope envelope() {
        return provenance == null ? new Envelope(ANALYSIS, null, null, null, null, run)
                : Envelope.of(ANALYSIS, provenance, null, run);
    }

    /** True if the document holds an optimum (some start converged). */
    public boolean hasOptimum() {
        return loss != null;
    }

    /** The law's form, by its name. */
    public LawForm form() {
        return LawForm.named(law);
    }

    /**
     * The fitted law.
     *
     * @throws IllegalStateException if the document holds no optimum
     */
    public FittedLaw fittedLaw() {
        if (!hasOptimum()) {
            throw new IllegalStateException("the fit has no optimum: no start converged");
        }
        int k = exponents.length;
        double[] theta = new double[2 * k + 1];
        System.arraycopy(exponents, 0, theta, 0, k);
        System.arraycopy(coefficients, 0, theta, k, k);
        theta[2 * k] = irreducibleError;
        return new FittedLaw(form(), theta);
    }

    @Override
    public double[] exponents() {
        return exponents == null ? null : exponents.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients == null ? null : coefficients.clone();
    }

    /** Field names the tests and the benchmark harness rely on. */
    public static List<String> requiredFields() {
        return List.of("loss", "exponents", "coefficients", "irreducible_error", "delta", "starts",
                "successful_starts", "threads", "seconds", "provenance");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FitDocument that && Documents.write(this).equals(Documents.write(that));
    }

    @Override
    public int hashCode() {
        return Documents.write(this).hashCode();
    }

    @Override
    public String toString() {
        return "FitDocument" + Arrays.asList(law, status, loss, provenance == null ? null : provenance.data());
    }

    private static NaturalScale naturalScale(LawFit fit) {
        double[] logCoefficients = fit.logCoefficients();
        double[] coefficients = new double[logCoefficients.length];
        for (int j = 0; j < coefficients.length; j++) {
            coefficients[j] = Math.exp(logCoefficients[j]);
        }
        double e = Math.exp(fit.logIrreducibleError());
        if (fit.law().inputs().equals(List.of("params", "tokens"))) {
            return new NaturalScale(coefficients, e, Math.exp(logCoefficients[0]), Math.exp(logCoefficients[1]),
                    Math.exp(fit.logIrreducibleError()));
        }
        return new NaturalScale(coefficients, e, null, null, null);
    }

    private static SecondBest secondBest(LawFit fit, StartOutcome second) {
        boolean twoInputs = fit.law().arity() == 2;
        return new SecondBest(second.start(), second.value(), second.point(), second.status().name(),
                (second.value() - fit.loss()) / Math.abs(fit.loss()),
                twoInputs ? FitDiagnostics.computeOptimalExponent(second.point()) : null,
                twoInputs ? FitDiagnostics.computeOptimalExponent(fit.parameters()) : null);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
