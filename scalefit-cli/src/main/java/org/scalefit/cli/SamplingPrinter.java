package org.scalefit.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.scalefit.fit.LawFit;
import org.scalefit.io.analysis.SamplingResult;
import org.scalefit.sensitivity.AllocationSlopes;
import org.scalefit.sensitivity.ReferenceDesign;
import org.scalefit.sensitivity.SamplingComparison;

/** {@code scalefit sensitivity sampling}'s human-readable result: the design, the samples and both comparisons. */
final class SamplingPrinter {

    private SamplingPrinter() {
    }

    static void print(PrintStream out, SamplingResult result) {
        ReferenceDesign design = result.design();
        out.printf(Locale.ROOT, "reference design (tokens rounded to %s):%n", Wording.exact(design.tokenUnit()));
        design.tokensBySizeClass().forEach((sizeClass, tokens) -> {
            StringBuilder list = new StringBuilder();
            for (double value : tokens) {
                list.append(list.length() == 0 ? "" : ", ").append(Wording.exact(value));
            }
            out.printf(Locale.ROOT, "  size %s: %s%n", Wording.exact(sizeClass), list);
        });
        out.printf(Locale.ROOT, "reduced reference: %d runs; data sampled like it: %d checkpoints (%.2f s on %d "
                + "threads)%n", result.referenceReduced().rows(), result.ourSample().rows(), result.run().seconds(),
                result.run().threads());
        for (SamplingComparison comparison : result.comparisons()) {
            out.println();
            out.println(comparison.name());
            out.printf(Locale.ROOT, "  %-8s %6s %15s %9s %9s %10s %12s %9s %9s %9s%n", "", "points", Wording.OBJECTIVE,
                    "alpha",
                    "beta", "A", "B", "E", "a (N)", "b (D)");
            row(out, "full", comparison.full());
            row(out, "reduced", comparison.reduced());
            if (comparison.succeeded()) {
                double[] change = comparison.parameterChange();
                out.printf(Locale.ROOT, "  %-8s %6s %15s %+9.6f %+9.6f %10s %12s %9s %+9.6f %+9.6f%n", "change", "",
                        "", change[0], change[1], "", "", "", comparison.paramsSlopeChange(),
                        comparison.tokensSlopeChange());
            }
        }
    }

    private static void row(PrintStream out, String name, LawFit fit) {
        if (!fit.hasOptimum()) {
            out.printf(Locale.ROOT, "  %-8s %6d %s%n", name, fit.points(),
                    fit.status() == LawFit.Status.NOT_IDENTIFIED
                            ? "NOT IDENTIFIED: the data cannot identify the law; no fit was made"
                            : "FAILED: no start converged");
            for (String warning : fit.warnings()) {
                out.println("    " + warning);
            }
            return;
        }
        double[] theta = fit.parameters();
        AllocationSlopes slopes = AllocationSlopes.of(fit);
        out.printf(Locale.ROOT, "  %-8s %6d %15.10e %9.6f %9.6f %10.4f %12.6g %9.6f %9.6f %9.6f%n", name, fit.points(),
                fit.loss(), theta[0], theta[1], Math.exp(theta[2]), Math.exp(theta[3]), Math.exp(theta[4]),
                slopes.params(), slopes.tokens());
        if (!fit.succeeded()) {
            out.println("    " + Wording.notConverged(fit.status().label()));
        }
        for (String warning : fit.warnings()) {
            out.println("    warning: " + warning);
        }
    }
}
