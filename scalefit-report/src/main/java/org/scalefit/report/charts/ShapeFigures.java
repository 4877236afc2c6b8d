package org.scalefit.report.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.report.Numbers;
import org.scalefit.report.plot.Axis;
import org.scalefit.report.plot.Band;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.Series;
import org.scalefit.report.plot.SeriesStyle;
import org.scalefit.shapes.BucketOptimum;
import org.scalefit.shapes.FeasibleShapes;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.shapes.ShapePoint;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.ShapeBands;

/**
 * Figures of the width–depth shape search (core {@code shapes}; McLeish et al. 2025 §4): each law's optimum per
 * FLOPs bucket against its FLOPs, and the feasible model shapes near target sizes (Gemstones'
 * {@code plot_feasible_model_shapes}: depth against width, log–log, one colour per target) with marked shapes on top.
 */
public final class ShapeFigures {

    private ShapeFigures() {
    }

    /** The bucket optima of a search, in bucket order. */
    public static List<ShapePoint> points(ShapeOptima optima) {
        return optima.optima().stream().map(BucketOptimum::point).toList();
    }

    /**
     * {@code quantity} of each optimum against its FLOPs (log–log), one line with markers per named set of optima
     * (e.g. per law, or grid and relaxed optima of one law), in palette order.
     */
    public static Figure optimaAgainstCompute(String id, ShapeQuantity quantity, Map<String, List<ShapePoint>> optima) {
        return optimaAgainstCompute(id, quantity, optima, Map.of());
    }

    /**
     * As {@link #optimaAgainstCompute(String, ShapeQuantity, Map)}, a set whose label has an entry in {@code bands}
     * drawn with the band of {@code quantity} over the bootstrap replicates (one bucket per point, in order).
     */
    public static Figure optimaAgainstCompute(String id, ShapeQuantity quantity, Map<String, List<ShapePoint>> optima,
                                              Map<String, ShapeBands> bands) {
        Figure figure = Figure.of(id, "Shape-search optima: " + quantity.label() + " against FLOPs",
                Axis.log("training FLOPs"), Axis.log(quantity.label()));
        int ordinal = 0;
        for (Map.Entry<String, List<ShapePoint>> set : optima.entrySet()) {
            List<ShapePoint> points = set.getValue();
            double[] x = points.stream().mapToDouble(ShapePoint::flops).toArray();
            double[] y = points.stream().mapToDouble(quantity::of).toArray();
            List<String> labels = points.stream().map(ShapeFigures::describe).toList();
            Series series = Series.of(set.getKey(), x, y, new SeriesStyle(Palette.categorical(ordinal++),
                    SeriesStyle.Stroke.SOLID, SeriesStyle.Marker.CIRCLE, 1.5)).withPointLabels(labels);
            ShapeBands band = bands.get(set.getKey());
            figure = figure.with(band == null ? series : series.withBand(band(band, quantity, points.size())));
        }
        return figure;
    }

    /**
     * The band of {@code quantity} per bucket, for a series of the same {@code count} buckets.
     *
     * @throws IllegalArgumentException if the bands are not of {@code count} buckets
     */
    static Band band(ShapeBands bands, ShapeQuantity quantity, int count) {
        if (bands.bands().size() != count) {
            throw new IllegalArgumentException(bands.bands().size() + " bands for " + count + " optima");
        }
        double[] lower = new double[count];
        double[] upper = new double[count];
        for (int b = 0; b < count; b++) {
            AllocationBands.Spread spread = quantity.of(bands.bands().get(b));
            lower[b] = spread.low();
            upper[b] = spread.high();
        }
        return new Band(lower, upper);
    }

    /**
     * Depth against width (log–log) of the feasible shapes, one marker series per target size, labelled
     * "50M ± 2.5M" style; then each named set of marks (e.g. "this data's runs") as black diamonds, and further
     * sets in the palette's later colours.
     *
     * @param tolerance the relative size tolerance the shapes were enumerated with (for the legend)
     */
    public static Figure feasibleShapes(String id, List<FeasibleShapes.Shape> shapes, double tolerance,
                                        Map<String, List<ShapeMark>> marks) {
        Figure figure = Figure.of(id, "Feasible model shapes near the target sizes", Axis.log("width"),
                Axis.log("depth (layers)"));
        Map<Double, List<FeasibleShapes.Shape>> byTarget = new LinkedHashMap<>();
        for (FeasibleShapes.Shape shape : shapes) {
            byTarget.computeIfAbsent(shape.target(), t -> new ArrayList<>()).add(shape);
        }
        int ordinal = 0;
        for (Map.Entry<Double, List<FeasibleShapes.Shape>> target : byTarget.entrySet()) {
            List<FeasibleShapes.Shape> group = target.getValue();
            figure = figure.with(Series.of(size(target.getKey()) + " ± " + size(target.getKey() * tolerance),
                            group.stream().mapToDouble(FeasibleShapes.Shape::width).toArray(),
                            group.stream().mapToDouble(FeasibleShapes.Shape::depth).toArray(),
                            SeriesStyle.markers(Palette.categorical(ordinal++)))
                    .withPointLabels(group.stream().map(s -> s.width() + "x" + s.depth() + ", "
                            + Numbers.format(s.params(), 4) + " parameters").toList()));
        }
        int markOrdinal = 0;
        for (Map.Entry<String, List<ShapeMark>> set : marks.entrySet()) {
            String color = markOrdinal == 0 ? Palette.BLACK : Palette.categorical(byTarget.size() + markOrdinal - 1);
            markOrdinal++;
            List<ShapeMark> group = set.getValue();
            figure = figure.with(Series.of(set.getKey(), group.stream().mapToDouble(ShapeMark::width).toArray(),
                            group.stream().mapToDouble(ShapeMark::depth).toArray(),
                            new SeriesStyle(color, SeriesStyle.Stroke.NONE, SeriesStyle.Marker.DIAMOND, 1))
                    .withPointLabels(group.stream().map(ShapeMark::label).toList()));
        }
        return figure;
    }

    /** "1024x28: N 5.43×10⁸, D 2.1×10¹⁰, D/N 38.6, loss 2.95". */
    static String describe(ShapePoint point) {
        return String.format(Locale.ROOT, "%sx%s: N %s, D %s, D/N %s, loss %s", Numbers.format(point.width(), 5),
                Numbers.format(point.depth(), 4), Numbers.format(point.params(), 3), Numbers.format(point.tokens(), 3),
                Numbers.format(point.tokensPerParam(), 3), Numbers.format(point.loss(), 4));
    }

    /** 5×10⁷ → "50M", 2.5×10⁶ → "2.5M", 10⁹ → "1B". */
    static String size(double value) {
        if (value >= 1e9) {
            return Numbers.format(value / 1e9, 3) + "B";
        }
        if (value >= 1e6) {
            return Numbers.format(value / 1e6, 3) + "M";
        }
        return Numbers.format(value, 3);
    }
}
