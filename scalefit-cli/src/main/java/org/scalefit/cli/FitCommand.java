package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scalefit.fit.EngineProvider;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.FitDocument;
import org.scalefit.io.FitResultJson;
import org.scalefit.io.FitResultParquet;
import org.scalefit.io.analysis.FitOutcome;
import org.scalefit.io.analysis.FitRequest;
import org.scalefit.io.analysis.PreparedFit;
import org.scalefit.io.store.CacheKey;
import org.scalefit.io.store.StoredResult;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.NamedLaws;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
    DocumentFormat format;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() {
        return run();
    }

    private int run() {
        OutputPaths.requireWritableFiles(out);
        if (lawOptions.lawFile != null || !LawOptions.isBuiltInForm(law)) {
            return runExpression();
        }
        LawForm form = LawForm.named(law);
        StartGrid startGrid = StartGrid.named(grid, form.arity());
        if (writesParquet() && format != DocumentFormat.SCALEFIT) {
            throw new IllegalArgumentException("--format " + format + " is a JSON shape; --out " + out
                    + " writes Parquet");
        }
        try (EngineProvider.Engine parallelism = engine.open()) {
            return run(form, startGrid, parallelism);
        }
    }

    /** A law written as text, read from a law file, or named in the law language: parse → fit → print. */
    private int runExpression() {
        Double explicitDelta = spec.commandLine().getParseResult().hasMatchedOption("--delta") ? delta : null;
        ExpressionLaw expressionLaw = lawOptions.law(law, explicitDelta != null ? explicitDelta
                : lawOptions.lawFile != null || NamedLaws.exists(law) ? null : delta);
        if (transform.noEmbeds || transform.dropHighestLosses > 0 || format != DocumentFormat.SCALEFIT
                || writesParquet()) {
            throw new IllegalArgumentException("--no-embeds, --drop-highest-losses, --format and Parquet output are "
                    + "for the built-in laws; a law written as text is fitted to the columns it names and written "
                    + "as JSON");
        }
        MultiStartFitter.Options options = MultiStartFitter.Options.defaults().withRecognition(!exhaustive)
                .withPolish(!noPolish);
        try (EngineProvider.Engine parallelism = engine.open()) {
            return ExpressionFitRun.run(expressionLaw, lawOptions.weightColumn(), input, parallelism, options, out);
        }
    }

    /** Reads the data (through the engine, which may have to copy it here first) and fits, or serves the store's. */
    private int run(LawForm form, StartGrid startGrid, EngineProvider.Engine parallelism) {
        FitRequest request = new FitRequest(input.source(), form, transform.transforms(), delta, startGrid, !noPolish,
                !exhaustive, maxEvaluations);
        PreparedFit prepared = request.prepare(parallelism);
        CacheKey key = prepared.cacheKey();
        Optional<StoredResult> stored = store.lookup("fit", out, key);
        if (stored.isPresent()) {
            // the stored text is written back as it is; the typed document is read from it for the rest
            String text = stored.get().result();
            return finish(FitDocument.read(text, "the results store's fit " + key.sha256()), text);
        }
        FitOutcome outcome;
        try (TerminalProgress progress = TerminalProgress.start("fit " + form.name(), startGrid.size())) {
            outcome = prepared.fit(parallelism, progress);
        }
        FitDocument document = outcome.document();
        String text = document.write();
        int exitCode = finish(document, text);
        store.record("fit", out, prepared.runTable(), key, text, outcome.run().seconds());
        return exitCode;
    }

    /**
     * Writes {@code --out} from the result document ({@code text} is its scalefit form), prints its summary and
     * returns the exit code it calls for.
     */
    private int finish(FitDocument document, String text) {
        if (writesParquet()) {
            FitResultParquet.write(out, document);
        } else if (out != null) {
            AtomicFiles.writeString(out, format == DocumentFormat.GEMSTONES ? FitResultJson.gemstones(document) : text);
        }
        new FitSummary(document).print(System.out);
        return document.success() ? 0 : ScalefitCommand.EXIT_FIT_FAILED;
    }

    /** {@code --out} names a {@code .parquet} file. */
    private boolean writesParquet() {
        return out != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** The human-readable result on standard output, rendered from the result document (fresh or stored). */
    private record FitSummary(FitDocument result) {
        void print(PrintStream out) {
            LawForm form = result.form();
            out.printf(Locale.ROOT, "%s law on %d points, δ = %g, %s grid: %d starts, %d converged (%d recognised "
                            + "early), %.2f s on %d threads%n", form.name(), result.points(), result.delta(),
                    result.grid(), result.starts(), result.successfulStarts(), result.recognisedStarts(),
                    result.run().seconds(), result.run().threads());
            if (!result.hasOptimum()) {
                out.println("FAILED: no start converged");
                result.warnings().forEach(warning -> out.println("warning: " + warning));
                return;
            }
            if (!result.success()) {
                out.println("NOT CONVERGED: the best point found is not a tested local minimum (status "
                        + result.status() + "); see the warnings");
            }
            out.printf(Locale.ROOT, "objective (Huber sum) = %.12g%n", result.loss());
            FittedLaw law = result.fittedLaw();
            if (form.equals(LawForm.CHINCHILLA)) {
                double alpha = law.exponent(0);
                double beta = law.exponent(1);
                out.printf(Locale.ROOT, "L(N, D) = E + A/N^α + B/D^β%n");
                out.printf(Locale.ROOT, "  A = %.6g   B = %.6g   E = %.6g%n", Math.exp(law.logCoefficient(0)),
                        Math.exp(law.logCoefficient(1)), Math.exp(law.logIrreducibleError()));
                out.printf(Locale.ROOT, "  α = %.6g   β = %.6g%n", alpha, beta);
                out.printf(Locale.ROOT, "  compute-optimal: N_opt ∝ C^%.4f, D_opt ∝ C^%.4f%n", beta / (alpha + beta),
                        alpha / (alpha + beta));
            } else {
                out.printf(Locale.ROOT, "L = E + Σ_j exp(c_j)·x_j^(−α_j)%n");
                for (int j = 0; j < form.arity(); j++) {
                    out.printf(Locale.ROOT, "  %-7s α = %.6g   c = %.6g%n", form.inputs().get(j), law.exponent(j),
                            law.logCoefficient(j));
                }
                out.printf(Locale.ROOT, "  E = exp(%.6g) = %.6g%n", law.logIrreducibleError(),
                        Math.exp(law.logIrreducibleError()));
            }
            result.warnings().forEach(warning -> out.println("warning: " + warning));
        }
    }
}
