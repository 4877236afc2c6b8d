package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.EngineProvider;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.ColumnMapping;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.FitResultJson;
import org.scalefit.io.FitResultParquet;
import org.scalefit.io.store.CacheKey;
import org.scalefit.io.store.ObservationsDigest;
import org.scalefit.io.store.StoredResult;
import org.scalefit.io.store.StoredRunTable;
import org.scalefit.law.LawForm;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.NamedLaws;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scalefit fit}: Approach 3, a parametric law fitted by multi-start L-BFGS on the Huber loss of log-loss
 * residuals.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a parametric scaling law (Chinchilla Approach 3) by multi-start L-BFGS on the Huber loss "
                + "of log-loss residuals.",
                "",
                "Data is a bundled dataset (gemstones:<set>, chinchilla:epoch) or a JSONL/CSV/Parquet file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the fit succeeded (or was served from the results store)",
                "1:an I/O failure (e.g. the results store is locked or unreadable; the file is named)",
                "2:bad command-line usage", "3:bad input data (file, line and column are "
                + "printed)", "4:no start converged, or the best point found failed the stationarity test (the "
                + "result says status not_stationary and warns 'not converged'; its parameters are not a minimum)",
                "5:the data cannot identify the law (status not_identified, no search run): too few points or "
                + "distinct values per input, a constant input, nearly collinear log inputs (|corr| > 0.99), or "
                + "params/tokens above --max-params/--max-tokens; the reasons are printed",
                "130:interrupted"})
final class FitCommand implements Callable<Integer> {

    @Mixin
    DataOptions input = new DataOptions();

    @Option(names = "--law", defaultValue = "chinchilla", paramLabel = "LAW",
            description = "chinchilla (params, tokens), width-depth (width, depth, tokens) or width-depth-params; "
                    + "a named law of the law language (kaplan, data-constrained, saturating-compute, "
                    + "gadre-overtraining); or a law written as text, e.g. 'E + A/N^alpha + B/D^beta'. "
                    + "Default: ${DEFAULT-VALUE}.")
    String law;

    @Mixin
    LawOptions lawOptions = new LawOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--delta", defaultValue = ScalefitCommand.DEFAULT_DELTA, paramLabel = "δ",
            description = "Huber threshold on log-loss residuals. Default: ${DEFAULT-VALUE}"
                    + ScalefitCommand.DEFAULT_DELTA_NOTE + ".")
    double delta;

    @Option(names = "--grid", defaultValue = "gemstones", paramLabel = "GRID",
            description = "Starting points: gemstones (5^k·6^k·5 starts) or epoch (Epoch AI's 4500-start order, "
                    + "2-input laws). Default: ${DEFAULT-VALUE}.")
    String grid;

    @Mixin
    TransformOptions transform = new TransformOptions();

    @Mixin
    LimitsOptions limits = new LimitsOptions();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all cores.")
    Integer threads;

    @Option(names = "--exhaustive",
            description = "Run every start to its end (no early recognition of already-found basins).")
    boolean exhaustive;

    @Option(names = "--no-polish", description = "Report the best grid start as found, without polishing it "
            + "(its stationarity test is still reported).")
    boolean noPolish;

    @Option(names = "--max-evaluations", paramLabel = "N", description = "At most N objective evaluations per start "
            + "(in each of its two stages). Default: 15000.")
    Integer maxEvaluations;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result as JSON to FILE, or as a one-row "
            + "Parquet table if FILE ends in .parquet.")
    Path out;

    @Option(names = "--format", defaultValue = "scalefit", paramLabel = "FORMAT",
            description = "JSON shape for --out: scalefit (full result) or gemstones (Gemstones parameter file).")
    String format;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() {
        return Failures.guard("fit", this::run);
    }

    private int run() {
        OutputPaths.requireWritableFiles(out);
        if (lawOptions.lawFile != null || !LawOptions.isBuiltInForm(law)) {
            return runExpression();
        }
        LawForm form = LawForm.named(law);
        StartGrid startGrid = StartGrid.named(grid, form.arity());
        if (!format.equals("scalefit") && !format.equals("gemstones")) {
            throw new IllegalArgumentException("unknown format '" + format + "'; expected scalefit or gemstones");
        }
        if (writesParquet() && !format.equals("scalefit")) {
            throw new IllegalArgumentException("--format " + format + " is a JSON shape; --out " + out
                    + " writes Parquet");
        }
        try (EngineProvider.Engine parallelism = engine.open(threads)) {
            return run(form, startGrid, parallelism);
        }
    }

    /** A law written as text, read from a law file, or named in the law language: parse → fit → print. */
    private int runExpression() {
        Double explicitDelta = spec.commandLine().getParseResult().hasMatchedOption("--delta") ? delta : null;
        ExpressionLaw expressionLaw = lawOptions.law(law, explicitDelta != null ? explicitDelta
                : lawOptions.lawFile != null || NamedLaws.exists(law) ? null : delta);
        if (transform.noEmbeds || transform.dropHighestLosses > 0 || !format.equals("scalefit") || writesParquet()) {
            throw new IllegalArgumentException("--no-embeds, --drop-highest-losses, --format and Parquet output are "
                    + "for the built-in laws; a law written as text is fitted to the columns it names and written "
                    + "as JSON");
        }
        MultiStartFitter.Options options = MultiStartFitter.Options.defaults().withRecognition(!exhaustive)
                .withPolish(!noPolish);
        try (EngineProvider.Engine parallelism = engine.open(threads)) {
            return ExpressionFitRun.run(expressionLaw, lawOptions.weightColumn(), input, parallelism, options, out,
                    limits.limits());
        }
    }

    /** Reads the data (through the engine, which may have to copy it here first) and fits, or serves the store's. */
    private int run(LawForm form, StartGrid startGrid, EngineProvider.Engine parallelism) {
        String localData = parallelism.localCopy(input.data);
        List<String> transforms = new ArrayList<>();
        PreparedData prepared = readObservations(form, transforms, input.reading(localData));
        Observations observations = prepared.observations();
        RunTable table = prepared.table();
        String dataId = localData.equals(input.data) ? table.source() : input.data;
        FitProvenance provenance = new FitProvenance(dataId, table.contentHash(), transforms,
                ScalefitCommand.version(), prepared.columns().fileColumns());
        StoredRunTable runTable = StoredRunTable.of(table, prepared.columns());
        CacheKey key = cacheKey(form, startGrid, observations, provenance, runTable);
        Optional<StoredResult> stored = store.lookup("fit", out, key);
        if (stored.isPresent()) {
            return finish(stored.get().result());
        }
        MultiStartFitter.Options options = MultiStartFitter.Options.defaults()
                .withRecognition(!exhaustive).withPolish(!noPolish);
        if (maxEvaluations != null) {
            options = options.withMaxEvaluations(maxEvaluations);
        }
        MultiStartFitter fitter = new MultiStartFitter(options);
        int workers = parallelism.threads();
        long begin = System.nanoTime();
        LawFit fit;
        try (TerminalProgress progress = TerminalProgress.start("fit " + form.name(), startGrid.size())) {
            fit = LawFit.fit(form, observations, delta, startGrid, fitter, parallelism, progress, limits.limits());
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        String document = new FitResultJson().scalefit(fit, provenance, workers, seconds);
        int exitCode = finish(document);
        store.record("fit", out, runTable, key, document, seconds);
        return exitCode;
    }

    /**
     * The store key of this fit: everything that shapes the result document outside its run section — the data as
     * named, as read (column mapping) and as fitted, the transforms, law, δ, grid and engine switches — and nothing
     * else (not the thread count, which changes no result, nor the output format, which is derived from the document).
     */
    private CacheKey cacheKey(LawForm form, StartGrid startGrid, Observations observations,
                              FitProvenance provenance, StoredRunTable runTable) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("data", provenance.data());
        options.put("columns", runTable.columns());
        options.put("transforms", provenance.transforms());
        options.put("points_sha256", ObservationsDigest.sha256(observations));
        options.put("law", form.name());
        options.put("delta", delta);
        options.put("grid", startGrid.name());
        options.put("grid_size", startGrid.size());
        options.put("polish", !noPolish);
        options.put("recognition", !exhaustive);
        options.put("engine", MultiStartFitter.REVISION);
        if (maxEvaluations != null) {
            options.put("max_evaluations", maxEvaluations);
        }
        if (!limits.defaults()) {
            options.put("max_params", limits.limits().maxParams());
            options.put("max_tokens", limits.limits().maxTokens());
        }
        return CacheKey.of("approach3-fit", provenance.dataSha256(), options, provenance.version());
    }

    /** Writes {@code --out} from the result document, prints its summary and returns the exit code it calls for. */
    private int finish(String document) {
        if (writesParquet()) {
            FitResultParquet.write(out, document);
        } else if (out != null) {
            AtomicFiles.writeString(out, format.equals("gemstones") ? new FitResultJson().gemstones(document)
                    : document);
        }
        JsonNode result = JsonMapper.builder().build().readTree(document);
        new FitSummary(result).print(System.out);
        if (result.get("status").asString().equals(LawFit.Status.NOT_IDENTIFIED.label())) {
            List<String> reasons = new ArrayList<>();
            result.get("warnings").forEach(warning -> reasons.add(warning.asString()));
            System.err.println("scalefit fit: the data cannot identify the law: " + String.join("; ", reasons));
        }
        return ScalefitCommand.exitCode(result.get("status").asString());
    }

    /** {@code --out} names a {@code .parquet} file. */
    private boolean writesParquet() {
        return out != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** The table as read and the file columns read (for provenance), and the points fitted. */
    private record PreparedData(RunTable table, ColumnMapping columns, Observations observations) {
    }

    private PreparedData readObservations(LawForm form, List<String> transforms, DataOptions data) {
        FitInputs inputs = FitInputs.read(data, form, transform.transforms(),
                List.of());
        transforms.addAll(inputs.transforms());
        return new PreparedData(inputs.table(), inputs.columns(), inputs.observations());
    }

    /** The human-readable result on standard output, rendered from the result document (fresh or stored). */
    private record FitSummary(JsonNode result) {
        void print(PrintStream out) {
            LawForm form = LawForm.named(result.get("law").asString());
            out.printf(Locale.ROOT, "%s law on %d points, δ = %g, %s grid: %d starts, %d converged (%d recognised "
                            + "early), %.2f s on %d threads%n", form.name(), result.get("points").asInt(),
                    result.get("delta").asDouble(), result.get("grid").asString(), result.get("starts").asLong(),
                    result.get("successful_starts").asLong(), result.get("recognised_starts").asLong(),
                    result.get("run").get("seconds").asDouble(), result.get("run").get("threads").asInt());
            if (result.get("status").asString().equals("not_identified")) {
                out.println("NOT IDENTIFIED: the data cannot identify the law; no fit was made");
                for (JsonNode warning : result.get("warnings")) {
                    out.println("  " + warning.asString());
                }
                return;
            }
            if (!result.has("loss")) {
                out.println("FAILED: no start converged");
                for (JsonNode warning : result.get("warnings")) {
                    out.println("warning: " + warning.asString());
                }
                return;
            }
            if (!result.get("success").asBoolean()) {
                out.println("NOT CONVERGED: the best point found is not a tested local minimum (status "
                        + result.get("status").asString() + "); see the warnings");
            }
            out.printf(Locale.ROOT, "objective (Huber sum) = %.12g%n", result.get("loss").asDouble());
            double[] exponents = doubles(result.get("exponents"));
            double[] coefficients = doubles(result.get("coefficients"));
            double logIrreducibleError = result.get("irreducible_error").asDouble();
            if (form.equals(LawForm.CHINCHILLA)) {
                double alpha = exponents[0];
                double beta = exponents[1];
                out.printf(Locale.ROOT, "L(N, D) = E + A/N^α + B/D^β%n");
                out.printf(Locale.ROOT, "  A = %.6g   B = %.6g   E = %.6g%n", Math.exp(coefficients[0]),
                        Math.exp(coefficients[1]), Math.exp(logIrreducibleError));
                out.printf(Locale.ROOT, "  α = %.6g   β = %.6g%n", alpha, beta);
                out.printf(Locale.ROOT, "  compute-optimal: N_opt ∝ C^%.4f, D_opt ∝ C^%.4f%n", beta / (alpha + beta),
                        alpha / (alpha + beta));
            } else {
                out.printf(Locale.ROOT, "L = E + Σ_j exp(c_j)·x_j^(−α_j)%n");
                for (int j = 0; j < form.arity(); j++) {
                    out.printf(Locale.ROOT, "  %-7s α = %.6g   c = %.6g%n", form.inputs().get(j), exponents[j],
                            coefficients[j]);
                }
                out.printf(Locale.ROOT, "  E = exp(%.6g) = %.6g%n", logIrreducibleError,
                        Math.exp(logIrreducibleError));
            }
            for (JsonNode warning : result.get("warnings")) {
                out.println("warning: " + warning.asString());
            }
        }

        private static double[] doubles(JsonNode array) {
            double[] values = new double[array.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = array.get(i).asDouble();
            }
            return values;
        }
    }
}
