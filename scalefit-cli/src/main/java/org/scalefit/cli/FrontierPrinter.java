package org.scalefit.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.scalefit.data.RunTable;
import org.scalefit.frontier.Approach1;
import org.scalefit.frontier.LogLogFit;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.frontier.Overspending;

/**
 * {@code scalefit frontier}'s human-readable result on standard output: the frontier runs, the three log–log fits,
 * and the largest overspends.
 *
 * @param out      where to print
 * @param resource the resource axis's label
 * @param source   where the resource's values came from (e.g. 6·N·D), said in the header; null to say nothing
 */
record FrontierPrinter(PrintStream out, String resource, String source) {

    /**
     * Prints the header, the frontier runs, the warnings and the three fits. The header counts the table's rows as
     * points (a checkpoint table holds several a run) and says which frontier the fits went through: the runs
     * Gemstones' rule keeps on the lower convex hull, or ({@code strict}, {@code --drop-dominated}) their strict
     * Pareto frontier.
     */
    void print(Approach1 analysis, List<String> warnings, RunTable table, double[] width, double[] depth,
               double[] params, double[] tokens, boolean strict) {
        LossFrontier frontier = analysis.frontier();
        out.printf(Locale.ROOT, "Approach 1 on %s: %s, %d on the loss–%s frontier%s%s%n",
                org.scalefit.data.RowLocation.source(table.source()),
                Counts.of(table.rows(), "point"), frontier.size(), resource, strict ? " (the strict Pareto frontier "
                + "of the runs on the lower convex hull: hull runs an earlier one dominates left out)" : "",
                source == null ? "" : " (" + source + ")");
        out.printf(Locale.ROOT, "  %-12s %8s %8s %14s %14s %9s%n", resource, "width", "depth", "params", "tokens",
                "loss");
        int[] rows = frontier.rows();
        for (int t = 0; t < rows.length; t++) {
            int i = rows[t];
            out.printf(Locale.ROOT, "  %-12.4g %8s %8s %14.6g %14.6g %9.5f%n", frontier.resource()[t],
                    width == null ? "-" : String.format(Locale.ROOT, "%.0f", width[i]),
                    depth == null ? "-" : String.format(Locale.ROOT, "%.0f", depth[i]), params[i], tokens[i],
                    frontier.loss()[t]);
        }
        warnings.forEach(warning -> out.printf(Locale.ROOT, "  warning: %s%n", warning));
        line("params", analysis.params());
        line("tokens", analysis.tokens());
        line("tokens/param", analysis.tokensPerParam());
    }

    void printLargestOverspends(Overspending overspending, RunTable table, double[] width,
                                        double[] depth, int count) {
        double[] percent = overspending.percent();
        int[] order = overspending.largest(count);
        out.printf(Locale.ROOT, "largest overspends against the frontier run of nearest loss:%n");
        for (int t = 0; t < order.length; t++) {
            int i = order[t];
            String run = width == null ? String.format(Locale.ROOT, "N %.4g, D %.4g", table.column("params")[i],
                    table.column("tokens")[i]) : String.format(Locale.ROOT, "%.0fx%.0f", width[i], depth[i]);
            out.printf(Locale.ROOT, "  %s  %s  %+.1f %%%n", table.location(i), run, percent[i]);
        }
    }

    private void line(String what, LogLogFit fit) {
        String interval = fit.resamples() > 0 ? String.format(Locale.ROOT, "  slope 95%% CI [%.4f, %.4f] (%d resamples)",
                fit.slopeInterval()[0], fit.slopeInterval()[1], fit.resamples()) : "";
        String rSquared = Double.isNaN(fit.rSquared()) ? "undefined"
                : String.format(Locale.ROOT, "%.4f", fit.rSquared());
        out.printf(Locale.ROOT, "%-13s ∝ %s^%.6f  (ln prefactor %.6f, R² %s)%s%n", what, resource, fit.slope(),
                fit.intercept(), rSquared, interval);
        for (String warning : fit.warnings()) {
            out.printf(Locale.ROOT, "  warning: %s%n", warning);
        }
    }
}
