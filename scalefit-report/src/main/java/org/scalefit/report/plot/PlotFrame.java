package org.scalefit.report.plot;

/**
 * The visible ranges and ticks of a figure's two axes: each spans every drawable value of every series (points
 * whose x and y the axes accept, and the band edges at those points), as {@link AxisTicks#of} pads and ticks it.
 * Both renderers draw a figure in this frame, so the PNG, the SVG file and the HTML show the same ranges.
 *
 * @param x ticks of the horizontal axis
 * @param y ticks of the vertical axis
 */
public record PlotFrame(AxisTicks x, AxisTicks y) {

    /** The frame of {@code figure}; an axis with nothing to show spans [0, 1] (linear) or [1, 10] (log). */
    public static PlotFrame of(Figure figure) {
        Scale xScale = figure.x().scale();
        Scale yScale = figure.y().scale();
        double[] xRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Series series : figure.series()) {
            double[] x = series.x();
            double[] y = series.y();
            double[] lower = series.hasBand() ? series.band().lower() : null;
            double[] upper = series.hasBand() ? series.band().upper() : null;
            for (int i = 0; i < x.length; i++) {
                if (drawable(figure, x[i], y[i])) {
                    include(xRange, x[i]);
                    include(yRange, y[i]);
                }
                if (lower != null && xScale.accepts(x[i])) {
                    for (double edge : new double[] {lower[i], upper[i]}) {
                        if (yScale.accepts(edge)) {
                            include(xRange, x[i]);
                            include(yRange, edge);
                        }
                    }
                }
            }
        }
        return new PlotFrame(ticks(xScale, xRange), ticks(yScale, yRange));
    }

    /** Whether the point (x, y) can be drawn on the figure's axes. */
    public static boolean drawable(Figure figure, double x, double y) {
        return figure.x().scale().accepts(x) && figure.y().scale().accepts(y);
    }

    private static void include(double[] range, double value) {
        range[0] = Math.min(range[0], value);
        range[1] = Math.max(range[1], value);
    }

    private static AxisTicks ticks(Scale scale, double[] range) {
        if (range[0] > range[1]) {
            return scale == Scale.LOG ? AxisTicks.of(scale, 1, 10) : AxisTicks.of(scale, 0, 1);
        }
        return AxisTicks.of(scale, range[0], range[1]);
    }
}
