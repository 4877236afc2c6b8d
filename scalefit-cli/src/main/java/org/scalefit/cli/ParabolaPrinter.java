package org.scalefit.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.scalefit.io.IndustryModels;
import org.scalefit.io.ParabolaJson;
import org.scalefit.io.ParabolaJson.Analysis;
import org.scalefit.io.ParabolaJson.LawInput;
import org.scalefit.io.ParabolaJson.Panel;
import org.scalefit.io.RunTiming;
import org.scalefit.shapes.OvertrainedShape;
import org.scalefit.shapes.OvertrainingParabola;
import org.scalefit.shapes.RelaxedShape;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.ParabolaBands;

/**
 * {@code scalefit parabola}'s human-readable result on standard output: per budget its optimum, one line per factor
 * and the industry models near it.
 *
 * @param out where to print
 */
record ParabolaPrinter(PrintStream out) {

    void print(Analysis analysis, RunTiming run) {
        LawInput minimised = analysis.laws().get(0);
        boolean hasSecond = analysis.laws().size() > 1;
        out.printf(Locale.ROOT, "overtraining parabola of %s (%s); search params %s, parabola params relaxed "
                        + "(embeddings included); %.2f s on %s%n", minimised.law().form().name(),
                minimised.file(), analysis.search().accounting().parameterCount().label(), run.seconds(),
                Counts.of(run.threads(), "thread"));
        out.println(ArchitectureLine.of(analysis.search().accounting().architecture()));
        out.println("at t*: the factor's shape on the optimum's tokens t* instead of t* x sqrt(f) (FLOPs x 1/sqrt(f): "
                + "fewer tokens and FLOPs for f > 1, more for f < 1)");
        for (LawInput law : analysis.laws()) {
            LawCautions.print(out, law.file(), law.law().warnings());
        }
        for (Panel panel : analysis.panels()) {
            OvertrainingParabola parabola = panel.parabola();
            out.printf(Locale.ROOT, "%nbucket %d: FLOPs = %.5e, optimum %.1f x %.2f on %.4g tokens, loss %.5f%s%n",
                    parabola.bucket(), parabola.optimum().flops(), parabola.optimum().width(),
                    parabola.optimum().depth(), parabola.optimum().tokens(), parabola.optimum().loss(),
                    panel.row().improved() ? "" : " (grid row: no real-valued shape beats it)");
            panel.extrapolations().forEach(message -> out.println("  optimum: " + message));
            out.printf(Locale.ROOT, "  %8s %9s %8s %9s %11s %9s %9s %9s %9s %9s%n", "factor", "width", "depth",
                    "params", "tokens", "tokens/N", "loss", hasSecond ? "law2" : "", "at t*", "");
            for (double factor : analysis.factors()) {
                Optional<OvertrainedShape> found = parabola.shapes().stream().filter(s -> s.factor() == factor)
                        .findFirst();
                if (found.isEmpty()) {
                    out.printf(Locale.ROOT, "  %8s %s%n", factorLabel(factor),
                            "infeasible: even 256 x 1 costs more FLOPs per token");
                    continue;
                }
                OvertrainedShape shape = found.get();
                out.printf(Locale.ROOT, "  %8s %9.1f %8.2f %9.3g %11.4g %9.3g %9.5f %9s %9.5f %9s%n",
                        factorLabel(factor), shape.shape().width(), shape.shape().depth(), shape.shape().params(),
                        shape.shape().tokens(), shape.shape().tokensPerParam(), shape.shape().loss(),
                        shape.secondLoss().isPresent()
                                ? String.format(Locale.ROOT, "%.5f", shape.secondLoss().getAsDouble()) : "",
                        shape.undertrainedLoss(), shape.edge() ? "edge" : "");
            }
            List<OvertrainedShape> below = parabola.belowOptimumOutsideItsBox();
            if (!below.isEmpty()) {
                out.printf(Locale.ROOT, "  note: factor%s %s find%s a lower loss than the optimum, at depth < %.0f: "
                                + "the optimum is the shape search's (integer shapes, params %s) refined over width "
                                + ">= %.0f, depth >= %.0f (Gemstones' optimize_row); the factor shapes are searched "
                                + "over width >= %.0f, depth >= %.0f with params %s (overtrained_single_parabola.py, "
                                + "which drops depth <= %.0f as edge). The optimum is not the least loss of the "
                                + "parabola's set.%n",
                        below.size() == 1 ? "" : "s",
                        String.join(", ", below.stream().map(s -> factorLabel(s.factor())).toList()),
                        below.size() == 1 ? "s" : "", RelaxedShape.MIN_DEPTH,
                        analysis.search().accounting().parameterCount().label(), RelaxedShape.MIN_WIDTH,
                        RelaxedShape.MIN_DEPTH, OvertrainingParabola.MIN_WIDTH, OvertrainingParabola.MIN_DEPTH,
                        analysis.parabolaAccounting().parameterCount().label(), OvertrainingParabola.EDGE_DEPTH);
            }
            if (analysis.bands() != null) {
                bands(analysis.bands(), parabola.bucket());
            }
            if (analysis.industry().isPresent()) {
                out.printf(Locale.ROOT, "  industry models within %.3g of the interior losses:%s%n",
                        analysis.industryBand(), panel.industry().isEmpty() ? " none" : "");
                for (IndustryModels.Model model : panel.industry()) {
                    out.printf(Locale.ROOT, "    %-28s %.5f  (%.3g params, %d x %d, vocab %d)%n", model.hfName(),
                            model.loss(), (double) model.params(), model.width(), model.depth(), model.vocabSize());
                }
            }
        }
        if (analysis.panels().stream().anyMatch(p -> !p.parabola().interior().equals(p.parabola().shapes()))) {
            out.printf(Locale.ROOT, "%nedge: width <= %.0f or depth <= %.0f, at the edge of the box (Gemstones "
                    + "drops these rows).%n", OvertrainingParabola.EDGE_WIDTH, OvertrainingParabola.EDGE_DEPTH);
        }
        if (analysis.bands() != null) {
            ParabolaBands bands = analysis.bands().bands();
            FitBootstrapPrinter.unidentifiedCaution(analysis.bands().unidentified().length,
                    bands.used() + bands.leftOut().length).ifPresent(caution -> out.printf("%n%s%n", caution));
        }
    }

    /** The bucket's bands: per factor the loss penalty and the shape, each with its band. */
    private void bands(ParabolaJson.Bootstrapped bootstrapped, int bucket) {
        ParabolaBands bands = bootstrapped.bands();
        ParabolaBands.BucketBands own = bands.buckets().stream().filter(b -> b.bucket() == bucket).findFirst()
                .orElseThrow();
        out.printf(Locale.ROOT, "  %s bootstrap bands over each replicate's own parabola (%s: %d replicates%s):"
                        + "%n", FitBootstrapPrinter.percent(bands.level()), bootstrapped.file(), bands.used(),
                bands.leftOut().length == 0 ? "" : ", " + bands.leftOut().length + " left out");
        out.printf(Locale.ROOT, "  %8s %-26s %-22s %-20s %-26s %s%n", "factor", "loss penalty L(f)/L(1)-1",
                "width", "depth", "tokens", "replicates (at edge)");
        for (ParabolaBands.FactorBand factor : own.factors()) {
            if (factor.penalty() == null) {
                out.printf(Locale.ROOT, "  %8s %s%n", factorLabel(factor.factor()), factor.feasible()
                        + " replicates meet this factor: no band");
                continue;
            }
            out.printf(Locale.ROOT, "  %8s %-26s %-22s %-20s %-26s %d%s%n", factorLabel(factor.factor()),
                    String.format(Locale.ROOT, "%.3f%% [%.3f%%, %.3f%%]", 100 * factor.penalty().median(),
                            100 * factor.penalty().low(), 100 * factor.penalty().high()),
                    range("%.0f", factor.width()), range("%.0f", factor.depth()), range("%.3g", factor.tokens()),
                    factor.feasible(), factor.atEdge() == 0 ? "" : " (" + factor.atEdge() + ")");
        }
    }

    /** "median [low, high]". */
    private static String range(String format, AllocationBands.Spread spread) {
        return String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", spread.median(), spread.low(),
                spread.high());
    }

    private static String factorLabel(double factor) {
        return factor >= 1 ? String.format(Locale.ROOT, "%.0f", factor)
                : String.format(Locale.ROOT, "1/%.0f", 1 / factor);
    }
}
