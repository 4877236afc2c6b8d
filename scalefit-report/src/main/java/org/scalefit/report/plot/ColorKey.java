package org.scalefit.report.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A continuous colour scale for a quantity the points of a figure are coloured by, such as model size where a
 * figure has too many runs for a legend entry each: value v is drawn in {@link Palette#viridis}(t), t = TOP · (position
 * of v in [low, high] on {@code scale}), so that order and ratio read from lightness; the renderers draw the key
 * beside the plot with a few labelled values ({@link #ticks}).
 *
 * @param label what the colour measures, e.g. {@code "parameters N"}
 * @param scale how values map to colours: linearly, or by log₁₀ (for sizes)
 * @param low   the value drawn darkest
 * @param high  the value drawn lightest
 */
public record ColorKey(String label, Scale scale, double low, double high) {

    /** The lightest viridis position used: its last tenth, pale yellow, hardly shows against white. */
    public static final double TOP = 0.9;

    public ColorKey {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(scale, "scale");
        if (!scale.accepts(low) || !scale.accepts(high) || !(high > low)) {
            throw new IllegalArgumentException("a " + scale + " colour key needs low < high its scale can show, got ["
                    + low + ", " + high + "]");
        }
    }

    /** A key for values from {@code low} to {@code high}. */
    public static ColorKey of(String label, Scale scale, double low, double high) {
        return new ColorKey(label, scale, low, high);
    }

    /** The position of {@code value} in [low, high] on the key's scale, clamped to [0, 1]. */
    public double fraction(double value) {
        double t = (scale.transform(value) - scale.transform(low)) / (scale.transform(high) - scale.transform(low));
        return Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
    }

    /** The colour of {@code value}; values outside [low, high] take the colour of the nearer end. */
    public String color(double value) {
        return Palette.viridis(TOP * fraction(value));
    }

    /** The labelled values of the key: the ticks an axis over [low, high] would have, those inside the range. */
    public AxisTicks ticks() {
        AxisTicks axis = AxisTicks.of(scale, low, high);
        double[] values = axis.values();
        List<Double> kept = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double slack = 1e-9 * (high - low);
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= low - slack && values[i] <= high + slack) {
                kept.add(values[i]);
                labels.add(axis.labels().get(i));
            }
        }
        return new AxisTicks(axis.scale(), low, high, kept.stream().mapToDouble(Double::doubleValue).toArray(),
                labels);
    }
}
