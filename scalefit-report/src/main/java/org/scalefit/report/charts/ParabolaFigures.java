package org.scalefit.report.charts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.scalefit.io.IndustryModels;
import org.scalefit.report.Numbers;
import org.scalefit.report.plot.Axis;
import org.scalefit.report.plot.Band;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.Series;
import org.scalefit.report.plot.SeriesStyle;
import org.scalefit.shapes.OvertrainedShape;
import org.scalefit.shapes.OvertrainingParabola;
import org.scalefit.shapes.ShapePoint;
import org.scalefit.uncertainty.ParabolaBands;

/**
 * Figures of Gemstones' overtraining parabola (core {@link OvertrainingParabola}; McLeish et al. 2025,
 * {@code plotters/overtrained_single_parabola.py}, §4.3). For a FLOPs
 * budget C with optimal tokens t, each factor f gives the shape of least predicted loss on t′ = t·√f tokens at the same
 * C:
 * <ul>
 *   <li>{@link #lossAgainstFactor}: one budget's predicted loss L̂(f) against log₂ f — the "parabola", its minimum
 *       near f = 1 — with released models whose validation loss lies in the panel's range as dashed horizontal
 *       lines (Gemstones' {@code …_wd_hot_2.pdf});</li>
 *   <li>{@link #againstCompute}: a quantity of the overtrained shapes (loss, parameters, tokens) against FLOPs, one
 *       line per factor (Gemstones' {@code …_wd_hot.pdf});</li>
 *   <li>{@link #penaltyAgainstFactor}: the bootstrap bands of the parabolas ({@link ParabolaBands}) — one figure per
 *       budget, the median loss penalty L(f)/L(1) − 1 against log₂ f, shaded by its percentile band.</li>
 * </ul>
 * Shapes at the edge of the box (width ≤ 257 or depth ≤ 2), which Gemstones drops, are drawn apart as grey crosses
 * in the first figure and left out of the second.
 */
public final class ParabolaFigures {

    /** The colour of the minimised law's parabola. */
    static final String LAW_COLOR = Palette.BLUE;
    /** The colour of the second law evaluated at the same shapes. */
    static final String SECOND_LAW_COLOR = Palette.ORANGE;
    private static final String EDGE_COLOR = Palette.PALE_GREY;

    private ParabolaFigures() {
    }

    /**
     * One budget's parabola: predicted loss against log₂ f of the interior shapes (solid, circles), the second law at
     * the same shapes if it was evaluated (dashed), the edge shapes (grey crosses), and each of {@code industry} as a
     * dashed horizontal line at its loss over the factors' range.
     *
     * @param lawName    the legend entry of the minimised law's losses
     * @param secondName the legend entry of the second law's losses at the same shapes
     * @param industry   released models to draw as reference lines (e.g. {@link #industryNear}); may be empty
     */
    public static Figure lossAgainstFactor(String id, OvertrainingParabola parabola, String lawName,
                                           String secondName, List<IndustryModels.Model> industry) {
        List<OvertrainedShape> interior = parabola.interior();
        List<OvertrainedShape> edge = parabola.shapes().stream().filter(OvertrainedShape::edge).toList();
        Figure figure = Figure.of(id, "Overtraining parabola at C = " + Numbers.format(parabola.optimum().flops(), 4)
                        + " FLOPs", Axis.linear("overtraining factor log₂ f (tokens × √f at the same FLOPs)"),
                Axis.linear("predicted loss"));
        if (!interior.isEmpty()) {
            figure = figure.with(Series.of(lawName, log2Factors(interior),
                            interior.stream().mapToDouble(s -> s.shape().loss()).toArray(),
                            new SeriesStyle(LAW_COLOR, SeriesStyle.Stroke.SOLID, SeriesStyle.Marker.CIRCLE, 2))
                    .withPointLabels(interior.stream().map(ParabolaFigures::describe).toList()));
            List<OvertrainedShape> withSecond = interior.stream().filter(s -> s.secondLoss().isPresent()).toList();
            if (!withSecond.isEmpty()) {
                figure = figure.with(Series.of(secondName, log2Factors(withSecond),
                                withSecond.stream().mapToDouble(s -> s.secondLoss().getAsDouble()).toArray(),
                                new SeriesStyle(SECOND_LAW_COLOR, SeriesStyle.Stroke.DASHED, SeriesStyle.Marker.SQUARE,
                                        1.5))
                        .withPointLabels(withSecond.stream().map(s -> "f = " + factorLabel(s.factor()) + ": "
                                + secondName + " " + Numbers.format(s.secondLoss().getAsDouble(), 5)).toList()));
            }
        }
        if (!edge.isEmpty()) {
            figure = figure.with(Series.of("at the edge of the box (dropped by Gemstones)", log2Factors(edge),
                            edge.stream().mapToDouble(s -> s.shape().loss()).toArray(),
                            new SeriesStyle(EDGE_COLOR, SeriesStyle.Stroke.NONE, SeriesStyle.Marker.CROSS, 1))
                    .withPointLabels(edge.stream().map(ParabolaFigures::describe).toList()));
        }
        if (parabola.shapes().isEmpty()) {
            return figure;
        }
        double[] all = log2Factors(parabola.shapes());
        double[] ends = {java.util.Arrays.stream(all).min().orElseThrow(),
                java.util.Arrays.stream(all).max().orElseThrow()};
        Set<String> shortNames = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        industry.forEach(model -> {
            if (!shortNames.add(model.shortName())) {
                repeated.add(model.shortName());
            }
        });
        int ordinal = 2;
        for (IndustryModels.Model model : industry) {
            String name = repeated.contains(model.shortName()) ? model.hfName() : model.shortName();
            figure = figure.with(Series.of(name + " (" + Numbers.format(model.loss(), 4) + ")", ends,
                            new double[] {model.loss(), model.loss()},
                            SeriesStyle.dashed(Palette.categorical(ordinal++)).withLineWidth(1.2))
                    .withPointLabels(List.of(industryLabel(model), industryLabel(model))));
        }
        return figure;
    }

    /**
     * {@code quantity} of the interior overtrained shapes against their FLOPs (log x; log y but for the loss), one
     * line with markers per factor over the budgets, coloured by log f on matplotlib's {@code cool} map; f = 1, the
     * budgets' own optima, in black.
     */
    public static Figure againstCompute(String id, ShapeQuantity quantity, List<OvertrainingParabola> parabolas) {
        TreeSet<Double> factors = new TreeSet<>();
        parabolas.forEach(p -> p.interior().forEach(s -> factors.add(s.factor())));
        Figure figure = Figure.of(id, "Overtrained shapes: " + quantity.label() + " against FLOPs",
                Axis.log("training FLOPs"), quantity == ShapeQuantity.LOSS ? Axis.linear(quantity.label())
                        : Axis.log(quantity.label()));
        if (factors.isEmpty()) {
            return figure;
        }
        for (double factor : factors) {
            List<OvertrainedShape> shapes = new ArrayList<>();
            for (OvertrainingParabola parabola : parabolas) {
                parabola.interior().stream().filter(s -> s.factor() == factor).forEach(shapes::add);
            }
            shapes.sort(java.util.Comparator.comparingDouble(OvertrainedShape::budget));
            String color = factor == 1 ? Palette.BLACK : Palette.coolLog(factor, factors.first(), factors.last());
            figure = figure.with(Series.of("f = " + factorLabel(factor),
                            shapes.stream().mapToDouble(OvertrainedShape::budget).toArray(),
                            shapes.stream().mapToDouble(s -> quantity.of(s.shape())).toArray(),
                            new SeriesStyle(color, SeriesStyle.Stroke.SOLID, SeriesStyle.Marker.CIRCLE,
                                    factor == 1 ? 2 : 1.3))
                    .withPointLabels(shapes.stream().map(ParabolaFigures::describe).toList()));
        }
        return figure;
    }

    /**
     * The loss penalty of overtraining with its bootstrap band, one figure per budget of {@code bands} (id
     * {@code <id>-<bucket>}), each on its own y scale: a large budget's penalty is a few hundredths of a percent where
     * a small one's is several percent, and on one shared scale it lies flat on 0. Each shows the median of
     * L_r(f)/L_r(1) − 1 over the replicates' own parabolas (in percent) against log₂ f, shaded from the band's low to
     * its high percentile; factors that fewer than 2 replicates meet are left out. Each budget is named by the FLOPs
     * of its parabola in {@code parabolas} (the estimate's, same buckets), else by its bucket, in the title; the one
     * series has no legend entry.
     */
    public static List<Figure> penaltyAgainstFactor(String id, ParabolaBands bands,
                                                    List<OvertrainingParabola> parabolas) {
        List<Figure> figures = new ArrayList<>();
        for (ParabolaBands.BucketBands bucket : bands.buckets()) {
            List<ParabolaBands.FactorBand> met = bucket.factors().stream().filter(f -> f.penalty() != null).toList();
            java.util.Optional<String> flops = parabolas.stream().filter(p -> p.bucket() == bucket.bucket())
                    .findFirst().map(p -> "C = " + Numbers.format(p.optimum().flops(), 3) + " FLOPs");
            String name = flops.orElse("bucket " + bucket.bucket());
            Figure figure = Figure.of(id + "-" + bucket.bucket(), "Loss penalty of overtraining "
                            + flops.map(c -> "at " + c).orElse("in " + name) + " (" + Numbers.format(bands.level(), 3)
                            + " % bootstrap band)", Axis.linear("overtraining factor log₂ f (tokens × √f at the same "
                            + "FLOPs)"), Axis.linear("loss penalty L(f)/L(1) − 1 (%)"));
            double[] x = met.stream().mapToDouble(f -> Math.log(f.factor()) / Math.log(2)).toArray();
            figures.add(figure.with(Series.of(name, x,
                            met.stream().mapToDouble(f -> 100 * f.penalty().median()).toArray(),
                            new SeriesStyle(LAW_COLOR, SeriesStyle.Stroke.SOLID, SeriesStyle.Marker.CIRCLE, 1.5))
                    .withBand(new Band(met.stream().mapToDouble(f -> 100 * f.penalty().low()).toArray(),
                            met.stream().mapToDouble(f -> 100 * f.penalty().high()).toArray()))
                    .withPointLabels(met.stream().map(f -> String.format(Locale.ROOT, "%s, f = %s: %s %% [%s, %s] "
                                    + "(%d replicates)", name, factorLabel(f.factor()),
                            Numbers.format(100 * f.penalty().median(), 3), Numbers.format(100 * f.penalty().low(), 3),
                            Numbers.format(100 * f.penalty().high(), 3), f.feasible())).toList()).hiddenFromLegend()));
        }
        return List.copyOf(figures);
    }

    /** 1/16, 1/2, 1, 4: f as Gemstones' tick labels. */
    public static String factorLabel(double factor) {
        return factor >= 1 ? Numbers.format(factor, 4) : "1/" + Numbers.format(1 / factor, 4);
    }

    private static double[] log2Factors(List<OvertrainedShape> shapes) {
        return shapes.stream().mapToDouble(s -> Math.log(s.factor()) / Math.log(2)).toArray();
    }

    /** "f = 1/4: 812×17.3, N 1.2×10⁸, D 3.4×10⁹, D/N 28, loss 3.123 (edge)". */
    static String describe(OvertrainedShape shape) {
        ShapePoint p = shape.shape();
        return String.format(Locale.ROOT, "f = %s: %s×%s, N %s, D %s, D/N %s, loss %s%s", factorLabel(shape.factor()),
                Numbers.format(p.width(), 5), Numbers.format(p.depth(), 4), Numbers.format(p.params(), 3),
                Numbers.format(p.tokens(), 3), Numbers.format(p.tokensPerParam(), 3), Numbers.format(p.loss(), 5),
                shape.edge() ? " (edge)" : "");
    }

    private static String industryLabel(IndustryModels.Model model) {
        return model.hfName() + ": loss " + Numbers.format(model.loss(), 5) + ", " + Numbers.format(model.params(), 3)
                + " parameters";
    }
}
