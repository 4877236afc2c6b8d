package org.scalefit.report.sections;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.fit.Identification;
import org.scalefit.frontier.Approach1;
import org.scalefit.frontier.LogLogFit;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.io.analysis.IsoflopDesign;
import org.scalefit.report.Block;
import org.scalefit.report.Numbers;
import org.scalefit.report.Section;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.report.charts.AllocationQuantity;
import org.scalefit.report.charts.FrontierFigures;
import org.scalefit.report.charts.ReferenceLine;
import org.scalefit.report.charts.Runs;

/**
 * The report section of one Approach-1 analysis (Hoffmann et al. 2022 §3.1; McLeish et al. 2025 §3.1): the
 * exponents of N_opt, D_opt and D/N ∝ R^slope along the convex-hull frontier with their bootstrap intervals, the
 * loss-against-resource figure, one figure per fitted quantity, and the frontier runs.
 */
public final class FrontierSection {

    private FrontierSection() {
    }

    /**
     * The section.
     *
     * @param id            the section id, also the prefix of its figure ids (e.g. {@code approach-1-flops})
     * @param resourceLabel the resource, as an axis label (e.g. {@code "training FLOPs"})
     * @param lossLabel     what the loss is, as an axis label (e.g. {@code "loss"}, or from
     *                      {@link org.scalefit.report.charts.LossLabel#ofColumn})
     * @param bins          the binning minimisers, or null
     * @param references    allocations drawn beside the fits (FLOPs only; may be empty)
     */
    public static Section of(String id, String title, String resourceLabel, String lossLabel, Approach1 analysis,
                             LossFrontier bins, double[] resource, double[] loss, double[] params, double[] tokens,
                             Runs runs, List<ReferenceLine> references, RunStyles styles) {
        return of(id, title, resourceLabel, lossLabel, analysis, bins, resource, loss, params, tokens, runs,
                references, styles, List.of());
    }

    /**
     * The section with the warnings {@code scalefit frontier} prints on the same runs
     * ({@code FrontierResult#warnings}: a FLOPs column that disagrees with 6·N·D, dominated frontier runs), each a
     * caution under the facts.
     */
    public static Section of(String id, String title, String resourceLabel, String lossLabel, Approach1 analysis,
                             LossFrontier bins, double[] resource, double[] loss, double[] params, double[] tokens,
                             Runs runs, List<ReferenceLine> references, RunStyles styles, List<String> warnings) {
        return of(id, title, resourceLabel, lossLabel, analysis, bins, resource, loss, params, tokens, runs,
                references, styles, warnings, false);
    }

    /**
     * The section, saying which frontier {@code analysis} went through: Gemstones' (the runs its rule keeps on the
     * lower convex hull) or, when {@code strict} ({@code --drop-dominated}), the strict Pareto frontier of those runs
     * ({@link LossFrontier#withoutDominated}).
     */
    public static Section of(String id, String title, String resourceLabel, String lossLabel, Approach1 analysis,
                             LossFrontier bins, double[] resource, double[] loss, double[] params, double[] tokens,
                             Runs runs, List<ReferenceLine> references, RunStyles styles, List<String> warnings,
                             boolean strict) {
        LossFrontier frontier = analysis.frontier();
        List<Block.Fact> facts = new ArrayList<>();
        facts.add(new Block.Fact("frontier runs", Integer.toString(frontier.size()),
                frontierDetail(runs.size(), resourceLabel, strict)));
        for (AllocationQuantity quantity : AllocationQuantity.values()) {
            facts.add(exponent(quantity.label() + " ∝ R^slope: slope", quantity.fitOf(analysis)));
        }
        Figure lossFigure = FrontierFigures.lossAgainstResource(id + "-loss", resourceLabel, lossLabel, resource,
                loss, params, runs, frontier, bins, styles);
        Section section = Section.of(id, title).withText("Approach 1: the runs on the convex-hull frontier of loss "
                        + "against " + resourceLabel + (strict ? ", less those an earlier frontier run dominates "
                        + "(--drop-dominated: the strict Pareto frontier of the hull runs)," : "")
                        + " spend it best; straight lines through their parameters, tokens "
                        + "and tokens per parameter in log–log space give the compute-optimal allocation.")
                .withFacts(facts);
        if (resourceLabel.contains("FLOPs")) {
            String isoflop = isoflopDesign(resource);
            if (!isoflop.isEmpty()) {
                section = section.withText(isoflop);
            }
        }
        for (String warning : warnings) {
            section = section.withText("Caution (as `scalefit frontier` warns): " + warning
                    + (warning.endsWith(".") ? "" : "."));
        }
        List<String> units = unitCautions(params, tokens);
        if (!units.isEmpty()) {
            section = section.withText("Caution: " + String.join("; ", units) + ". Approach 1 takes them as counts "
                    + "too: its reference lines, tokens per parameter" + (resourceLabel.contains("6ND")
                    ? " and training FLOPs (6ND)" : "") + " are off by that unit.");
        }
        section = section
                .withFigure(lossFigure, "Each run's loss at its checkpoints (hover for the run and checkpoint; "
                        + (lossFigure.colorKey() != null ? "runs coloured by model size" : "click a legend entry to "
                        + "hide it") + "). The dotted black line joins the " + (strict ? "strict Pareto frontier of the "
                        + "convex-hull runs" : "convex-hull frontier") + (bins == null ? "."
                        : "; grey squares are the lowest-loss run of each of " + bins.size() + " non-empty "
                        + "log-spaced bins (Chinchilla's binning).") + offScaleCaption(loss, runs));
        for (AllocationQuantity quantity : AllocationQuantity.values()) {
            LogLogFit fit = quantity.fitOf(analysis);
            section = section.withFigure(FrontierFigures.fitAgainstResource(id + "-" + quantity.slug(), quantity,
                    resourceLabel, analysis, params, tokens, runs, references), "Least-squares line through the "
                    + "frontier runs in log–log space: slope " + Numbers.format(fit.slope(), 4)
                    + interval(fit) + ", " + FrontierFigures.rSquared(fit, 4) + "."
                    + (references.isEmpty() ? "" : " Reference lines are drawn only within ×/÷ "
                    + Numbers.format(FrontierFigures.REFERENCE_MARGIN, 2) + " of the frontier runs' values and the "
                    + "fitted line, so that they do not set the axis.") + cautions(fit)
                    + signCaution(fit, quantity.label(), resourceLabel));
        }
        List<List<String>> rows = new ArrayList<>();
        int[] frontierRows = frontier.rows();
        double[] frontierResource = frontier.resource();
        for (int t = 0; t < frontierRows.length; t++) {
            int i = frontierRows[t];
            rows.add(List.of(runs.label(i), Numbers.format(frontierResource[t], 4), Numbers.format(params[i], 4),
                    Numbers.format(tokens[i], 4), Numbers.format(tokens[i] / params[i], 4),
                    Numbers.format(loss[i], 5)));
        }
        return section.withTable("Frontier runs, by increasing " + resourceLabel,
                List.of("run", resourceLabel, "parameters", "tokens", "tokens/param", "loss"), rows);
    }

    /**
     * The detail of the "frontier runs" fact: out of how many rows, and which frontier — the runs Gemstones' rule keeps
     * on the lower convex hull, or ({@code strict}) their strict Pareto frontier.
     */
    static String frontierDetail(int rows, String resourceLabel, boolean strict) {
        String hull = "the lower convex hull of (log " + resourceLabel + ", log loss)";
        return strict ? "of " + rows + " rows: the strict Pareto frontier of the runs on " + hull + ", a hull run that "
                + "an earlier one dominates (less " + resourceLabel + ", loss at most as high) left out "
                + "(--drop-dominated)" : "of " + rows + " rows, on " + hull;
    }

    /** How many off-scale checkpoints the loss figure's caption names before it only counts the rest. */
    private static final int NAMED_OFF_SCALE = 5;

    /**
     * What the loss figure's caption adds when checkpoints are off its loss scale ({@link
     * FrontierFigures#offScaleLosses}): which runs they are and their losses; empty when none.
     */
    public static String offScaleCaption(double[] loss, Runs runs) {
        int[] off = FrontierFigures.offScaleLosses(loss);
        if (off.length == 0) {
            return "";
        }
        List<String> named = new ArrayList<>();
        for (int k = 0; k < Math.min(NAMED_OFF_SCALE, off.length); k++) {
            named.add(runs.label(off[k]) + ": loss " + Numbers.format(loss[off[k]], 4));
        }
        return " The loss axis follows the bulk of the checkpoints; off its scale, drawn as red triangles at its edge "
                + "(and left out of the lines): " + String.join("; ", named) + (off.length > NAMED_OFF_SCALE ? "; and "
                + (off.length - NAMED_OFF_SCALE) + " more" : "") + ".";
    }

    /**
     * The unit cautions of {@link Identification} for these parameters and tokens (a params column at most
     * {@value Identification#MIN_LARGEST_PARAMS}, tokens per parameter implausible at every point): the mark of a count
     * in thousands or millions, which the frontier's FLOPs, ratios and reference lines take as counts.
     */
    public static List<String> unitCautions(double[] params, double[] tokens) {
        return Identification.ofColumns(List.of("params", "tokens"), new double[][] {params, tokens}, 0, 2,
                Identification.Limits.DEFAULTS).cautions();
    }

    private static Block.Fact exponent(String name, LogLogFit fit) {
        String value = fit.resamples() > 0
                ? Numbers.withInterval(fit.slope(), fit.slopeInterval()[0], fit.slopeInterval()[1], 4)
                : Numbers.format(fit.slope(), 4);
        String detail = FrontierFigures.rSquared(fit, 4) + ", " + fit.points() + " points"
                + (fit.resamples() > 0 ? "; [95 % pairs-bootstrap interval, " + fit.resamples() + " resamples]" : "");
        return new Block.Fact(name, value, detail);
    }

    /**
     * A caution when the slope's bootstrap interval contains 0: the frontier runs then do not say whether the
     * quantity grows or shrinks with the resource, and the fitted slope is no allocation rule (empty otherwise).
     */
    static String signCaution(LogLogFit fit, String quantity, String resource) {
        if (fit.resamples() == 0 || !(fit.slopeInterval()[0] <= 0 && fit.slopeInterval()[1] >= 0)) {
            return "";
        }
        return " Caution: the interval contains 0, so these runs do not say whether " + quantity + " grows or "
                + "shrinks with " + resource + " (R² " + Numbers.format(fit.rSquared(), 3) + ").";
    }

    /**
     * A note when the runs form an {@link IsoflopDesign}, for which the frontier keeps about one run a budget, while
     * Approach 2 (IsoFLOP profiles, Hoffmann et al. 2022 §3.2) uses every run; empty otherwise.
     */
    static String isoflopDesign(double[] flops) {
        return IsoflopDesign.of(flops).map(design -> "These runs form an IsoFLOP design: " + design.budgets()
                + " FLOP budgets of " + (design.fewest() == design.most() ? Integer.toString(design.fewest())
                : design.fewest() + " to " + design.most()) + " runs each. The frontier below keeps about one run a "
                + "budget; Approach 2 (IsoFLOP profiles, `scalefit isoflop`) uses every run.").orElse("");
    }

    private static String cautions(LogLogFit fit) {
        return fit.warnings().isEmpty() ? "" : " Caution: " + String.join("; ", fit.warnings()) + ".";
    }

    private static String interval(LogLogFit fit) {
        return fit.resamples() > 0 ? " (95 % bootstrap interval " + Numbers.format(fit.slopeInterval()[0], 4) + " to "
                + Numbers.format(fit.slopeInterval()[1], 4) + ")" : "";
    }
}
