package org.scalefit.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.overtraining.DownstreamFit;
import org.scalefit.overtraining.FitReport;
import org.scalefit.overtraining.HeldOutPrediction;
import org.scalefit.overtraining.ModelRun;
import org.scalefit.overtraining.OvertrainingAnalysis;
import org.scalefit.overtraining.OvertrainingLaw;
import org.scalefit.overtraining.Prediction;

/** The text report of the {@code overtrain} and {@code downstream} commands. */
final class OvertrainingPrinter {

    private final PrintStream out;

    OvertrainingPrinter(PrintStream out) {
        this.out = out;
    }

    void lossLaw(String source, String dataset, String lossSet, OvertrainingAnalysis analysis) {
        FitReport report = analysis.lossFit().report();
        out.printf(Locale.ROOT, "over-training law, %s %s, loss on %s: %d runs (%s)%n", source, dataset, lossSet,
                report.points(), describe(analysis.split().lossFit()));
        fitLine(report);
        if (report.failed()) {
            return;
        }
        OvertrainingLaw law = analysis.lossFit().law();
        OvertrainingLaw.ComputeForm compute = law.computeForm();
        out.printf(Locale.ROOT, "  L(N, M) = E + α·N^b + β·6^(b/2)·(M·N)^b   α = %.9g  β = %.9g  b = %.9g  E = %.9g%n",
                law.alpha(), law.beta(), law.exponent(), law.irreducible());
        out.printf(Locale.ROOT, "  L(C, M) = E + (a·M^η + b·M^−η)·C^−η       a = %.9g  b = %.9g  η = %.9g%n",
                compute.a(), compute.b(), compute.eta());
        out.printf(Locale.ROOT, "  L(N, D) = E + A·N^b + B·D^b               A = %.9g  B = %.9g%n", law.alpha(),
                law.tokensCoefficient());
    }

    void downstreamLaw(String key, DownstreamFit fit, List<ModelRun> points) {
        out.printf(Locale.ROOT, "downstream law, %s error: %d runs (%s)%n", label(key), points.size(),
                describe(points));
        fitLine(fit.report());
        if (!fit.report().failed()) {
            out.printf(Locale.ROOT, "  Err(L) = ε − k·e^(−γ·L)   k = %.9g  γ = %.9g  ε = %.9g%n", fit.law().k(),
                    fit.law().gamma(), fit.law().epsilon());
        }
    }

    void predictions(OvertrainingAnalysis analysis) {
        if (analysis.predictions().isEmpty()) {
            return;
        }
        List<String> keys = List.copyOf(analysis.downstreamFits().keySet());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-28s %11s %5s %11s %9s %9s %9s",
                "run", "N", "M", "C = 6ND", "loss", "predicted", "rel.err"));
        for (String key : keys) {
            header.append(String.format(Locale.ROOT, " | %9s %9s %9s", label(key), "predicted", "rel.err"));
        }
        out.println(keys.isEmpty() ? "predictions:" : "predictions (errors chained from the predicted loss):");
        out.println(header);
        for (HeldOutPrediction p : analysis.predictions()) {
            ModelRun run = p.run();
            String name = run.name() + (p.inDownstreamFit() && !keys.isEmpty() ? "*" : "");
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-28s %11.5g %5.0f %11.4e %9.6f %9.6f"
                    + " %s", name, run.params(), run.tokensPerParam(), run.compute(), p.loss().observed(),
                    p.loss().predicted(), percent(p.loss())));
            for (String key : keys) {
                Prediction error = p.error().get(key);
                line.append(error == null ? String.format(Locale.ROOT, " | %9s %9s %9s", "-", "-", "-")
                        : String.format(Locale.ROOT, " | %9.6f %9.6f %s", error.observed(), error.predicted(),
                                percent(error)));
            }
            out.println(line);
        }
        if (!keys.isEmpty() && analysis.predictions().stream().anyMatch(HeldOutPrediction::inDownstreamFit)) {
            out.println("  * in the downstream fit");
        }
        for (String warning : analysis.warnings()) {
            out.println("  warning: " + warning);
        }
    }

    /** The relative error in percent, or '-' when there is none (an observed value of 0, as the JSON's null). */
    private static String percent(Prediction prediction) {
        double percent = prediction.percentError();
        return Double.isFinite(percent) ? String.format(Locale.ROOT, "%7.4f %%", percent)
                : String.format(Locale.ROOT, "%9s", "-");
    }

    private void fitLine(FitReport report) {
        String method = report.solver() == org.scalefit.overtraining.Solver.LEVENBERG_MARQUARDT
                ? String.format(Locale.ROOT, "Levenberg–Marquardt from %d start%s (%d converged, %d at the optimum)",
                        report.starts(), report.starts() == 1 ? "" : "s", report.convergedStarts(),
                        report.startsAtOptimum())
                : "variable projection";
        if (report.failed()) {
            out.printf(Locale.ROOT, "  FAILED: %s%n", method);
        } else {
            out.printf(Locale.ROOT, "  %s; RSS %.6e, sqrt(RSS/(n−2)) %.6e, %s%n", method, report.sumOfSquares(),
                    report.residualScale(), report.status().name().toLowerCase(Locale.ROOT));
        }
        for (String warning : report.warnings()) {
            out.println("  warning: " + warning);
        }
    }

    private static String label(String key) {
        return switch (key) {
            case "avg" -> "46-task";
            case "avg_subset" -> "17-task";
            default -> key;
        };
    }

    /** "4 at M = 20, 1 at M = 320". */
    private static String describe(List<ModelRun> runs) {
        Map<Double, Long> counts = new java.util.TreeMap<>();
        for (ModelRun run : runs) {
            counts.merge(run.tokensPerParam(), 1L, Long::sum);
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((m, n) -> text.append(text.length() > 0 ? ", " : "").append(n).append(" at M = ")
                .append(String.format(Locale.ROOT, "%.0f", m)));
        return text.toString();
    }
}
