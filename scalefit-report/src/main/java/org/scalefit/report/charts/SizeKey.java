package org.scalefit.report.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalefit.report.Numbers;
import org.scalefit.report.plot.ColorKey;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.Scale;

/**
 * The rule by which a figure of many runs colours them by model size instead of giving each a legend entry: when
 * there are more runs than {@link Palette#CATEGORICAL} has colours (so that colours would repeat and the legend would
 * outgrow the plot), each run is drawn in the colour of its parameters N (its first row's) on a log {@link ColorKey}
 * from the smallest to the largest N, without a legend entry, and each of its points is labelled with that N. The
 * key's title states its exact ends, "parameters N, 5.13×10⁷ to 2.03×10⁹" (to three significant digits), which its
 * ticks, at round values, seldom label.
 */
final class SizeKey {

    private SizeKey() {
    }

    /**
     * The key of {@code runs} by model size, or null when the runs are few enough for a legend entry each, or their
     * sizes span no range (none positive and finite, or all equal).
     *
     * @param params the parameters of each row of {@code runs}
     */
    static ColorKey of(Runs runs, double[] params) {
        runs.requireRows(params, "params");
        Map<String, Double> sizes = new java.util.LinkedHashMap<>();
        runs.groups().forEach((run, rows) -> sizes.put(run, params[rows[0]]));
        return of(sizes);
    }

    /** The key of runs of these sizes (run → N), or null as for {@link #of(Runs, double[])}. */
    static ColorKey of(Map<String, Double> sizes) {
        if (sizes.size() <= Palette.CATEGORICAL.size()) {
            return null;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double size : sizes.values()) {
            if (size > 0 && Double.isFinite(size)) {
                low = Math.min(low, size);
                high = Math.max(high, size);
            }
        }
        return high > low ? ColorKey.of("parameters N, " + Numbers.format(low, 3) + " to "
                + Numbers.format(high, 3), Scale.LOG, low, high) : null;
    }

    /**
     * The labels of {@code rows}, each followed by the model size of the run, "…, N = 1.025×10⁸", unless it states
     * an N already (runs named by their size, "N = 1.03×10⁸, D = …").
     */
    static List<String> labels(Runs runs, int[] rows, double size) {
        List<String> labels = new ArrayList<>(rows.length);
        for (int row : rows) {
            String label = runs.label(row);
            labels.add(label.startsWith("N = ") || label.contains(", N = ") ? label
                    : label + ", N = " + Numbers.format(size, 4));
        }
        return labels;
    }
}
