package org.scalefit.report.charts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
     * {@code quantity} against compute C (log–log) for each rule, evaluated at {@code compute}; a rule whose label
     * has an entry in {@code bands} is drawn with that band.
     *
     * @param compute the budgets to evaluate at, increasing (e.g. 60 log-spaced points over 10¹⁸…10²⁶)
     * @param bands   band per rule label, one value per budget (may be empty)
     */
    public static Figure quantityAgainstCompute(String id, AllocationQuantity quantity, List<ReferenceLine> rules,
                                                double[] compute, Map<String, Band> bands) {
        Figure figure = Figure.of(id, "Compute-optimal " + quantity.label() + " against compute",
                Axis.log("training FLOPs C"), Axis.log(quantity.label()));
        for (ReferenceLine rule : rules) {
            double[] y = Arrays.stream(compute).map(c -> quantity.of(rule.rule().at(c))).toArray();
            Series series = Series.of(rule.label(), compute, y, rule.style());
            Band band = bands.get(rule.label());
            figure = figure.with(band == null ? series : series.withBand(band));
        }
        return figure;
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
