package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scalefit.data.BenchmarkScores;
import org.scalefit.data.RunTable;
import org.scalefit.data.ScoresAtLoss;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.BenchmarkLawsJson;
import org.scalefit.io.GemstonesBenchmarks;
import org.scalefit.io.InputException;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.TableReader;
import org.scalefit.overtraining.BenchmarkLawFits;
import org.scalefit.overtraining.DownstreamFitter;
import org.scalefit.overtraining.FitReport;
import org.scalefit.overtraining.FitStatistics;
import org.scalefit.overtraining.SigmoidAccuracyFitter;
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
        exitCodeList = {"0:success (a degenerate fit prints warnings)", "2:bad usage",
                "3:bad input data (file and field are printed)", "4:a fit failed"})
final class BenchmarksCommand implements Callable<Integer> {

    /** Which laws to fit. */
    enum Law {
        ERROR, SIGMOID, BOTH
    }

    @Option(names = "--data", defaultValue = GemstonesBenchmarks.BUNDLED, paramLabel = "gemstones|DIR",
            description = "The benchmark results: gemstones (bundled) or a directory holding "
                    + GemstonesBenchmarks.ACCURACY_FILE + " and " + GemstonesBenchmarks.STANDARD_ERROR_FILE
                    + ". Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--losses", defaultValue = GemstonesBenchmarks.DEFAULT_LOSSES, paramLabel = "DATASET|FILE",
            description = "The validation losses, matched on (width, depth, tokens): a bundled gemstones:<set> (e.g. "
                    + "gemstones:fineweb_edu, gemstones:fineweb_dclm) or a JSONL/CSV/Parquet file with columns width, "
                    + "depth, tokens, final_loss. Default: ${DEFAULT-VALUE} (Dolma).")
    String losses;

    @Option(names = "--law", defaultValue = "both", paramLabel = "error|sigmoid|both",
            converter = LawConverter.class, description = "The laws to fit. Default: ${DEFAULT-VALUE}.")
    Law law;

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
        Solver chosen = Solver.fromLabel(solver);
        GemstonesBenchmarks benchmarks = GemstonesBenchmarks.read(data);
        RunTable lossTable = new TableReader().read(losses, GemstonesBenchmarks.lossColumns());
        List<ScoresAtLoss> points = benchmarks.atLosses(lossTable);
        if (points.isEmpty()) {
            throw new InputException(lossTable.source(), null, null, "rows that match checkpoints of "
                    + benchmarks.source() + " on (width, depth, tokens)", "none of its " + lossTable.rows());
        }
        Optional<DownstreamFitter> errorFitter = law == Law.SIGMOID ? Optional.empty()
                : Optional.of(DownstreamFitter.gadre().withSolver(chosen));
        Optional<SigmoidAccuracyFitter> sigmoidFitter = law == Law.ERROR ? Optional.empty()
                : Optional.of(SigmoidAccuracyFitter.bhagia().withSolver(chosen));
        BenchmarkLawFits fits = BenchmarkLawFits.of(points, errorFitter, sigmoidFitter);
        if (out != null) {
            AtomicFiles.writeString(out, new BenchmarkLawsJson().write(benchmarks, lossTable, fits,
                    ScalefitVersion.current()));
        }
        print(System.out, benchmarks, lossTable, fits);
        return fits.anyFailed() ? ScalefitCommand.EXIT_FIT_FAILED : 0;
    }

    private static void print(PrintStream out, GemstonesBenchmarks benchmarks, RunTable lossTable,
                              BenchmarkLawFits fits) {
        List<BenchmarkScores> all = benchmarks.checkpoints();
        List<String> tasks = List.copyOf(all.get(0).accuracy().keySet());
        double[] x = fits.losses();
        out.printf(Locale.ROOT, "benchmarks %s: %d checkpoints of %d models on %d tasks; %d matched with losses from "
                        + "%s, L in [%.6g, %.6g]%n", benchmarks.source(), all.size(),
                all.stream().map(BenchmarkScores::model).distinct().count(), tasks.size(), x.length,
                lossTable.source(), java.util.Arrays.stream(x).min().orElseThrow(),
                java.util.Arrays.stream(x).max().orElseThrow());
        fits.errorLaw().ifPresent(fit -> {
            out.println("error law Err(L) = ε − k·e^(−γ·L) of avg_err = 1 − avg_acc:");
            report(out, fit.report(), fit.statistics(), List.of("k", "γ", "ε"), fit.law().parameters());
        });
        fits.sigmoidLaw().ifPresent(fit -> {
            out.println("sigmoid law acc(L) = a/(1 + e^(−k·(L − L0))) + b of avg_acc:");
            report(out, fit.report(), fit.statistics(), List.of("a", "k", "L0", "b"), fit.law().parameters());
        });
        Map<String, Double> lossOf = new HashMap<>();
        fits.points().forEach(point -> lossOf.put(point.scores().name(), point.loss()));
        List<BenchmarkScores> finals = benchmarks.finalRevisions().stream()
                .sorted(Comparator.comparingDouble(BenchmarkScores::averageAccuracy).reversed()).toList();
        out.printf(Locale.ROOT, "final checkpoints (main, step %d), by average accuracy:%n",
                GemstonesBenchmarks.FINAL_STEP);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-9s %8s %8s %8s", "model", "avg_acc",
                "±stderr", "loss"));
        tasks.forEach(task -> header.append(' ').append(String.format(Locale.ROOT, "%" + width(task) + "s", task)));
        out.println(header);
        for (BenchmarkScores scores : finals) {
            Double loss = lossOf.get(scores.name());
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-9s %8.4f %8.4f %8s",
                    scores.model(), scores.averageAccuracy(), scores.averageStandardError(),
                    loss == null ? "-" : String.format(Locale.ROOT, "%.4f", loss)));
            tasks.forEach(task -> line.append(' ').append(String.format(Locale.ROOT, "%" + width(task) + ".4f",
                    scores.accuracy().get(task))));
            out.println(line);
        }
    }

    private static void report(PrintStream out, FitReport report, FitStatistics statistics, List<String> names,
                               double[] parameters) {
        String method = report.solver() == Solver.LEVENBERG_MARQUARDT ? "Levenberg–Marquardt"
                : "variable projection";
        if (report.failed()) {
            out.printf(Locale.ROOT, "  FAILED: %s, %d points%n", method, report.points());
        } else {
            out.printf(Locale.ROOT, "  %s, %d points; RSS %.9g, R² %.6f, %s%n", method, report.points(),
                    statistics.sumOfSquares(), statistics.rSquared(),
                    report.status().name().toLowerCase(Locale.ROOT));
            double[] errors = statistics.standardErrors();
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < names.size(); j++) {
                line.append(j == 0 ? "  " : "   ").append(String.format(Locale.ROOT, "%s = %.9g ± %.5g", names.get(j),
                        parameters[j], errors[j]));
            }
            out.println(line);
        }
        report.warnings().forEach(warning -> out.println("  warning: " + warning));
    }

    private static int width(String task) {
        return Math.max(task.length(), 6);
    }

    /** Parses {@code --law} case-insensitively. */
    static final class LawConverter implements picocli.CommandLine.ITypeConverter<Law> {
        @Override
        public Law convert(String value) {
            for (Law law : Law.values()) {
                if (law.name().equalsIgnoreCase(value)) {
                    return law;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected error, sigmoid or both, found '"
                    + value + "'");
        }
    }
}
