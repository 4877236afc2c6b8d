package org.scalefit.report.figure;

import java.util.List;
import java.util.Locale;

/**
 * The colours figures use when a series has no style of its own: matplotlib's ten-colour cycle {@code tab10} (the
 * cycle the studies' own plots use) for categories, and its {@code cool} colour map (cyan → magenta, linear in RGB)
 * for an ordered quantity such as tokens per parameter (Gadre et al. 2024, Figure 1), and its {@code rainbow} for
 * many ordered lines (Gemstones' rainbow plot).
 */
public final class Palette {

    /** matplotlib's tab10, in cycle order. */
    public static final List<String> CATEGORICAL = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

    /** The colour for reference lines and annotations that belong to no series family. */
    public static final String NEUTRAL = "#333333";

    private Palette() {
    }

    /** The i-th colour of the categorical cycle (it repeats after ten). */
    public static String categorical(int i) {
        return CATEGORICAL.get(Math.floorMod(i, CATEGORICAL.size()));
    }

    /** matplotlib's {@code cool} at t ∈ [0, 1]: (t, 1 − t, 1) in RGB; t is clamped to [0, 1]. */
    public static String cool(double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        int red = (int) Math.round(255 * clamped);
        int green = (int) Math.round(255 * (1 - clamped));
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, 255);
    }

    /**
     * matplotlib's {@code rainbow} at t ∈ [0, 1] (purple → red; Gemstones' rainbow plot of allocation lines):
     * (|2t − 0.5|, sin πt, cos(πt/2)) in RGB, each clipped to [0, 1]; t is clamped to [0, 1].
     */
    public static String rainbow(double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        double[] rgb = {Math.abs(2 * clamped - 0.5), Math.sin(Math.PI * clamped), Math.cos(Math.PI * clamped / 2)};
        int[] channels = new int[3];
        for (int c = 0; c < 3; c++) {
            channels[c] = (int) Math.round(255 * Math.max(0, Math.min(1, rgb[c])));
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", channels[0], channels[1], channels[2]);
    }

    /** {@link #cool} at the position of {@code value} in [low, high] on a log scale. */
    public static String coolLog(double value, double low, double high) {
        if (!(high > low)) {
            return cool(0.5);
        }
        return cool((Math.log(value) - Math.log(low)) / (Math.log(high) - Math.log(low)));
    }
}
