package org.scalefit.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.data.BenchmarkScores;
import org.scalefit.data.RunTable;
import org.scalefit.io.GemstonesBenchmarks;
import org.scalefit.io.LossScoreTable;
import org.scalefit.io.analysis.BenchmarkTableResult;
import org.scalefit.io.analysis.BenchmarksResult;
import org.scalefit.overtraining.BenchmarkLawFits;
import org.scalefit.overtraining.FitReport;
import org.scalefit.overtraining.FitStatistics;
import org.scalefit.overtraining.LossScoreFits;
import org.scalefit.overtraining.Solver;

/**
 * {@code scalefit benchmarks}' human-readable result: the laws fitted and the final checkpoints' accuracies, or, for a
 * user's table, the laws fitted and their predictions.
 */
final class BenchmarksPrinter {

    private BenchmarksPrinter() {
    }

    static void print(PrintStream out, BenchmarksResult result) {
        GemstonesBenchmarks benchmarks = result.benchmarks();
        RunTable lossTable = result.losses();
        BenchmarkLawFits fits = result.fits();
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
        if (finals.isEmpty()) {
            out.printf(Locale.ROOT, "final checkpoints (main, step %d): none; no checkpoint is named "
                    + "Gemstone-<width>x<depth>-main%n", GemstonesBenchmarks.FINAL_STEP);
            return;
        }
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

    /** The laws fitted to a user's table and their predictions at the requested losses. */
    static void print(PrintStream out, BenchmarkTableResult result) {
        LossScoreTable table = result.table();
        LossScoreFits fits = result.fits();
        boolean accuracy = fits.kind() == LossScoreFits.Score.ACCURACY;
        out.printf(Locale.ROOT, "benchmarks %s: %d rows; loss from column '%s', %s from column '%s'; L in "
                        + "[%.6g, %.6g]%n", table.table().source(), table.rows(), table.lossColumn(),
                table.scoreName(), table.scoreColumn(), fits.lowestLoss(), fits.highestLoss());
        fits.errorLaw().ifPresent(fit -> {
            out.println("error law Err(L) = ε − k·e^(−γ·L) of " + (accuracy ? "err = 1 − accuracy" : "error") + ":");
            report(out, fit.report(), fit.statistics(), List.of("k", "γ", "ε"), fit.law().parameters());
        });
        fits.sigmoidLaw().ifPresent(fit -> {
            out.println("sigmoid law acc(L) = a/(1 + e^(−k·(L − L0))) + b of " + (accuracy ? "accuracy"
                    : "acc = 1 − error") + ":");
            report(out, fit.report(), fit.statistics(), List.of("a", "k", "L0", "b"), fit.law().parameters());
        });
        if (result.predictions().isEmpty()) {
            return;
        }
        out.println("predictions:");
        out.printf(Locale.ROOT, "  %12s %10s %10s%n", "loss", "Err(L)", "acc(L)");
        for (LossScoreFits.Prediction prediction : result.predictions()) {
            out.printf(Locale.ROOT, "  %12.6g %10s %10s%s%n", prediction.loss(), value(prediction.error()),
                    value(prediction.accuracy()), prediction.extrapolated() ? "  (extrapolated)" : "");
        }
    }

    private static String value(java.util.OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.6f", value.getAsDouble()) : "-";
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
}
