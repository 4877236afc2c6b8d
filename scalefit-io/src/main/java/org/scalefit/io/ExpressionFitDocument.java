package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalefit.data.InputRange;
import org.scalefit.fit.Identification;
import org.scalefit.law.expr.ExpressionBootstrapResult;
import org.scalefit.law.expr.ExpressionFit;
import org.scalefit.law.expr.ExpressionLaw;

/**
 * scalefit's result document of a fit of a law of the law language ({@code scalefit fit --law '<expression>'},
 * {@code --law-file} or a named law): the law and its data, the status and objective F(θ) = Σ_i w_i·ρ(r_i(θ)) at the
 * optimum, every parameter's value, the multi-start search and its stationarity evidence, the warnings, the pairs
 * bootstrap when there was one (replicates, their stationarity and each parameter's 95 % percentile interval), the
 * law file of the law fitted ({@code law_file}, a {@link LawFileDocument}), the physical limits the data were checked against, the data's
 * provenance and how the fit ran. Written and read by {@link Documents}' one mapper; not-finite numbers are written
 * as the strings {@code "NaN"}, {@code "Infinity"}.
 *
 * @param kind                    always {@link #KIND}
 * @param law                     the law's name
 * @param expression              its expression
 * @param data                    the data as named
 * @param dataSha256              the SHA-256 of the data's content
 * @param points                  how many points were fitted (rows of the data)
 * @param distinctPoints          how many of them are distinct input tuples (null in documents written before it was
 *                                recorded)
 * @param status                  {@link org.scalefit.fit.LawFit.Status#label()}
 * @param success                 true only when converged
 * @param objective               F at the optimum (NaN if there is none)
 * @param parameters              every parameter's value (empty if there is no optimum)
 * @param starts                  starts of the search
 * @param successfulStarts        starts that converged
 * @param recognisedStarts        starts stopped early in a known basin
 * @param budgetCutStarts         starts the evaluation budget stopped before they converged (absent when none)
 * @param evaluations             objective evaluations of the starts
 * @param verificationEvaluations objective evaluations of the polish and tests
 * @param stationarity            the evidence that the optimum is a local minimum, or null
 * @param domainEdges             the parameters at whose edge of the law's domain the optimum lies
 *                                ({@link FitDocument.DomainEdge}); absent when there are none
 * @param warnings                the fit's warnings
 * @param bootstrap               the pairs bootstrap, or null
 * @param lawFile                 the law file of the law fitted
 * @param limits                  the physical limits the data were checked against
 * @param dataRange               the range of the fitted points ({@link FitDocument.DataRange}); absent in documents
 *                                written before it was recorded
 * @param provenance              the data, its SHA-256, transforms, column mapping, scalefit version
 * @param threads                 threads the fit ran on (0 in documents written before they were recorded)
 * @param seconds                 its wall time
 */
@JsonPropertyOrder({"kind", "law", "expression", "data", "data_sha256", "points", "distinct_points", "status", "success", "objective",
        "parameters", "starts", "successful_starts", "recognised_starts", "budget_cut_starts", "evaluations",
        "verification_evaluations",
        "stationarity", "domain_edges", "warnings", "bootstrap", "law_file", "limits", "data_range", "provenance", "threads",
        "seconds"})
public record ExpressionFitDocument(
        String kind, String law, String expression, String data, @JsonProperty("data_sha256") String dataSha256,
        int points, @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("distinct_points") Integer distinctPoints,
        String status, boolean success, double objective, Map<String, Double> parameters, long starts,
        @JsonProperty("successful_starts") long successfulStarts,
        @JsonProperty("recognised_starts") long recognisedStarts,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("budget_cut_starts") Long budgetCutStarts,
        long evaluations,
        @JsonProperty("verification_evaluations") long verificationEvaluations,
        @JsonInclude(JsonInclude.Include.NON_NULL) FitDocument.StationarityEvidence stationarity,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("domain_edges")
        List<FitDocument.DomainEdge> domainEdges,
        List<String> warnings, @JsonInclude(JsonInclude.Include.NON_NULL) Bootstrap bootstrap,
        @JsonProperty("law_file") LawFileDocument lawFile, FitDocument.Limits limits,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("data_range") FitDocument.DataRange dataRange,
        Provenance provenance, int threads, double seconds) implements ResultDocument {

    /** The value of {@code kind} that marks an expression-fit document. */
    public static final String KIND = "expression-fit";
    /** The value of {@link Envelope#analysis()}. */
    public static final String ANALYSIS = "expression-fit";

    public ExpressionFitDocument {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        domainEdges = domainEdges == null ? List.of() : List.copyOf(domainEdges);
    }

    /**
     * The pairs bootstrap of the fit ({@link ExpressionBootstrapResult}).
     *
     * @param scheme     always {@code pairs}
     * @param replicates resamples drawn
     * @param seed       their seed
     * @param converged  refits that converged
     * @param level      the intervals' coverage (0.95)
     * @param intervals  each parameter's percentile interval [low, high], in the law's order, over the converged
     *                   refits (NaN if fewer than two converged)
     * @param stationary whether each replicate's refit passed the stationarity test
     * @param parameters each replicate's parameters, in the law's order
     * @param notIdentified the parameters the fit found the data do not determine
     *                   ({@link ExpressionFit#notIdentified()}): refits from the optimum barely move them, so their
     *                   intervals are not uncertainties (absent when there are none)
     */
    @JsonPropertyOrder({"scheme", "replicates", "seed", "converged", "level", "intervals", "not_identified",
            "stationary", "parameters"})
    public record Bootstrap(String scheme, int replicates, long seed, int converged, double level,
                            Map<String, List<Double>> intervals, List<Boolean> stationary,
                            List<List<Double>> parameters,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("not_identified")
                            List<String> notIdentified) {

        public Bootstrap {
            notIdentified = notIdentified == null ? List.of() : List.copyOf(notIdentified);
            intervals = intervals == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
            stationary = stationary == null ? List.of() : List.copyOf(stationary);
            parameters = parameters == null ? List.of() : parameters.stream().map(List::copyOf).toList();
        }

        /** The document's record of {@code bootstrap}, with 95 % intervals. */
        static Bootstrap of(ExpressionBootstrapResult bootstrap, List<String> notIdentified) {
            double level = 0.95;
            Map<String, List<Double>> intervals = new LinkedHashMap<>();
            double[][] bounds = bootstrap.parameterIntervals(level);
            List<String> names = bootstrap.law().parameterNames();
            for (int p = 0; p < names.size(); p++) {
                intervals.put(names.get(p), List.of(bounds[p][0], bounds[p][1]));
            }
            List<Boolean> stationary = new ArrayList<>();
            for (boolean holds : bootstrap.stationary()) {
                stationary.add(holds);
            }
            List<List<Double>> rows = new ArrayList<>();
            for (double[] theta : bootstrap.replicates()) {
                rows.add(java.util.Arrays.stream(theta).boxed().toList());
            }
            return new Bootstrap("pairs", bootstrap.count(), bootstrap.seed(), bootstrap.converged(), level,
                    intervals, stationary, rows, notIdentified);
        }
    }

    /** {@link FitProvenance} as an expression-fit document records it. */
    @JsonPropertyOrder({"data", "data_absolute", "data_sha256", "transforms", "columns", "scalefit_version"})
    public record Provenance(String data,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("data_absolute")
                             String dataAbsolute,
                             @JsonProperty("data_sha256") String dataSha256, List<String> transforms,
                             Map<String, String> columns,
                             @JsonProperty("scalefit_version") String scalefitVersion) implements Envelope.Source {

        static Provenance of(FitProvenance provenance) {
            return new Provenance(provenance.data(), provenance.dataAbsolute(), provenance.dataSha256(),
                    provenance.transforms(), provenance.columns(), provenance.version());
        }
    }

    /**
     * The document of {@code fit} (and its {@code bootstrap}, null if none), made on data of {@code provenance}
     * checked against {@code limits}, computed as {@code run} says.
     */
    public static ExpressionFitDocument of(ExpressionFit fit, ExpressionBootstrapResult bootstrap,
                                           FitProvenance provenance, Identification.Limits limits, RunTiming run) {
        return of(fit, bootstrap, provenance, limits, null, run);
    }

    /**
     * As {@link #of(ExpressionFit, ExpressionBootstrapResult, FitProvenance, Identification.Limits, RunTiming)},
     * recording the fitted points' {@code range} (null: not recorded).
     */
    public static ExpressionFitDocument of(ExpressionFit fit, ExpressionBootstrapResult bootstrap,
                                           FitProvenance provenance, Identification.Limits limits, InputRange range,
                                           RunTiming run) {
        return new ExpressionFitDocument(KIND, fit.law().name(), fit.law().expression().text(), provenance.data(),
                provenance.dataSha256(), fit.points(), fit.identification().distinctPoints(), fit.status().label(), fit.succeeded(), fit.objective(),
                fit.hasOptimum() ? fit.named() : Map.of(), fit.search().starts(), fit.search().successfulStarts(),
                fit.search().recognisedStarts(), FitDocument.budgetCutStarts(fit.search()), fit.search().evaluations(),
                fit.search().verificationEvaluations(), fit.search().stationarity() == null ? null
                        : FitDocument.StationarityEvidence.of(fit.search().stationarity()),
                fit.edges().stream().map(edge -> FitDocument.DomainEdge.of(edge,
                        fit.law().parameterNames().get(edge.coordinate()))).toList(),
                fit.warnings(), bootstrap == null ? null : Bootstrap.of(bootstrap, fit.notIdentified()),
                LawFileDocument.of(fit.law()), new FitDocument.Limits(limits.maxParams(), limits.maxTokens()),
                FitDocument.DataRange.of(range), Provenance.of(provenance), run.threads(), run.seconds());
    }

    /**
     * Reads an expression-fit document from {@code text} (a stored result); {@code source} names it in errors.
     *
     * @throws InputException if it is not an expression-fit document
     */
    public static ExpressionFitDocument read(String source, String text) {
        ExpressionFitDocument document = Documents.read(text, ExpressionFitDocument.class, source);
        if (!KIND.equals(document.kind())) {
            throw InputException.field(source, null, "kind", KIND, String.valueOf(document.kind()));
        }
        return document;
    }

    /** The law fitted, with its controls, from {@code law_file}; {@code source} names the document in errors. */
    public ExpressionLaw fittedLaw(String source) {
        if (lawFile == null) {
            throw InputException.field(source, null, "law_file", "the law file of the law fitted", "none");
        }
        return lawFile.read(source + " (law_file)").law();
    }

    /**
     * The law with its fitted values, the fit's warnings and, if it was bootstrapped, its replicates (as
     * {@code scalefit predict} uses them); {@code source} names the document in errors.
     *
     * @throws InputException if the fit did not succeed, or a replicate has no stationarity flag or another number
     *                        of parameters than the law
     */
    public ExpressionLawFiles.Fitted fitted(String source) {
        if (!success) {
            throw InputException.field(source, null, "success", "a successful fit", "false (status "
                    + (status == null ? "unknown" : status) + ")");
        }
        ExpressionLaw fitted = fittedLaw(source);
        double[] theta = fitted.theta(parameters);
        if (bootstrap == null || bootstrap.parameters().isEmpty() && bootstrap.stationary().isEmpty()) {
            return new ExpressionLawFiles.Fitted(fitted, theta, warnings, Optional.empty());
        }
        int count = fitted.parameterNames().size();
        List<List<Double>> rows = bootstrap.parameters();
        double[][] replicates = new double[rows.size()][];
        boolean[] stationary = new boolean[rows.size()];
        for (int r = 0; r < replicates.length; r++) {
            if (r >= bootstrap.stationary().size()) {
                throw InputException.field(source, null, "bootstrap.stationary[" + r + "]",
                        "true or false (one per replicate)", "null");
            }
            stationary[r] = bootstrap.stationary().get(r);
            List<Double> row = rows.get(r);
            if (row.size() != count) {
                throw InputException.field(source, null, "bootstrap.parameters[" + r + "]", count + " numbers",
                        row.toString());
            }
            replicates[r] = row.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new ExpressionLawFiles.Fitted(fitted, theta, warnings, Optional.of(new ExpressionBootstrapResult(
                fitted, theta, replicates, stationary, bootstrap.seed())));
    }

    /** What {@code scalefit fit} prints of this document; {@code source} names it in errors. */
    public ExpressionLawFiles.FitSummary summary(String source) {
        Optional<ExpressionLawFiles.BootstrapSummary> replicates = Optional.ofNullable(bootstrap)
                .map(b -> new ExpressionLawFiles.BootstrapSummary(b.replicates(), b.seed(), b.converged(),
                        intervals(b), b.notIdentified()));
        return new ExpressionLawFiles.FitSummary(fittedLaw(source), points, distinctPoints, status, objective, parameters,
                (int) starts, (int) successfulStarts, (int) recognisedStarts, warnings, threads, seconds, replicates);
    }

    private static Map<String, double[]> intervals(Bootstrap bootstrap) {
        Map<String, double[]> intervals = new LinkedHashMap<>();
        bootstrap.intervals().forEach((name, bounds) -> intervals.put(name, new double[] {bounds.get(0),
                bounds.get(1)}));
        return intervals;
    }

    @Override
    public Envelope envelope() {
        return new Envelope(ANALYSIS, provenance.scalefitVersion(), data, dataSha256,
                bootstrap == null ? null : bootstrap.seed(), new RunTiming(threads, seconds));
    }
}
