package org.scalefit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.GemstonesBenchmarks;
import org.scalefit.io.analysis.BenchmarksRequest;
import org.scalefit.io.analysis.BenchmarksResult;
import org.scalefit.overtraining.Solver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scalefit benchmarks}: downstream laws of Gemstones' benchmark scores in validation loss — Gadre et al.'s
 * error law Err(L) = ε − k·e^(−γ·L) and Bhagia et al.'s sigmoid acc(L) = a/(1 + e^(−k·(L − L₀))) + b — fitted to
 * every checkpoint matched with its loss, and the final checkpoints' accuracies.
 */
@Command(name = "benchmarks", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Downstream laws of benchmark accuracy in validation loss on Gemstones' lighteval results "
                + "(9 tasks, 22 models × 35 checkpoints), each checkpoint matched with its loss on model and tokens: "
                + "the error law Err(L) = ε − k·e^(−γ·L) of the average error 1 − avg_acc (Gadre et al. 2024) and "
                + "the sigmoid acc(L) = a/(1 + e^(−k·(L − L0))) + b of the average accuracy (Bhagia et al. 2024), "
                + "with standard errors (curve_fit's s²·(JᵀJ)⁻¹), RSS and R²; and the final checkpoints' "
                + "accuracies.",
                "",
                "Example: scalefit benchmarks --law both --out benchmarks.json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (a degenerate fit prints warnings)", "1:I/O error (e.g. an output that cannot be written)", "2:bad usage",
                "3:bad input data (file and field are printed)", "4:a fit failed"})
final class BenchmarksCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = GemstonesBenchmarks.BUNDLED, paramLabel = "gemstones|DIR",
            description = "The benchmark results: gemstones (bundled) or a directory holding "
                    + GemstonesBenchmarks.ACCURACY_FILE + " and " + GemstonesBenchmarks.STANDARD_ERROR_FILE
                    + " in the bundled form: one numeric column per task (accuracies in [0, 1], no missing values) and "
                    + "the checkpoint names in " + GemstonesBenchmarks.INDEX_COLUMN + ", Gemstone-<width>x<depth>-"
                    + "step_<step> or Gemstone-<width>x<depth>-main (step " + GemstonesBenchmarks.FINAL_STEP
                    + "); tokens = step·2048·2048. Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--losses", defaultValue = GemstonesBenchmarks.DEFAULT_LOSSES, paramLabel = "DATASET|FILE",
            description = "The validation losses, matched on (width, depth, tokens): a bundled gemstones:<set> (e.g. "
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

    @Option(names = "--out", paramLabel = "FILE", description = "Write the fits and final accuracies as JSON to FILE.")
    Path out;

    @Override
    public Integer call() {
        OutputPaths.requireWritableFiles(out);
        BenchmarksResult result = new BenchmarksRequest(data, losses, law, Solver.fromLabel(solver)).run();
        if (out != null) {
            AtomicFiles.writeString(out, result.document().write());
        }
        BenchmarksPrinter.print(System.out, result);
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
