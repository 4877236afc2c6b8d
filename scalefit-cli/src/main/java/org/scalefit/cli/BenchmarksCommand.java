package org.scalefit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.GemstonesBenchmarks;
import org.scalefit.io.analysis.BenchmarkTableRequest;
import org.scalefit.io.analysis.BenchmarkTableResult;
import org.scalefit.io.analysis.BenchmarksRequest;
import org.scalefit.io.analysis.BenchmarksResult;
import org.scalefit.overtraining.Solver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit benchmarks}: downstream laws of Gemstones' benchmark scores in validation loss — Gadre et al.'s
 * error law Err(L) = ε − k·e^(−γ·L) and Bhagia et al.'s sigmoid acc(L) = a/(1 + e^(−k·(L − L₀))) + b — fitted to
 * every checkpoint matched with its loss, and the final checkpoints' accuracies; or the same laws fitted to a user's
 * table of losses and accuracies (or errors), with predictions at given losses.
 */
@Command(name = "benchmarks", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Downstream laws of benchmark accuracy in validation loss on Gemstones' lighteval results "
                + "(9 tasks, 22 models × 35 checkpoints), each checkpoint matched with its loss on model and tokens: "
                + "the error law Err(L) = ε − k·e^(−γ·L) of the average error 1 − avg_acc (Gadre et al. 2024) and "
                + "the sigmoid acc(L) = a/(1 + e^(−k·(L − L0))) + b of the average accuracy (Bhagia et al. 2024), "
                + "with standard errors (curve_fit's s²·(JᵀJ)⁻¹), RSS and R²; and the final checkpoints' "
                + "accuracies.",
                "",
                "A table of your own (--data FILE: CSV, JSON Lines, JSON or Parquet) has one row per model or "
                        + "checkpoint with its validation loss (column final_loss or loss) and one score: an accuracy "
                        + "(accuracy or acc) or an error (error or err), each in [0, 1]; the error law is fitted to "
                        + "the error (1 − accuracy) and the sigmoid to the accuracy (1 − error). --column maps other "
                        + "names; --at-loss predicts both at given losses.",
                "",
                "Example: scalefit benchmarks --law both --out benchmarks.json",
                "         scalefit benchmarks --data evals.csv --column accuracy=avg_acc --law error --at-loss 2.5,2.2"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (a degenerate fit prints warnings)", "1:I/O error (e.g. an output that cannot be written)", "2:bad usage",
                "3:bad input data (file and field are printed)", "4:a fit failed"})
final class BenchmarksCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = GemstonesBenchmarks.BUNDLED, paramLabel = "gemstones|DIR|FILE",
            description = "The benchmark results: a table file of losses and scores (see above), gemstones (bundled) "
                    + "or a directory holding "
                    + GemstonesBenchmarks.ACCURACY_FILE + " and " + GemstonesBenchmarks.STANDARD_ERROR_FILE
                    + " in the bundled form: one numeric column per task (accuracies in [0, 1], no missing values) and "
                    + "the checkpoint names in " + GemstonesBenchmarks.INDEX_COLUMN + ", Gemstone-<width>x<depth>-"
                    + "step_<step> or Gemstone-<width>x<depth>-main (step " + GemstonesBenchmarks.FINAL_STEP
                    + "); tokens = step·2048·2048. Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--losses", defaultValue = GemstonesBenchmarks.DEFAULT_LOSSES, paramLabel = "DATASET|FILE",
            description = "The validation losses of gemstones or a DIR, matched on (width, depth, tokens): a bundled "
                    + "gemstones:<set> (e.g. "
                    + "gemstones:fineweb_edu, gemstones:fineweb_dclm) or a JSONL/CSV/Parquet file with columns width, "
                    + "depth, tokens, final_loss. Default: ${DEFAULT-VALUE} (Dolma).")
    String losses;

    @Option(names = "--law", defaultValue = "both", paramLabel = "error|sigmoid|both",
            converter = LawConverter.class, description = "The laws to fit. Default: ${DEFAULT-VALUE}.")
    BenchmarksRequest.Laws law;

    @Option(names = "--solver", defaultValue = "lm", paramLabel = "lm|varpro",
            description = "lm: Levenberg-Marquardt as the study's curve_fit (error law from (1, 1, 1); sigmoid from "
                    + "p0 = (max acc − min acc, 1, median L, min acc), curve_fit's tolerances); varpro: variable "
                    + "projection, the exact minimum (a profile over the exponent, or a grid over (k, L0) for the "
                    + "sigmoid, then a tight LM polish). Default: ${DEFAULT-VALUE}.")
    String solver;

    @Option(names = "--column", paramLabel = "LOGICAL=FILE_COLUMN",
            description = "With a table file: map a logical column (loss, accuracy, error) to a column of the file. "
                    + "Defaults: final_loss or loss; accuracy or acc; error or err. Mapping accuracy or error picks "
                    + "the score when the file has both.")
    Map<String, String> columns = new LinkedHashMap<>();

    @Option(names = "--where", paramLabel = "CONDITION",
            description = "With a table file: keep only the rows for which this SQL condition over the file's own "
                    + "columns holds, e.g. \"params >= 1e8\" (recorded in the result's provenance).")
    String where;

    @Option(names = "--at-loss", split = ",", paramLabel = "L",
            description = "With a table file: predict Err(L) and acc(L) at these losses (comma-separated or "
                    + "repeated); a loss outside the fitted losses is warned about as an extrapolation.")
    List<Double> atLoss = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the fits and final accuracies (or, for a table "
            + "file, the fits and predictions) as JSON to FILE.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputPaths.requireWritableFiles(out);
        if (Files.isRegularFile(Path.of(data))) {
            return table();
        }
        for (String option : List.of("--column", "--where", "--at-loss")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new IllegalArgumentException(option + " applies to a table file given with --data FILE, not "
                        + "to benchmark results in the Gemstones layout (" + data + ")");
            }
        }
        BenchmarksResult result = new BenchmarksRequest(data, losses, law, Solver.fromLabel(solver)).run();
        if (out != null) {
            AtomicFiles.writeString(out, result.document().write());
        }
        BenchmarksPrinter.print(System.out, result);
        return result.fits().anyFailed() ? ScalefitCommand.EXIT_FIT_FAILED : 0;
    }

    /** A user's table of losses and scores: the laws fitted to it and their predictions. */
    private int table() {
        if (spec.commandLine().getParseResult().hasMatchedOption("--losses")) {
            throw new IllegalArgumentException("--losses applies to benchmark results in the Gemstones layout; the "
                    + "table " + data + " holds its own losses");
        }
        BenchmarkTableResult result = new BenchmarkTableRequest(data, columns, where, law, Solver.fromLabel(solver), atLoss)
                .run();
        if (out != null) {
            AtomicFiles.writeString(out, result.document().write());
        }
        BenchmarksPrinter.print(System.out, result);
        result.extrapolations().forEach(warning -> System.err.println("warning: " + warning));
        return result.fits().anyFailed() ? ScalefitCommand.EXIT_FIT_FAILED : 0;
    }

    /** Parses {@code --law} case-insensitively. */
    static final class LawConverter implements picocli.CommandLine.ITypeConverter<BenchmarksRequest.Laws> {
        @Override
        public BenchmarksRequest.Laws convert(String value) {
            for (BenchmarksRequest.Laws law : BenchmarksRequest.Laws.values()) {
                if (law.name().equalsIgnoreCase(value)) {
                    return law;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected error, sigmoid or both, found '"
                    + value + "'");
        }
    }
}
