package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.law.Allocation;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.ResamplingUnits;

/**
 * scalefit's result document of {@code scalefit bootstrap --fit}: the bootstrap of a stored Approach-3 fit. Per
 * parameter, the point estimate, bootstrap standard error and central percentile interval, in log space
 * (θ = [α_j, c_j, e]) and in natural space (α_j, e^{c_j}, E = e^e); the covariances; how every refit ended
 * (converged, at the precision floor, failed — with the failed replicates listed); the allocation bands per budget,
 * or why there are none; provenance; the run envelope. Everything but {@code run} is the same, byte for byte,
 * whatever the number of threads. Written and read by {@link Documents}' one mapper.
 *
 * @param fit               the fit file bootstrapped
 * @param law               the law's name
 * @param inputs            the law's inputs
 * @param delta             δ of the fit's Huber objective
 * @param points            how many points were fitted
 * @param lawWarnings       the fit's warnings; absent when there are none
 * @param bootstrap         what was resampled and how the refits ended
 * @param warnings          what the reader of the intervals must know about the resampling (e.g. that the run
 *                          column names more runs than the units resampled); absent when there are none
 * @param parameters        one entry per parameter θ_j, in the law's order
 * @param covariance        the replicates' covariance in log space
 * @param naturalCovariance the replicates' covariance in natural space
 * @param allocation        the allocation bands, or null (absent) when no budgets were asked for
 * @param draws             every replicate's θ (log space), or null (absent) unless asked for
 * @param provenance        the fit file and the data, with their SHA-256
 * @param run               threads and wall time
 */
@JsonPropertyOrder({"fit", "law", "inputs", "delta", "points", "law_warnings", "bootstrap", "warnings", "parameters",
        "covariance", "natural_covariance", "allocation", "draws", "provenance", "run"})
public record FitBootstrapDocument(
        String fit, String law, List<String> inputs, double delta, int points,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("law_warnings") List<String> lawWarnings,
        Bootstrap bootstrap, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings,
        List<Parameter> parameters, List<List<Double>> covariance,
        @JsonProperty("natural_covariance") List<List<Double>> naturalCovariance,
        @JsonInclude(JsonInclude.Include.NON_NULL) Bands allocation,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<List<Double>> draws,
        Provenance provenance, RunTiming run) implements ResultDocument {

    /** The value of {@link Envelope#analysis()}. */
    public static final String ANALYSIS = "bootstrap";

    public FitBootstrapDocument {
        inputs = copy(inputs);
        lawWarnings = copy(lawWarnings);
        warnings = copy(warnings);
        parameters = copy(parameters);
        covariance = copy(covariance);
        naturalCovariance = copy(naturalCovariance);
        draws = draws == null ? null : List.copyOf(draws);
    }

    /** What the bootstrap resampled and how: the request's side of the {@code bootstrap} section. */
    public record Resampling(ResamplingUnits units, List<String> runKey, long seed, String stream, double level) {

        public Resampling {
            runKey = List.copyOf(runKey);
        }
    }

    /**
     * The {@code bootstrap} section: the scheme, the run key and the number of units resampled, the replicates,
     * the seed and stream, where each refit started, how the refits ended (and how many were polished before they
     * were judged, {@link BootstrapResult#polished()}), the replicates whose resample cannot
     * identify the law ({@link BootstrapResult#unidentifiedResamples()}; kept in the summaries), and the intervals'
     * coverage in percent.
     */
    @JsonPropertyOrder({"scheme", "run_key", "units", "replicates", "seed", "stream", "start", "converged",
            "at_precision_floor", "failed", "failed_replicates", "polished", "unidentified_replicates", "level"})
    public record Bootstrap(String scheme, @JsonProperty("run_key") List<String> runKey, int units, int replicates,
                            long seed, String stream, String start, int converged,
                            @JsonProperty("at_precision_floor") int atPrecisionFloor, int failed,
                            @JsonProperty("failed_replicates") List<Integer> failedReplicates, int polished,
                            @JsonProperty("unidentified_replicates") List<Integer> unidentifiedReplicates,
                            double level) {

        public Bootstrap {
            runKey = copy(runKey);
            failedReplicates = copy(failedReplicates);
            unidentifiedReplicates = copy(unidentifiedReplicates);
        }
    }

    /** One parameter in log space and in natural space. */
    @JsonPropertyOrder({"log_space", "natural"})
    public record Parameter(@JsonProperty("log_space") Estimate logSpace, Estimate natural) {
    }

    /**
     * A parameter's point estimate, bootstrap standard error and percentile interval [low, high].
     *
     * @param name          the parameter's name in its space
     * @param notIdentified why the interval is not an uncertainty, when the fit's rules find the parameter not
     *                      identified ({@link BootstrapResult#unidentified()}); absent otherwise
     */
    @JsonPropertyOrder({"name", "estimate", "standard_error", "low", "high", "not_identified"})
    public record Estimate(String name, double estimate, @JsonProperty("standard_error") double standardError,
                           double low, double high,
                           @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("not_identified")
                           String notIdentified) {
    }

    /** What {@link Estimate#notIdentified()} says. */
    static final String NOT_IDENTIFIED = "its floor or term is negligible at every point (the fit's warnings), so the "
            + "refits barely move it: the interval is not an uncertainty";

    /**
     * The {@code allocation} section ({@link AllocationBands}): the coverage and either why no bands were computed
     * ({@code skipped}) or the replicates used, those unusable, and one band per budget.
     */
    @JsonPropertyOrder({"level", "skipped", "replicates_used", "unusable_replicates", "budgets"})
    public record Bands(double level, @JsonInclude(JsonInclude.Include.NON_NULL) String skipped,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("replicates_used")
                        Integer replicatesUsed,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("unusable_replicates")
                        List<Integer> unusableReplicates,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<Budget> budgets) {

        public Bands {
            unusableReplicates = unusableReplicates == null ? null : List.copyOf(unusableReplicates);
            budgets = budgets == null ? null : List.copyOf(budgets);
        }

        static Bands of(AllocationBands allocation, int replicates) {
            if (!allocation.computed()) {
                return new Bands(allocation.level(), allocation.skipped(), null, null, null);
            }
            List<Budget> budgets = new ArrayList<>();
            for (AllocationBands.Band band : allocation.bands()) {
                Allocation point = band.estimate();
                budgets.add(new Budget(band.compute(),
                        new PointAllocation(point.params(), point.tokens(), point.tokensPerParam(),
                                point.predictedLoss()),
                        Spread.of(band.params()), Spread.of(band.tokens()), Spread.of(band.tokensPerParam()),
                        Spread.of(band.loss())));
            }
            return new Bands(allocation.level(), null, replicates - allocation.unusableReplicates().length,
                    ints(allocation.unusableReplicates()), budgets);
        }
    }

    /** One budget's band: the point estimate's allocation and the replicates' spread of each quantity. */
    @JsonPropertyOrder({"compute", "estimate", "params", "tokens", "tokens_per_param", "loss"})
    public record Budget(double compute, PointAllocation estimate, Spread params, Spread tokens,
                         @JsonProperty("tokens_per_param") Spread tokensPerParam, Spread loss) {
    }

    /** The point estimate's compute-optimal allocation at one budget. */
    @JsonPropertyOrder({"params", "tokens", "tokens_per_param", "loss"})
    public record PointAllocation(double params, double tokens,
                                  @JsonProperty("tokens_per_param") double tokensPerParam, double loss) {
    }

    /** The low percentile, median and high percentile of a quantity over the replicates. */
    @JsonPropertyOrder({"low", "median", "high"})
    public record Spread(double low, double median, double high) {

        static Spread of(AllocationBands.Spread spread) {
            return new Spread(spread.low(), spread.median(), spread.high());
        }
    }

    /** The fit file and its SHA-256, and the data the replicates were drawn from, as {@link FitProvenance}. */
    @JsonPropertyOrder({"fit_file", "fit_sha256", "data", "data_sha256", "transforms", "columns",
            "scalefit_version"})
    public record Provenance(@JsonProperty("fit_file") String fitFile, @JsonProperty("fit_sha256") String fitSha256,
                             String data, @JsonProperty("data_sha256") String dataSha256, List<String> transforms,
                             Map<String, String> columns, @JsonProperty("scalefit_version") String scalefitVersion)
            implements Envelope.Source {

        public Provenance {
            transforms = copy(transforms);
            columns = columns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }
    }

    /**
     * The document of {@code bootstrap} of {@code fit} (whose file has SHA-256 {@code fitSha256}) on {@code data},
     * resampled as {@code resampling} says (with its {@code warnings}), with the {@code allocation} bands (or
     * null), computed as {@code run} says; {@code replicates} adds every draw.
     */
    public static FitBootstrapDocument of(StoredFit fit, String fitSha256, FitProvenance data,
                                          BootstrapResult bootstrap, Resampling resampling, List<String> warnings,
                                          AllocationBands allocation, RunTiming run, boolean replicates,
                                          String version) {
        FittedLaw estimate = fit.law();
        LawForm law = estimate.form();
        Bootstrap section = new Bootstrap(resampling.units().scheme().label(), resampling.runKey(),
                resampling.units().units(), bootstrap.count(), resampling.seed(), resampling.stream(),
                "point estimate", bootstrap.converged(), bootstrap.atPrecisionFloor().length,
                bootstrap.failed().length, ints(bootstrap.failed()), bootstrap.polished().length,
                ints(bootstrap.unidentifiedResamples()),
                resampling.level());
        double low = 50 - resampling.level() / 2;
        double high = 50 + resampling.level() / 2;
        double[] theta = estimate.theta();
        double[] natural = theta.clone();
        for (int j = law.arity(); j < natural.length; j++) {
            natural[j] = Math.exp(natural[j]);
        }
        List<String> logNames = law.parameterNames(false);
        List<String> naturalNames = law.parameterNames(true);
        double[] se = bootstrap.standardErrors();
        double[] naturalSe = bootstrap.untransformedStandardErrors();
        double[] lows = bootstrap.percentile(low);
        double[] highs = bootstrap.percentile(high);
        double[] naturalLows = bootstrap.untransformedPercentile(low);
        double[] naturalHighs = bootstrap.untransformedPercentile(high);
        List<Parameter> parameters = new ArrayList<>();
        for (int j = 0; j < theta.length; j++) {
            String reason = bootstrap.identified(j) ? null : NOT_IDENTIFIED;
            parameters.add(new Parameter(new Estimate(logNames.get(j), theta[j], se[j], lows[j], highs[j], reason),
                    new Estimate(naturalNames.get(j), natural[j], naturalSe[j], naturalLows[j], naturalHighs[j],
                            reason)));
        }
        Provenance provenance = new Provenance(fit.file().toString(), fitSha256, data.data(), data.dataSha256(),
                data.transforms(), data.columns(), version);
        return new FitBootstrapDocument(fit.file().toString(), law.name(), law.inputs(), fit.delta(), fit.points(),
                estimate.warnings(), section, warnings, parameters, matrix(bootstrap.covariance()),
                matrix(bootstrap.untransformedCovariance()),
                allocation == null ? null : Bands.of(allocation, bootstrap.count()),
                replicates ? matrix(bootstrap.replicates()) : null, provenance, run);
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static FitBootstrapDocument read(Path file) {
        return Documents.read(file, FitBootstrapDocument.class);
    }

    /**
     * What an analysis of a fitted law needs of the law's bootstrap, to repeat itself for every replicate.
     *
     * @param file    the bootstrap document, as given
     * @param sha256  its SHA-256
     * @param draws   every replicate's θ in the law's order (log space; NaN where the document has none)
     * @param failed  the replicates whose refit failed, ascending
     * @param unidentified the replicates whose resample cannot identify the law, ascending (kept in the draws)
     * @param level   the bootstrap's coverage in percent
     */
    public record Replicates(String file, String sha256, double[][] draws, int[] failed, int[] unidentified,
                             double level) {

        public Replicates {
            draws = Arrays.stream(draws).map(double[]::clone).toArray(double[][]::new);
            failed = failed.clone();
            unidentified = unidentified.clone();
        }

        @Override
        public int[] unidentified() {
            return unidentified.clone();
        }

        @Override
        public double[][] draws() {
            return Arrays.stream(draws).map(double[]::clone).toArray(double[][]::new);
        }

        @Override
        public int[] failed() {
            return failed.clone();
        }
    }

    /**
     * The replicates of {@code bootstrap}, the document of {@code scalefit bootstrap --fit FIT --draws} for the fit in
     * {@code fit}, whose law has {@code parameters} parameters.
     *
     * @throws InputException if {@code bootstrap} is not such a document: it is not one, it bootstrapped another fit
     *                        (by the fit file's SHA-256), it has no draws, or a draw has the wrong length
     */
    public static Replicates replicatesOf(Path bootstrap, Path fit, int parameters) {
        String file = bootstrap.toString();
        FitBootstrapDocument document = read(bootstrap);
        String fitSha = LawFiles.sha256(fit);
        if (!fitSha.equals(document.provenance().fitSha256())) {
            throw InputException.field(file, null, "provenance.fit_sha256", "the bootstrap of --law " + fit
                    + " (SHA-256 " + fitSha + ")", "the bootstrap of " + document.fit() + " (SHA-256 "
                    + document.provenance().fitSha256() + ")");
        }
        if (document.draws() == null) {
            throw InputException.field(file, null, "draws", "every replicate's parameters (write it with `scalefit "
                    + "bootstrap --fit " + fit + " --draws --out " + file + "`)", "no draws");
        }
        double[][] draws = new double[document.draws().size()][];
        for (int r = 0; r < draws.length; r++) {
            List<Double> draw = document.draws().get(r);
            if (draw.size() != parameters) {
                throw InputException.field(file, null, "draws[" + r + "]", parameters + " parameters of law "
                        + document.law(), draw.size() + " values");
            }
            draws[r] = draw.stream().mapToDouble(value -> value == null ? Double.NaN : value).toArray();
        }
        return new Replicates(file, LawFiles.sha256(bootstrap), draws, document.bootstrap().failedReplicates()
                .stream().mapToInt(Integer::intValue).sorted().toArray(), document.bootstrap().unidentifiedReplicates()
                .stream().mapToInt(Integer::intValue).sorted().toArray(), document.bootstrap().level());
    }

    @Override
    public Envelope envelope() {
        return Envelope.of(ANALYSIS, provenance, bootstrap.seed(), run);
    }

    private static List<Integer> ints(int[] values) {
        List<Integer> list = new ArrayList<>(values.length);
        for (int value : values) {
            list.add(value);
        }
        return list;
    }

    private static List<List<Double>> matrix(double[][] rows) {
        List<List<Double>> matrix = new ArrayList<>(rows.length);
        for (double[] row : rows) {
            List<Double> list = new ArrayList<>(row.length);
            for (double value : row) {
                list.add(value);
            }
            matrix.add(List.copyOf(list));
        }
        return matrix;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
