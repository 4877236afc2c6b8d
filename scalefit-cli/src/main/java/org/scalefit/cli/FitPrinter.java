package org.scalefit.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.scalefit.fit.Identification;
import org.scalefit.io.FitDocument;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;

/** {@code scalefit fit}'s human-readable result on standard output, rendered from the result document. */
final class FitPrinter {

    private FitPrinter() {
    }

    /** Prints {@code result}. */
    static void print(FitDocument result, PrintStream out) {
        LawForm form = result.form();
        out.printf(Locale.ROOT, "%s law on %s, %s, %s grid: %d starts, %d converged (%d recognised "
                        + "early), %.2f s on %s%n", form.name(),
                Identification.pointCount(result.points(), result.distinctPoints()), Wording.delta(result.delta()),
                result.grid(), result.starts(), result.successfulStarts(), result.recognisedStarts(),
                result.run().seconds(), Counts.of(result.run().threads(), "thread"));
        if (result.status().equals("not_identified")) {
            out.println("NOT IDENTIFIED: the data cannot identify the law; no fit was made");
            result.warnings().forEach(warning -> out.println("  " + warning));
            return;
        }
        if (!result.hasOptimum()) {
            out.println("FAILED: no start converged");
            result.warnings().forEach(warning -> out.println("warning: " + warning));
            return;
        }
        if (!result.success()) {
            out.println(Wording.notConverged(result.status()));
        }
        out.printf(Locale.ROOT, "%s = %.12g%n", Wording.OBJECTIVE, result.loss());
        FittedLaw law = result.fittedLaw();
        if (form.equals(LawForm.CHINCHILLA)) {
            double alpha = law.exponent(0);
            double beta = law.exponent(1);
            out.printf(Locale.ROOT, "L(N, D) = E + A/N^α + B/D^β%n");
            out.printf(Locale.ROOT, "  A = %s   B = %s   E = %s%n", natural(law.logCoefficient(0)),
                    natural(law.logCoefficient(1)), natural(law.logIrreducibleError()));
            out.printf(Locale.ROOT, "  α = %.6g   β = %.6g%n", alpha, beta);
            out.printf(Locale.ROOT, "  compute-optimal: N_opt ∝ C^%.4f, D_opt ∝ C^%.4f%n", beta / (alpha + beta),
                    alpha / (alpha + beta));
        } else {
            out.printf(Locale.ROOT, "L = E + Σ_j exp(c_j)·x_j^(−α_j)%n");
            for (int j = 0; j < form.arity(); j++) {
                out.printf(Locale.ROOT, "  %-7s α = %.6g   c = %.6g%n", form.inputs().get(j), law.exponent(j),
                        law.logCoefficient(j));
            }
            out.printf(Locale.ROOT, "  E = exp(%.6g) = %s%n", law.logIrreducibleError(),
                    natural(law.logIrreducibleError()));
        }
        result.warnings().forEach(warning -> out.println("warning: " + warning));
    }

    /** e^c to 6 significant digits, or "exp(c)" when e^c is beyond a double (a degenerate term's coefficient). */
    private static String natural(double logValue) {
        double value = Math.exp(logValue);
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value)
                : String.format(Locale.ROOT, "exp(%.6g)", logValue);
    }
}
