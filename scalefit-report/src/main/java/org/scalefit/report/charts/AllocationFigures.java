package org.scalefit.report.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.scalefit.report.Numbers;
import org.scalefit.report.plot.Axis;
import org.scalefit.report.plot.Band;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Series;
import org.scalefit.uncertainty.AllocationBands;

/**
 * Figures of compute-optimal allocation (core {@code law}; Hoffmann et al. 2022 eq. 4 and Fig. 3): N_opt(C),
 * D_opt(C) or D/N(C) of several rules over a compute range, optionally each with a band, e.g. the bootstrap
 * percentile interval of a fitted law's allocation ({@link #band}).
 */
public final class AllocationFigures {

    private AllocationFigures() {
    }

    /**
     * The factor ×/÷ around the first rule's values (and its band) within which the other rules are drawn, so that a
     * published line far from the data's own law (Kaplan et al.'s D/N falls eight decades over 10¹⁸ … 10²⁶ FLOPs)
     * does not set the axis and flatten the law and its band into a sliver; one decade, so that a published line
     * that differs from the law by a few times (Chinchilla's D/N beside Epoch AI's refit) stays whole.
     */
    public static final double REFERENCE_MARGIN = 10;

    /**
     * {@code quantity} against compute C (log–log) for each rule, evaluated at {@code compute}; a rule whose label
     * has an entry in {@code bands} is drawn with that band. The first rule (the data's own law, or the first
     * published one when there is none) is drawn over every budget and sets the range: every other rule is clipped to
     * ×/÷ {@link #REFERENCE_MARGIN} around the first rule's values and band (the clipped line ends where it crosses
     * that range, found in log–log space, exactly for a power-law rule); a rule that never comes within it is not
     * drawn. {@link #offScale} says what was cut.
     *
     * @param compute the budgets to evaluate at, increasing (e.g. 60 log-spaced points over 10¹⁸…10²⁶)
     * @param bands   band per rule label, one value per budget (may be empty)
     */
    public static Figure quantityAgainstCompute(String id, AllocationQuantity quantity, List<ReferenceLine> rules,
                                                double[] compute, Map<String, Band> bands) {
        Figure figure = Figure.of(id, "Compute-optimal " + quantity.label() + " against compute",
                Axis.log("training FLOPs C"), Axis.log(quantity.label()));
        double[] range = range(quantity, rules, compute, bands);
        for (int r = 0; r < rules.size(); r++) {
            ReferenceLine rule = rules.get(r);
            double[][] line = r == 0 ? new double[][] {compute, values(quantity, rule, compute)}
                    : FrontierFigures.clipped(compute, c -> quantity.of(rule.rule().at(c)), range[0], range[1]);
            if (line[0].length < 2) {
                continue;
            }
            Series series = Series.of(rule.label(), line[0], line[1], rule.style());
            Band band = bands.get(rule.label());
            figure = figure.with(band == null || r > 0 ? series : series.withBand(band));
        }
        return figure;
    }

    /**
     * What {@link #quantityAgainstCompute} leaves off the figure, for its caption: each clipped rule with the budgets
     * beyond which it leaves the range and the value it reaches at the end of {@code compute} (e.g. "Off scale:
     * Kaplan et al. above C = 2.1×10²⁰ (tokens per parameter D/N 1.4×10⁻⁴ at 10²⁶)"), or that it is not drawn at
     * all; empty when every rule is drawn whole.
     */
    public static String offScale(AllocationQuantity quantity, List<ReferenceLine> rules, double[] compute,
                                  Map<String, Band> bands) {
        double[] range = range(quantity, rules, compute, bands);
        List<String> cut = new ArrayList<>();
        for (int r = 1; r < rules.size(); r++) {
            ReferenceLine rule = rules.get(r);
            double[] all = values(quantity, rule, compute);
            double[][] line = FrontierFigures.clipped(compute, c -> quantity.of(rule.rule().at(c)), range[0],
                    range[1]);
            if (line[0].length < 2) {
                cut.add(rule.label() + " (not drawn: " + Numbers.format(all[0], 3) + " to "
                        + Numbers.format(all[all.length - 1], 3) + ")");
                continue;
            }
            double first = line[0][0];
            double last = line[0][line[0].length - 1];
            List<String> parts = new ArrayList<>();
            if (first > compute[0] * (1 + 1e-9)) {
                parts.add("below C = " + Numbers.format(first, 2) + " (" + Numbers.format(all[0], 3) + " at "
                        + Numbers.format(compute[0], 3) + ")");
            }
            if (last < compute[compute.length - 1] * (1 - 1e-9)) {
                parts.add("above C = " + Numbers.format(last, 2) + " (" + Numbers.format(all[all.length - 1], 3)
                        + " at " + Numbers.format(compute[compute.length - 1], 3) + ")");
            }
            if (!parts.isEmpty()) {
                cut.add(rule.label() + " " + String.join(" and ", parts));
            }
        }
        if (cut.isEmpty()) {
            return "";
        }
        return "Off scale (the axis spans ×/÷ " + Numbers.format(REFERENCE_MARGIN, 2) + " around " + rules.get(0)
                .label() + (bands.containsKey(rules.get(0).label()) ? " and its band" : "") + "): " + quantity.label()
                + " of " + String.join("; ", cut) + ".";
    }

    /** The range the rules after the first are clipped to: ×/÷ the margin around the first rule and its band. */
    private static double[] range(AllocationQuantity quantity, List<ReferenceLine> rules, double[] compute,
                                  Map<String, Band> bands) {
        if (rules.isEmpty()) {
            return new double[] {0, Double.POSITIVE_INFINITY};
        }
        ReferenceLine first = rules.get(0);
        double[] own = values(quantity, first, compute);
        Band band = bands.get(first.label());
        double[] all = band == null ? own : concat(own, concat(band.lower(), band.upper()));
        double[] span = Sampling.positiveRange(all);
        return new double[] {span[0] / REFERENCE_MARGIN, span[1] * REFERENCE_MARGIN};
    }

    private static double[] values(AllocationQuantity quantity, ReferenceLine rule, double[] compute) {
        return Arrays.stream(compute).map(c -> quantity.of(rule.rule().at(c))).toArray();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** {@code count} budgets log-spaced over [low, high]. */
    public static double[] budgets(double low, double high, int count) {
        return Sampling.logSpaced(low, high, count);
    }

    /**
     * The band of {@code quantity} from bootstrap allocation bands (core {@link AllocationBands}: at each budget the
     * percentile interval of the quantity over the replicates' eq.-4 allocations), one value per budget, for a series
     * evaluated at the same budgets.
     *
     * @throws IllegalArgumentException if the bands were not computed (a law without eq.-4 allocation)
     */
    public static Band band(AllocationBands bands, AllocationQuantity quantity) {
        if (!bands.computed()) {
            throw new IllegalArgumentException("no allocation bands: " + bands.skipped());
        }
        List<AllocationBands.Band> atBudgets = bands.bands();
        double[] lower = new double[atBudgets.size()];
        double[] upper = new double[atBudgets.size()];
        for (int c = 0; c < lower.length; c++) {
            AllocationBands.Spread spread = quantity.of(atBudgets.get(c));
            lower[c] = spread.low();
            upper[c] = spread.high();
        }
        return new Band(lower, upper);
    }

    /** The budgets of {@code bands}, in order. */
    public static double[] budgets(AllocationBands bands) {
        return bands.bands().stream().mapToDouble(AllocationBands.Band::compute).toArray();
    }
}
