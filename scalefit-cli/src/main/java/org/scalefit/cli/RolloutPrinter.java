package org.scalefit.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.scalefit.fit.StartGrid;
import org.scalefit.heldout.HeldOutFit;
import org.scalefit.heldout.HeldOutLaw;
import org.scalefit.heldout.HeldOutReport;
import org.scalefit.heldout.HoldOut;
import org.scalefit.heldout.ModelSizes;
import org.scalefit.heldout.SizeError;
import org.scalefit.io.analysis.HeldOutResult;
import org.scalefit.law.expr.ExpressionLaw;

/**
 * {@code scalefit rollout}'s human-readable result: per held-out size (or per k) the relative errors; for a law
 * written as text, named or read from a law file, its expression, residual scale and penalty head the table.
 */
final class RolloutPrinter {

    private RolloutPrinter() {
    }

    static void print(PrintStream stdout, String data, HeldOutResult result) {
        HeldOutReport report = result.report();
        StartGrid startGrid = result.prepared().evaluation().grid();
        List<String> key = result.prepared().key();
        int points = result.observations().size();
        int workers = result.run().threads();
        double seconds = result.run().seconds();
        ModelSizes sizes = report.sizes();
        String order = result.prepared().sizeOrder();
        if (report.law() instanceof HeldOutLaw.Written written) {
            ExpressionLaw law = written.law();
            stdout.printf(Locale.ROOT, "%s of the %s law on %s: %s in %s (key %s, ordered by %s); %s residuals, "
                            + "%s, %d starts a fit%n", report.mode().label(), law.name(), data,
                    Counts.of(points, "point"), Counts.of(sizes.count(), "model size"), String.join(",", key), order,
                    law.residual().name().toLowerCase(Locale.ROOT), Wording.penalty(law.penalty()),
                    startGrid.size());
            String text = law.expression().text().strip().replace("\n", " ");
            if (!text.equals(law.name())) {
                stdout.println("L = " + text);
            }
        } else {
            stdout.printf(Locale.ROOT, "%s of the %s law on %s: %s in %s (key %s, ordered by "
                            + "%s); %s, %s grid (%d starts a fit)%n", report.mode().label(), report.law().name(),
                    data, Counts.of(points, "point"), Counts.of(sizes.count(), "model size"), String.join(",", key),
                    order, Wording.delta(report.delta()), startGrid.name(), startGrid.size());
        }
        List<String> inputs = report.law().inputs();
        stdout.println("relative error of the predicted loss, 100·|L̂ − L|/L in %: mean and max over a size's "
                + "points");
        stdout.println("outside: orders of magnitude by which a held-out size lies outside the fitted points' range, "
                + "in the input where it lies farthest (+ above, − below)");
        if (report.mode() == HoldOut.LEAVE_ONE_SIZE_OUT) {
            stdout.printf(Locale.ROOT, "  %-16s %12s %7s %11s %10s %14s   %s%n", "held-out size", order,
                    "points", "held-out %", "max %", "in-sample %", "outside");
            for (int f = 0; f < report.fits().size(); f++) {
                HeldOutFit fit = report.fits().get(f);
                SizeError inSample = report.reference().errors().isEmpty() ? null
                        : report.reference().errors().get(f);
                String heldOut = fit.succeeded() ? String.format(Locale.ROOT, "%11.4f %10.4f",
                        fit.errors().get(0).meanPercentError(), fit.errors().get(0).maxPercentError())
                        : String.format(Locale.ROOT, "%22s", failure(fit));
                stdout.printf(Locale.ROOT, "  %-16s %12.4g %7d %s %14s   %s%s%n", keyText(sizes.key(f)),
                        sizes.scale(f), sizeCount(sizes, f), heldOut, inSample == null ? "-"
                                : String.format(Locale.ROOT, "%.4f", inSample.meanPercentError()),
                        fit.succeeded() ? outsideText(fit.errors().get(0), inputs) : "-",
                        warningsText(fit));
            }
        } else {
            stdout.printf(Locale.ROOT, "  %3s %-16s %12s   %-48s %-48s %10s%n", "k", "largest fitted", order,
                    "next size: mean % / max % (outside)", "largest size: mean % / max % (outside)", "all mean %");
            for (HeldOutFit fit : report.fits()) {
                int[] fitted = fit.fittedSizes();
                int last = fitted[fitted.length - 1];
                if (!fit.succeeded()) {
                    stdout.printf(Locale.ROOT, "  %3d %-16s %12.4g   %s%n", fitted.length,
                            keyText(sizes.key(last)), sizes.scale(last), failure(fit));
                    continue;
                }
                SizeError next = fit.errors().get(0);
                SizeError largest = fit.errors().get(fit.errors().size() - 1);
                stdout.printf(Locale.ROOT, "  %3d %-16s %12.4g   %-48s %-48s %10.4f%s%n", fitted.length,
                        keyText(sizes.key(last)), sizes.scale(last), errorText(next, sizes, inputs),
                        errorText(largest, sizes, inputs), fit.meanPercentError(),
                        warningsText(fit));
            }
        }
        if (report.failedFits() > 0) {
            stdout.printf(Locale.ROOT, "%s of %d failed:%n", Counts.of(report.failedFits(), "held-out fit"),
                    report.fits().size());
            for (HeldOutFit fit : report.fits()) {
                if (fit.succeeded()) {
                    continue;
                }
                String label = report.mode() == HoldOut.LEAVE_ONE_SIZE_OUT
                        ? "held out " + keyText(sizes.key(heldOutSize(fit, sizes.count())))
                        : "k = " + fit.fittedSizes().length;
                if (fit.fit().warnings().isEmpty()) {
                    stdout.printf(Locale.ROOT, "  %s: %s%n", label, failure(fit));
                }
                for (String reason : fit.fit().warnings()) {
                    stdout.printf(Locale.ROOT, "  %s: %s%n", label, reason);
                }
            }
        }
        List<String> referenceWarnings = report.reference().fit().warnings();
        if (!referenceWarnings.isEmpty()) {
            stdout.println("caution: the fit on every size warned:");
            referenceWarnings.forEach(warning -> stdout.println("  " + warning));
        }
        if (report.fits().stream().anyMatch(fit -> fit.succeeded() && !fit.fit().warnings().isEmpty())) {
            stdout.println("(n warnings): the held-out fit warned; --out writes each fit's warnings");
        }
        stdout.printf(Locale.ROOT, "%s, %s, %.2f s%n", Counts.of(report.fits().size() + 1, "fit"),
                Counts.of(workers, "thread"), seconds);
    }

    /** How a held-out fit that did not converge ended, in {@code scalefit fit}'s words. */
    private static String failure(HeldOutFit fit) {
        return switch (fit.fit().status()) {
            case NOT_IDENTIFIED -> "NOT IDENTIFIED";
            case NOT_STATIONARY -> "NOT CONVERGED";
            case BUDGET_CUT -> "BUDGET CUT";
            default -> "FAILED: no start converged";
        };
    }

    /** The one size of {@code 0 … count − 1} a leave-one-size-out fit did not see. */
    private static int heldOutSize(HeldOutFit fit, int count) {
        int[] fitted = fit.fittedSizes();
        for (int size = 0; size < count; size++) {
            if (size >= fitted.length || fitted[size] != size) {
                return size;
            }
        }
        throw new IllegalStateException("a leave-one-size-out fit saw every size");
    }

    private static String errorText(SizeError error, ModelSizes sizes, List<String> inputs) {
        return String.format(Locale.ROOT, "%s %.4f / %.4f (%s)", keyText(sizes.key(error.size())),
                error.meanPercentError(), error.maxPercentError(), outsideText(error, inputs));
    }

    /**
     * "params +0.30": the input by which a held-out size lies farthest outside the range of the points fitted
     * ({@link SizeError#decadesOutside}), in orders of magnitude; "within" when it lies inside in every input.
     */
    private static String outsideText(SizeError error, List<String> inputs) {
        int j = error.farthestInput();
        double decades = error.decadesOutside()[j];
        return decades == 0 ? "within" : String.format(Locale.ROOT, "%s %+.2f", inputs.get(j), decades);
    }

    private static int sizeCount(ModelSizes sizes, int size) {
        int count = 0;
        for (int i = 0; i < sizes.points(); i++) {
            count += sizes.sizeOf(i) == size ? 1 : 0;
        }
        return count;
    }

    private static String keyText(double[] key) {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < key.length; j++) {
            double value = key[j];
            text.append(j == 0 ? "" : "x").append(value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value) : String.format(Locale.ROOT, "%.4g", value));
        }
        return text.toString();
    }

    private static String warningsText(HeldOutFit fit) {
        int warnings = fit.fit().warnings().size();   // a failed fit's are listed with the failures
        return warnings == 0 || !fit.succeeded() ? "" : "  (" + Counts.of(warnings, "warning") + ")";
    }
}
