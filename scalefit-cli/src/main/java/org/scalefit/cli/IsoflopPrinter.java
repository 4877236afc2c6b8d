package org.scalefit.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.scalefit.io.Transform;
import org.scalefit.io.analysis.IsoflopResult;
import org.scalefit.isoflop.BudgetOptimum;
import org.scalefit.isoflop.ComputeOptimalLaws;
import org.scalefit.isoflop.FitVariant;
import org.scalefit.isoflop.IsoflopFits;
import org.scalefit.isoflop.IsoflopIntervals;
import org.scalefit.isoflop.OptimalPair;
import org.scalefit.isoflop.PowerLaw;

/**
 * {@code scalefit isoflop}'s human-readable result on standard output: how the budgets were formed when C was
 * derived as 6·N·D, per budget the optimal pair N*, D*,
 * D* ÷ N*, L* and its issues; then the bs_median_weighted power laws y = coef·C^a with the 95 % interval of a from the
 * weighted bootstrap replicates, the allocations they give, and the saturating optimal-loss fit when it was run.
 *
 * @param out where to print
 */
record IsoflopPrinter(PrintStream out) {

    void print(IsoflopResult result) {
        out.printf(Locale.ROOT, "IsoFLOP analysis (Approach 2) of %s: %s%n",
                org.scalefit.data.RowLocation.source(result.inputs().source()),
                Counts.of(result.optima().size(), "budget"));
        if (result.inputs().transforms().contains(new Transform.ComputeFromTokens().label())) {
            out.println("  no FLOPs column: C = 6·N·D from params and tokens; runs within 10 % of one another in 6·N·D "
                    + "are one budget, C their geometric mean");
        }
        out.printf(Locale.ROOT, "  %-10s %6s %14s %14s %10s %9s  %s%n", "C (FLOPs)", "sizes", "N*", "D*", "D*/N*",
                "L*", "issues");
        for (BudgetOptimum optimum : result.optima()) {
            String issues = String.join("; ", optimum.issues());
            if (optimum.optimalPair().isPresent()) {
                OptimalPair p = optimum.optimalPair().get();
                out.printf(Locale.ROOT, "  %-10.4g %6d %14.6g %14.6g %10.4g %9.5f  %s%n", optimum.flops(),
                        optimum.budget().points(), p.n(), p.t(), p.multiplier(), p.loss(), issues);
            } else {
                out.printf(Locale.ROOT, "  %-10.4g %6d %14s %14s %10s %9s  %s%n", optimum.flops(),
                        optimum.budget().points(), "-", "-", "-", "-", issues);
            }
        }
        if (result.fits() == null) {
            out.println("no power laws: " + result.failure());
            return;
        }
        IsoflopFits fits = result.fits();
        out.printf(Locale.ROOT, "power laws y = coef·C^a on %d budgets (bs_median_weighted; 95 %% intervals of a "
                + "from %d weighted bootstrap replicates)%n", fits.budgets(), fits.bootstrapWeighted().size());
        ComputeOptimalLaws laws = fits.point(FitVariant.BS_MEDIAN_WEIGHTED);
        for (ComputeOptimalLaws.Quantity q : ComputeOptimalLaws.Quantity.values()) {
            PowerLaw law = laws.law(q);
            String interval = "";
            if (!fits.bootstrapWeighted().isEmpty()) {
                double[] ci = IsoflopIntervals.exponentInterval(fits.bootstrapWeighted(), q);
                interval = String.format(Locale.ROOT, " (%.3f, %.3f)", ci[0], ci[1]);
            }
            out.printf(Locale.ROOT, "  %-5s a = %.4f%s  coef = %.6g  R² = %.4f%n", switch (q) {
                case N -> "N*";
                case T -> "D*";
                case MULTIPLIER -> "ρ*";
            }, law.exponent(), interval, law.coef(), law.r2());
        }
        for (double c : result.request().allocate()) {
            out.printf(Locale.ROOT, "  at C = %.4g: N* = %.4g, D* = %.4g, ρ* = %.4g%n", c, laws.n().at(c),
                    laws.t().at(c), laws.multiplier().at(c));
        }
        fits.lossFit().ifPresent(loss -> out.printf(Locale.ROOT,
                "  optimal loss L*(C) = %.4f + %.4g·C^(−%.4f)%n", loss.e(), loss.a(), loss.alpha()));
        for (String warning : fits.warnings()) {
            out.printf(Locale.ROOT, "  warning: %s%n", warning);
        }
    }
}
