package org.scalefit.report.plot;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One named set of points (x_i, y_i) of a figure, drawn in order with one {@link SeriesStyle}; optionally with a
 * shaded {@link Band} and a label per point (shown when the pointer is over the point in the HTML report).
 * Points that the figure's axes cannot show (non-finite, or ≤ 0 on a log axis) are left out when drawing.
 *
 * @param name        the legend entry
 * @param x           the x values
 * @param y           the y values, as many as x
 * @param style       colour, line and marker
 * @param band        a shaded interval at each point, or null for none
 * @param pointLabels a label per point (e.g. the run), or an empty list for none
 * @param inLegend    whether the series has a legend entry (and can be switched off there)
 */
public record Series(String name, double[] x, double[] y, SeriesStyle style, Band band, List<String> pointLabels,
                     boolean inLegend) {

    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(style, "style");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x but " + y.length
                    + " y values");
        }
        x = x.clone();
        y = y.clone();
        pointLabels = List.copyOf(pointLabels);
        if (!pointLabels.isEmpty() && pointLabels.size() != x.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " points but "
                    + pointLabels.size() + " point labels");
        }
        if (band != null && band.size() != x.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " points but its band has "
                    + band.size());
        }
    }

    /** A series with a legend entry, no band and no point labels. */
    public static Series of(String name, double[] x, double[] y, SeriesStyle style) {
        return new Series(name, x, y, style, null, List.of(), true);
    }

    /** This series with a band. */
    public Series withBand(Band next) {
        return new Series(name, x, y, style, next, pointLabels, inLegend);
    }

    /** This series with a label per point. */
    public Series withPointLabels(List<String> labels) {
        return new Series(name, x, y, style, band, labels, inLegend);
    }

    /** This series without a legend entry. */
    public Series hiddenFromLegend() {
        return new Series(name, x, y, style, band, pointLabels, false);
    }

    /** Number of points. */
    public int size() {
        return x.length;
    }

    /** The label of point i, or "" without point labels. */
    public String pointLabel(int i) {
        return pointLabels.isEmpty() ? "" : pointLabels.get(i);
    }

    /** Whether there is a band. */
    public boolean hasBand() {
        return band != null;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public List<String> pointLabels() {
        return Collections.unmodifiableList(pointLabels);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Series that && name.equals(that.name) && Arrays.equals(x, that.x)
                && Arrays.equals(y, that.y) && style.equals(that.style) && Objects.equals(band, that.band)
                && pointLabels.equals(that.pointLabels) && inLegend == that.inLegend;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y), style);
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + x.length + " points]";
    }
}
