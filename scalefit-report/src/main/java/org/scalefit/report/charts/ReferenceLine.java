package org.scalefit.report.charts;

import java.util.List;
import java.util.Objects;
import org.scalefit.io.AllocationRules;
import org.scalefit.law.AllocationRule;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.report.plot.SeriesStyle;

/**
 * A compute-optimal allocation rule drawn as a line against compute, e.g. Chinchilla's (Hoffmann et al. 2022 eq. 4),
 * Kaplan et al. 2020's N ∝ C^0.88, or a law fitted here.
 *
 * @param label the legend entry
 * @param style how the line is drawn
 * @param rule  N_opt(C), D_opt(C)
 */
public record ReferenceLine(String label, SeriesStyle style, AllocationRule rule) {

    public ReferenceLine {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * A line styled as {@code styleName} in {@code styles} (e.g. {@code Chinchilla}, {@code Kaplan}), or as
     * {@code fallback} when it has no such style.
     */
    public static ReferenceLine styled(String label, String styleName, AllocationRule rule, RunStyles styles,
                                       SeriesStyle fallback) {
        return new ReferenceLine(label, styles.named(styleName, fallback), rule);
    }

    /**
     * Chinchilla (Hoffmann et al.) and Kaplan et al., styled as Gemstones draws them, and Epoch AI's refit of
     * Chinchilla's data in a colour of its own (Gemstones draws both Chinchilla fits in one pink, which makes them one
     * line to a reader when they cross).
     */
    public static List<ReferenceLine> published(RunStyles styles) {
        return List.of(
                styled("Chinchilla (Hoffmann et al.)", "Chinchilla", AllocationRules.reference("chinchilla"), styles,
                        SeriesStyle.dotted(Palette.PINK)),
                new ReferenceLine("Epoch AI refit (Besiroglu et al.)", SeriesStyle.dashed(Palette.GREEN),
                        AllocationRules.reference("epoch")),
                styled("Kaplan et al.", "Kaplan", AllocationRules.reference("kaplan"), styles,
                        SeriesStyle.line(Palette.BROWN)));
    }
}
