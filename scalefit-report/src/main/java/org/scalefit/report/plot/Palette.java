package org.scalefit.report.plot;

import java.util.List;
import java.util.Locale;

/**
 * The one source of colours and run styles for every figure: matplotlib's ten-colour cycle {@code tab10} (the cycle
 * the studies' own plots use) for categories, named for the roles figures give them ({@link #BLUE} a fitted law,
 * {@link #BLACK} a frontier, {@link #GREY} reference marks); its {@code cool} colour map (cyan → magenta, linear in
 * RGB) for an ordered quantity such as tokens per parameter (Gadre et al. 2024, Figure 1); its {@code viridis} for
 * a quantity many points are coloured by with a {@link ColorKey} (model size); its {@code rainbow} for
 * many ordered lines (Gemstones' rainbow plot); and {@link #runStyle}, colour × marker × stroke combinations that
 * keep up to 150 runs apart (tab10's ten colours × {@link #MARKERS five markers} × three strokes), so that a figure of
 * 20 or 45 runs never gives two runs the same look.
 */
public final class Palette {

    /** matplotlib's tab10, in cycle order. */
    public static final List<String> CATEGORICAL = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

    /** tab10 blue: a fitted law, this analysis' own line. */
    public static final String BLUE = "#1f77b4";
    /** tab10 orange: a second law beside the first. */
    public static final String ORANGE = "#ff7f0e";
    /** tab10 green. */
    public static final String GREEN = "#2ca02c";
    /** tab10 red: predictions, a second estimate. */
    public static final String RED = "#d62728";
    /** tab10 brown: Kaplan et al.'s rule. */
    public static final String BROWN = "#8c564b";
    /** tab10 pink: Chinchilla's rules. */
    public static final String PINK = "#e377c2";
    /** tab10 grey: reference marks and lines that are not data. */
    public static final String GREY = "#7f7f7f";
    /** A darker grey, for marks that must stand out of the runs' colours (binning minimisers). */
    public static final String DARK_GREY = "#666666";
    /** A light grey, for the background of a comparison (the full set beside a subset, box edges). */
    public static final String LIGHT_GREY = "#aaaaaa";
    /** A lighter grey, for edges drawn only for orientation. */
    public static final String PALE_GREY = "#999999";
    /** A light blue, for a held-out set beside the fitted one in blue. */
    public static final String LIGHT_BLUE = "#9ecae1";
    /** Black: frontiers and observations, apart from every run colour. */
    public static final String BLACK = "#000000";

    /** The colour for reference lines and annotations that belong to no series family. */
    public static final String NEUTRAL = "#333333";

    /** The markers {@link #runStyle} cycles through after each round of the ten colours. */
    public static final List<SeriesStyle.Marker> MARKERS = List.of(SeriesStyle.Marker.CIRCLE,
            SeriesStyle.Marker.SQUARE, SeriesStyle.Marker.TRIANGLE, SeriesStyle.Marker.DIAMOND,
            SeriesStyle.Marker.CROSS);

    /** The strokes {@link #runStyle} cycles through after each round of colours × markers. */
    public static final List<SeriesStyle.Stroke> STROKES = List.of(SeriesStyle.Stroke.SOLID,
            SeriesStyle.Stroke.DASHED, SeriesStyle.Stroke.DOTTED);

    /** How many runs {@link #runStyle} keeps apart: colours × markers × strokes. */
    public static final int DISTINCT_RUN_STYLES = CATEGORICAL.size() * MARKERS.size() * STROKES.size();

    private Palette() {
    }

    /** The i-th colour of the categorical cycle (it repeats after ten). */
    public static String categorical(int i) {
        return CATEGORICAL.get(Math.floorMod(i, CATEGORICAL.size()));
    }

    /**
     * The style of the i-th run of a figure (i ≥ 0): colour i mod 10 of tab10, marker ⌊i/10⌋ mod 5 of {@link #MARKERS},
     * stroke ⌊i/50⌋ mod 3 of {@link #STROKES}, line width 1.2. Runs 0 … 149 all differ; beyond that the styles repeat.
     */
    public static SeriesStyle runStyle(int i) {
        int index = Math.floorMod(i, DISTINCT_RUN_STYLES);
        int colors = CATEGORICAL.size();
        return new SeriesStyle(CATEGORICAL.get(index % colors), STROKES.get(index / (colors * MARKERS.size())),
                MARKERS.get((index / colors) % MARKERS.size()), 1.2);
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

    /** matplotlib's {@code viridis} at t = k/8, k = 0 … 8 (as R's viridisLite lists them). */
    private static final int[] VIRIDIS = {0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21908c, 0x27ad81, 0x5dc863,
            0xaadc32, 0xfde725};

    /**
     * matplotlib's {@code viridis} at t ∈ [0, 1] (dark purple → teal → yellow; lightness rises steadily, so an
     * ordered quantity such as model size reads in order, also in grey): linear in RGB between its values at
     * t = k/8; t is clamped to [0, 1].
     */
    public static String viridis(double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        double position = clamped * (VIRIDIS.length - 1);
        int k = Math.min((int) Math.floor(position), VIRIDIS.length - 2);
        double w = position - k;
        int[] channels = new int[3];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            int from = (VIRIDIS[k] >> shift) & 0xff;
            int to = (VIRIDIS[k + 1] >> shift) & 0xff;
            channels[c] = (int) Math.round(from + w * (to - from));
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
