package org.scalefit.report.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.data.RunTable;
import org.scalefit.report.Numbers;
import org.scalefit.report.plot.Axis;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.Series;
import org.scalefit.report.plot.SeriesStyle;
import org.scalefit.sensitivity.AllocationSlopes;
import org.scalefit.sensitivity.DeltaGridPoint;
import org.scalefit.sensitivity.RainbowLine;
import org.scalefit.sensitivity.RainbowTable;

/**
 * Figures of the sensitivity of Approach-3 results (core {@code sensitivity}; Gemstones, McLeish et al. 2025;
 * {@code approach_3_grid_search.py}, {@code rainbow.py}, {@code slope_analysis.py}):
 * <ul>
 *   <li>{@link #slopeAgainstGridSize}: the allocation slope b = α/(α+β) (D_opt ∝ C^b) of the params/tokens law
 *       L = E + A/N^α + B/D^β refitted for each Huber δ and start-grid size, one line per δ
 *       ({@code slope_analysis.py});</li>
 *   <li>{@link #rainbow}: every line N_opt(C) = k·(C/C₀)^s of a {@link RainbowTable}, coloured in its order at the
 *       ordering budget on matplotlib's {@code rainbow} map, with the reference laws dashed ({@code rainbow.py});</li>
 *   <li>{@link #sampledRuns}: parameters against tokens of a table and of a reduced sample of it
 *       ({@code chinchilla_reduced_sampling.py}).</li>
 * </ul>
 */
public final class SensitivityFigures {

    private SensitivityFigures() {
    }

    /**
     * The slope b of each fit against the actual number of starts of its grid (log x), one line with markers per δ
     * (in order of first appearance, points by grid size); each point's label has the grid and the best objective.
     * Fits that found no optimum are left out.
     */
    public static Figure slopeAgainstGridSize(String id, List<DeltaGridPoint> points) {
        Map<Double, List<DeltaGridPoint>> byDelta = new LinkedHashMap<>();
        for (DeltaGridPoint point : points) {
            if (point.fit().succeeded()) {
                byDelta.computeIfAbsent(point.delta(), d -> new ArrayList<>()).add(point);
            }
        }
        Figure figure = Figure.of(id, "Allocation slope against start-grid size, per Huber δ",
                Axis.log("starts in the grid"), Axis.linear("b = α/(α+β) (D_opt ∝ C^b)"));
        Map<Double, String> deltas = deltaLabels(points);
        int ordinal = 0;
        for (Map.Entry<Double, List<DeltaGridPoint>> delta : byDelta.entrySet()) {
            List<DeltaGridPoint> sorted = delta.getValue().stream()
                    .sorted(Comparator.comparingLong((DeltaGridPoint p) -> p.grid().size())).toList();
            figure = figure.with(Series.of("δ = " + deltas.get(delta.getKey()),
                            sorted.stream().mapToDouble(p -> p.grid().size()).toArray(),
                            sorted.stream().mapToDouble(p -> p.slopes().tokens()).toArray(),
                            new SeriesStyle(Palette.categorical(ordinal++), SeriesStyle.Stroke.SOLID,
                                    SeriesStyle.Marker.CIRCLE, 1.5))
                    .withPointLabels(sorted.stream().map(SensitivityFigures::describe).toList()));
        }
        return figure;
    }

    /**
     * The text of each distinct δ of {@code points}, all in one notation ({@link Numbers#formatTogether}, 3
     * significant digits): 10⁻³, 10⁻⁴, 10⁻⁵ rather than 0.001 beside 10⁻⁴.
     */
    public static Map<Double, String> deltaLabels(List<DeltaGridPoint> points) {
        double[] distinct = points.stream().mapToDouble(DeltaGridPoint::delta).distinct().toArray();
        List<String> texts = Numbers.formatTogether(distinct, 3);
        Map<Double, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < distinct.length; i++) {
            labels.put(distinct[i], texts.get(i));
        }
        return labels;
    }

    /**
     * The rainbow: each study line of {@code table} as N_opt(C) over [lowCompute, highCompute] (log–log), in the
     * table's order (smallest N_opt at the ordering budget first) and coloured along matplotlib's {@code rainbow};
     * then the reference lines, dark grey, dashed, dotted and solid in turn.
     */
    public static Figure rainbow(String id, RainbowTable table, double lowCompute, double highCompute) {
        double[] compute = Sampling.logSpaced(lowCompute, highCompute, 11);
        Figure figure = Figure.of(id, "Compute-optimal model size of every law (ordered at C = "
                + Numbers.format(table.sortCompute(), 3) + ")", Axis.log("training FLOPs C"),
                Axis.log("N_opt (parameters)"));
        int count = table.rows().size();
        for (int i = 0; i < count; i++) {
            RainbowTable.Row row = table.rows().get(i);
            figure = figure.with(line(row.line(), compute, SeriesStyle.line(Palette.rainbow(count == 1 ? 0
                    : (double) i / (count - 1))).withLineWidth(1.6), row));
        }
        SeriesStyle.Stroke[] strokes = {SeriesStyle.Stroke.DASHED, SeriesStyle.Stroke.DOTTED,
                SeriesStyle.Stroke.SOLID};
        for (int i = 0; i < table.references().size(); i++) {
            RainbowTable.Row row = table.references().get(i);
            figure = figure.with(line(row.line(), compute, new SeriesStyle(Palette.NEUTRAL,
                    strokes[i % strokes.length], SeriesStyle.Marker.NONE, 2), row));
        }
        return figure;
    }

    /**
     * Parameters against tokens (log–log) of every row of {@code full} (small grey circles) and of the rows of
     * {@code reduced} (larger blue diamonds), each point labelled with its source line; both tables need columns
     * {@code params} and {@code tokens}.
     */
    public static Figure sampledRuns(String id, String title, RunTable full, String fullName, RunTable reduced,
                                     String reducedName) {
        return Figure.of(id, title, Axis.log("tokens D"), Axis.log("parameters N"))
                .with(points(fullName + " (" + full.rows() + ")", full, new SeriesStyle(Palette.LIGHT_GREY,
                        SeriesStyle.Stroke.NONE, SeriesStyle.Marker.CIRCLE, 1)))
                .with(points(reducedName + " (" + reduced.rows() + ")", reduced, new SeriesStyle(Palette.BLUE,
                        SeriesStyle.Stroke.NONE, SeriesStyle.Marker.DIAMOND, 1)));
    }

    private static Series line(RainbowLine line, double[] compute, SeriesStyle style, RainbowTable.Row row) {
        double[] params = java.util.Arrays.stream(compute).map(line::paramsAt).toArray();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < compute.length; i++) {
            labels.add(line.label() + ": slope " + Numbers.fixed(line.slope(), 4)
                    + (Double.isNaN(row.delta()) ? "" : ", Δ " + Numbers.fixed(row.delta(), 4) + " to "
                    + row.baseLabel()) + "; N_opt(" + Numbers.format(compute[i], 3) + ") = "
                    + Numbers.format(params[i], 3));
        }
        return Series.of(line.label(), compute, params, style).withPointLabels(labels);
    }

    private static Series points(String name, RunTable table, SeriesStyle style) {
        double[] params = table.column("params");
        double[] tokens = table.column("tokens");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < table.rows(); i++) {
            labels.add(String.format(Locale.ROOT, "N %s, D %s (%s)", Numbers.format(params[i], 4),
                    Numbers.format(tokens[i], 4), table.location(i)));
        }
        return Series.of(name, tokens, params, style).withPointLabels(labels);
    }

    /** "δ 0.001, 3087 starts (e 3, c 7, r 7): b 0.29115, a 0.70885, best objective 1.982×10⁻³". */
    static String describe(DeltaGridPoint point) {
        AllocationSlopes slopes = point.slopes();
        return String.format(Locale.ROOT, "δ %s, %d starts (e %d, c %d, r %d): b %s, a %s, best objective %s",
                Numbers.format(point.delta(), 3), point.grid().size(), point.grid().exponentValues(),
                point.grid().coefficientValues(), point.grid().errorValues(), Numbers.fixed(slopes.tokens(), 5),
                Numbers.fixed(slopes.params(), 5), Numbers.format(point.fit().loss(), 4));
    }
}
