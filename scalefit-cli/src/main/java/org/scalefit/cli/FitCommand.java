package org.scalefit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.FitDocument;
import org.scalefit.io.analysis.FitOutcome;
import org.scalefit.io.analysis.FitRequest;
import org.scalefit.io.analysis.PreparedFit;
import org.scalefit.io.store.CacheKey;
import org.scalefit.io.store.StoredResult;
import org.scalefit.law.LawForm;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.parallel.EngineProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit fit}: Approach 3, a parametric law fitted by multi-start L-BFGS on the Huber objective of log-loss
 * residuals.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a parametric scaling law (Chinchilla Approach 3) by multi-start L-BFGS minimising the "
                + "objective, the sum of Huber penalties of the log-loss residuals.",
                "",
                "Data is a bundled dataset (gemstones:<set>, chinchilla:epoch) or a JSONL/CSV/Parquet file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the fit succeeded (or was served from the results store)",
                "1:an I/O failure (e.g. the results store is locked or unreadable; the file is named)",
                "2:bad command-line usage", "3:bad input data (file, line and column are "
                + "printed)", "4:no start converged, or the best point found failed the stationarity test (the "
                + "result says status not_stationary and warns 'not converged'; its parameters are not a minimum), "
                + "or the evaluation limit stopped starts before they converged (status budget_cut, warning 'budget "
                + "cut': the best point may not be the lowest); with --bootstrap, also when fewer than 2 refits converged (no intervals)",
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

    @Mixin
    LawBootstrapOptions bootstrapOptions = new LawBootstrapOptions();

    @Spec
    CommandSpec spec;

    @Mixin
    DeltaOption huber = new DeltaOption();

    @Option(names = "--grid", defaultValue = "gemstones", paramLabel = "GRID",
            description = "Starting points of the built-in laws: gemstones (5^k·6^k·5 starts) or epoch (Epoch AI's "
                    + "4500-start order, 2-input laws); a law written as text starts from its parameters' --start "
                    + "values. Default: ${DEFAULT-VALUE}.")
    String grid;

    @Mixin
    TransformOptions transform = new TransformOptions();

    @Mixin
    SearchOptions search = new SearchOptions();

    @Mixin
    LimitsOptions limits = new LimitsOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result as JSON to FILE, or as a one-row "
            + "Parquet table if FILE ends in .parquet.")
    Path out;

    @Option(names = "--format", defaultValue = "scalefit", paramLabel = "FORMAT",
            description = "JSON shape for --out: scalefit (full result) or gemstones (Gemstones parameter file).")
    DocumentFormat format;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    /** The options that shape a law written as text or file ({@link LawOptions}), in their help order. */
    private static final List<String> TEXT_LAW_OPTIONS = List.of("--input", "--fix", "--tie", "--log", "--bounds",
            "--start", "--residual", "--objective", "--kappa", "--weights", "--bootstrap");

    /** The options of the built-in laws' fit that a law written as text or file would not use. */
    private static final List<String> BUILT_IN_OPTIONS = List.of("--grid", "--no-embeds", "--vocab",
            "--drop-highest-losses");

    @Override
    public Integer call() {
        OutputPaths.requireNotNamedAs(out, "--out", "JSON (or a Parquet table for a name ending in .parquet)",
                ".csv", ".tsv", ".jsonl");
        OutputPaths.requireWritableFiles(out);
        if (lawOptions.lawFile != null || !LawOptions.isBuiltInForm(law)) {
            return runExpression();
        }
        List<String> textLawOptions = TEXT_LAW_OPTIONS.stream()
                .filter(option -> spec.commandLine().getParseResult().hasMatchedOption(option)).toList();
        if (!textLawOptions.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", textLawOptions) + ": for a law written as text or "
                    + "file (e.g. --law 'E + A/N^alpha + B/D^beta'), not for the built-in law " + law
                    + (textLawOptions.contains("--bootstrap") ? "; bootstrap a built-in fit with scalefit bootstrap "
                    + "--fit FIT.json" : ""));
        }
        LawForm form = LawForm.named(law);
        StartGrid startGrid = StartGrid.named(grid, form.arity());
        FitOutput output = new FitOutput(out, format);
        try (EngineProvider.Engine parallelism = engine.open()) {
            return run(form, startGrid, parallelism, output);
        }
    }

    /** A law written as text, read from a law file, or named in the law language: parse → fit → print. */
    private int runExpression() {
        ExpressionLaw expressionLaw = lawOptions.law(law,
                spec.commandLine().getParseResult().hasMatchedOption("--delta"), huber.delta);
        List<String> builtInOptions = new java.util.ArrayList<>(BUILT_IN_OPTIONS.stream()
                .filter(option -> spec.commandLine().getParseResult().hasMatchedOption(option)).toList());
        if (format != DocumentFormat.SCALEFIT) {
            builtInOptions.add("--format " + format.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (FitOutput.parquet(out)) {
            builtInOptions.add("Parquet output");
        }
        if (!builtInOptions.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", builtInOptions) + ": for the built-in laws "
                    + "(chinchilla, width-depth, width-depth-params); a law written as text, read from a file or "
                    + "named in the law language is fitted to the columns it names, from its parameters' start "
                    + "values (--start NAME=V1,V2,…), and written as JSON");
        }
        if (bootstrapOptions.bootstrap != null && bootstrapOptions.bootstrap < 2) {
            throw new IllegalArgumentException("--bootstrap needs at least 2 replicates, was "
                    + bootstrapOptions.bootstrap);
        }
        try (EngineProvider.Engine parallelism = engine.open()) {
            return ExpressionFitRun.run(expressionLaw, lawOptions.weightColumn(), input, parallelism,
                    search.options(), bootstrapOptions.bootstrap, bootstrapOptions.seeded.seed, out, limits.limits(),
                    store);
        }
    }

    /** Reads the data (through the engine, which may have to copy it here first) and fits, or serves the store's. */
    private int run(LawForm form, StartGrid startGrid, EngineProvider.Engine parallelism, FitOutput output) {
        FitRequest request = new FitRequest(input.source(), form, transform.transforms(), huber.delta, startGrid,
                !search.noPolish, search.earlyRecognition, search.maxEvaluations, limits.limits());
        PreparedFit prepared = request.prepare(parallelism);
        CacheKey key = prepared.cacheKey();
        Optional<StoredResult> stored = store.lookup("fit", out, key);
        if (stored.isPresent()) {
            // the stored text is written back as it is; the typed document is read from it for the rest
            String text = stored.get().result();
            return output.finish(FitDocument.read(text, "the results store's fit " + key.sha256()), text);
        }
        FitOutcome outcome;
        try (TerminalProgress progress = TerminalProgress.start("fit " + form.name(), startGrid.size())) {
            outcome = prepared.fit(parallelism, progress);
        }
        FitDocument document = outcome.document();
        String text = document.write();
        int exitCode = output.finish(document, text);
        store.record("fit", out, prepared.runTable(), key, text, outcome.run().seconds());
        return exitCode;
    }
}
