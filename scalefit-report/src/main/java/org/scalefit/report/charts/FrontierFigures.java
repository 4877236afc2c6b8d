package org.scalefit.report.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.scalefit.frontier.Approach1;
import org.scalefit.frontier.LogLogFit;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.report.Numbers;
import org.scalefit.report.plot.Axis;
import org.scalefit.report.plot.ColorKey;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.report.plot.Series;
import org.scalefit.report.plot.SeriesStyle;

/**
 * Figures of Approach 1 (core {@code frontier}; Hoffmann et al. 2022 §3.1, McLeish et al. 2025 §3.1 and Fig. 2):
 * every run's loss against the resource spent, with the convex-hull frontier and Chinchilla's binning minimisers;
 * and the power laws fitted along the frontier, N_opt, D_opt or D/N ∝ R^slope, beside reference allocations.
 */
public final class FrontierFigures {

    /** The frontier's colour: black, apart from every run colour. */
    static final String FRONTIER_COLOR = Palette.BLACK;

    /**
     * The factor ×/÷ around the values of the frontier runs and of the fitted line within which a reference line is
     * drawn, so that a reference far from the data (Kaplan's D/N spans three decades over the FLOPs of a small sweep)
     * does not set the axis and squeeze the runs into a sliver of it.
     */
    public static final double REFERENCE_MARGIN = 2;

    private FrontierFigures() {
    }

    /**
     * Loss against resource, log–log: one line per run (its checkpoints in resource order, in the run's style with a
     * legend entry, or, when there are many runs, coloured by model size on a colour key, see {@link SizeKey}; a run
     * of one checkpoint with a dot, which a line alone would not show), the
     * convex-hull frontier as a dotted black line with crosses, and, if {@code bins} is not null, the binning
     * minimisers as grey squares. The loss axis follows the bulk of the runs: a checkpoint off its scale
     * ({@link #offScaleLosses}, e.g. a diverged run) is left out of its run's line, the frontier and the binning
     * minimisers, and drawn as a red triangle at the edge of the bulk's range in the series
     * {@link LawFitFigures#OFF_SCALE}, its label stating its run and loss.
     *
     * @param lossLabel what the loss is, for its axis (e.g. {@link LossLabel#ofColumn})
     * @param resource the resource of each row (FLOPs, GPU-hours), as the frontier was computed on
     * @param loss     the loss of each row
     * @param params   the parameters of each row
     * @param runs     the run of each row
     * @param hull     the convex-hull frontier of (resource, loss)
     * @param bins     the binning minimisers, or null
     */
    public static Figure lossAgainstResource(String id, String resourceLabel, String lossLabel, double[] resource,
                                             double[] loss, double[] params, Runs runs, LossFrontier hull,
                                             LossFrontier bins, RunStyles styles) {
        runs.requireRows(resource, "resource");
        runs.requireRows(loss, "loss");
        int[] off = offScaleLosses(loss);
        double[] shown = withoutRows(loss, off);
        Figure figure = Figure.of(id, "Loss against " + resourceLabel, Axis.log(resourceLabel), Axis.log(lossLabel));
        Map<String, SeriesStyle> runStyles = styles.forRuns(List.copyOf(runs.groups().keySet()));
        ColorKey key = SizeKey.of(runs, params);
        for (Map.Entry<String, int[]> run : runs.groups().entrySet()) {
            int[] rows = Arrays.stream(run.getValue()).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> resource[i]).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            SeriesStyle style;
            List<String> labels;
            if (key == null) {
                style = runStyles.get(run.getKey()).withLineWidth(1.2);
                labels = labels(runs, rows);
            } else {
                double size = params[run.getValue()[0]];
                style = SeriesStyle.line(key.color(size)).withLineWidth(1.2);
                labels = SizeKey.labels(runs, rows, size);
            }
            if (rows.length == 1 && style.marker() == SeriesStyle.Marker.NONE) {
                style = style.withMarker(SeriesStyle.Marker.CIRCLE);
            }
            Series line = Series.of(run.getKey(), Sampling.pick(resource, rows), Sampling.pick(shown, rows), style)
                    .withPointLabels(labels);
            if (key != null) {
                line = line.hiddenFromLegend();
            }
            figure = figure.with(line);
        }
        if (key != null) {
            figure = figure.withColorKey(key);
        }
        if (bins != null) {
            int[] kept = onScale(bins, off);
            figure = figure.with(Series.of("binning minimisers", Sampling.pick(bins.resource(), kept),
                            Sampling.pick(bins.loss(), kept),
                            new SeriesStyle(Palette.DARK_GREY, SeriesStyle.Stroke.NONE, SeriesStyle.Marker.SQUARE, 1))
                    .withPointLabels(labels(runs, at(bins.rows(), kept))));
        }
        figure = figure.with(frontierSeries(hull, off, runs));
        return withOffScaleLosses(figure, resource, loss, off, runs);
    }

    /** The convex-hull frontier as a dotted black line with crosses, without its runs at rows {@code off}. */
    static Series frontierSeries(LossFrontier hull, int[] off, Runs runs) {
        int[] kept = onScale(hull, off);
        return Series.of("convex-hull frontier", Sampling.pick(hull.resource(), kept), Sampling.pick(hull.loss(), kept),
                        new SeriesStyle(FRONTIER_COLOR, SeriesStyle.Stroke.DOTTED, SeriesStyle.Marker.CROSS, 2))
                .withPointLabels(labels(runs, at(hull.rows(), kept)));
    }

    /** {@code values} with the rows {@code off} set to NaN, which the series leave out. */
    static double[] withoutRows(double[] values, int[] off) {
        double[] shown = values.clone();
        for (int i : off) {
            shown[i] = Double.NaN;
        }
        return shown;
    }

    /**
     * {@code figure} with the rows {@code off} ({@link #offScaleLosses}) as red triangles in the series
     * {@link LawFitFigures#OFF_SCALE}, at their resource and at the edge of the other rows' loss range (log axis),
     * each labelled with its run and loss; {@code figure} itself when there are none.
     */
    static Figure withOffScaleLosses(Figure figure, double[] resource, double[] loss, int[] off, Runs runs) {
        if (off.length == 0) {
            return figure;
        }
        double[] shown = withoutRows(loss, off);
        double[] range = Sampling.positiveRange(Arrays.stream(shown).filter(Double::isFinite).toArray());
        double pad = Math.pow(range[1] / range[0], 0.1);
        double[] edgeX = new double[off.length];
        double[] edgeY = new double[off.length];
        List<String> edgeLabels = new ArrayList<>();
        for (int k = 0; k < off.length; k++) {
            int i = off[k];
            edgeX[k] = resource[i];
            edgeY[k] = LawFitFigures.atEdge(loss[i], range[0], range[1], pad);
            edgeLabels.add(runs.label(i) + ": loss " + Numbers.format(loss[i], 4) + " (off scale)");
        }
        return figure.with(Series.of(LawFitFigures.OFF_SCALE, edgeX, edgeY, LawFitFigures.offScaleStyle())
                .withPointLabels(edgeLabels));
    }

    /**
     * The rows {@link #lossAgainstResource} draws at the edge of its loss axis: those whose ln L lies beyond the fences
     * of the residual figures ({@link LawFitFigures#offScaleResiduals}: 10 interquartile ranges beyond the quartiles of
     * every row's ln L), e.g. a diverged run whose loss would stretch the axis to 10⁶. In row order.
     */
    public static int[] offScaleLosses(double[] loss) {
        return LawFitFigures.offScale(Arrays.stream(loss).map(Math::log).toArray());
    }

    private static int[] at(int[] rows, int[] positions) {
        return Arrays.stream(positions).map(t -> rows[t]).toArray();
    }

    /** The positions along {@code frontier} of its runs that are not off scale. */
    private static int[] onScale(LossFrontier frontier, int[] off) {
        java.util.Set<Integer> offRows = Arrays.stream(off).boxed().collect(java.util.stream.Collectors.toSet());
        int[] rows = frontier.rows();
        return java.util.stream.IntStream.range(0, rows.length).filter(t -> !offRows.contains(rows[t])).toArray();
    }

    /**
     * One fitted quantity against resource, log–log: the frontier runs' values (black crosses), the fitted power
     * law over them (solid blue, a straight line; its slope and R² in the legend), and each reference allocation
     * (e.g. Chinchilla, Kaplan; only meaningful when the resource is FLOPs) over the same range, widened ×/÷ 3, and
     * clipped to ×/÷ {@link #REFERENCE_MARGIN} around the values of the runs and the fitted line: the clipped line
     * ends where it crosses that range (found in log–log space, exactly for a power-law rule), every point on the
     * rule. A rule's quantity is monotone in C (a power law), so the clipped line is one piece; a reference that
     * never comes within the range is not drawn.
     *
     * @param params     the parameters of each row
     * @param tokens     the tokens of each row
     * @param references allocations to draw beside the fit (may be empty)
     */
    public static Figure fitAgainstResource(String id, AllocationQuantity quantity, String resourceLabel,
                                            Approach1 analysis, double[] params, double[] tokens, Runs runs,
                                            List<ReferenceLine> references) {
        runs.requireRows(params, "params");
        runs.requireRows(tokens, "tokens");
        LossFrontier frontier = analysis.frontier();
        int[] rows = frontier.rows();
        double[] resource = frontier.resource();
        double[] values = new double[rows.length];
        for (int t = 0; t < rows.length; t++) {
            values[t] = quantity.of(params[rows[t]], tokens[rows[t]]);
        }
        double[] range = Sampling.positiveRange(resource);
        double[] ends = {range[0] / 3, range[1] * 3};
        double[] line = Sampling.logSpaced(ends[0], ends[1], 13);
        LogLogFit fit = quantity.fitOf(analysis);
        double[] fitted = Arrays.stream(ends).map(fit::predict).toArray();
        double[] span = Sampling.positiveRange(concat(values, fitted));
        double[] clip = {span[0] / REFERENCE_MARGIN, span[1] * REFERENCE_MARGIN};
        Figure figure = Figure.of(id, quantity.label().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                        + quantity.label().substring(1) + " along the frontier", Axis.log(resourceLabel),
                Axis.log(quantity.label()));
        List<Series> referenceSeries = new ArrayList<>();
        for (ReferenceLine reference : references) {
            double[][] clipped = clipped(line, c -> quantity.of(reference.rule().at(c)), clip[0], clip[1]);
            if (clipped[0].length >= 2) {
                referenceSeries.add(Series.of(reference.label(), clipped[0], clipped[1], reference.style()));
            }
        }
        return figure.withAll(referenceSeries)
                .with(Series.of("fit: slope " + Numbers.format(fit.slope(), 4) + ", "
                        + rSquared(fit, 3), ends, fitted, SeriesStyle.line(Palette.BLUE)
                        .withLineWidth(2)))
                .with(Series.of("frontier runs", resource, values, new SeriesStyle(FRONTIER_COLOR,
                        SeriesStyle.Stroke.NONE, SeriesStyle.Marker.CROSS, 1)).withPointLabels(labels(runs, rows)));
    }

    /**
     * The line y = f(x) through the samples {@code x} (increasing), clipped to low ≤ y ≤ high: each segment between
     * samples is cut where it crosses a bound, by linear interpolation of log y in log x (exact for a power law), and
     * the cut point's y is f at the cut's x. As {x[], y[]}.
     */
    static double[][] clipped(double[] x, java.util.function.DoubleUnaryOperator f, double low, double high) {
        double[] y = Arrays.stream(x).map(f).toArray();
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i + 1 < x.length; i++) {
            double u0 = Math.log(y[i]);
            double u1 = Math.log(y[i + 1]);
            double enter;
            double exit;
            if (u0 == u1) {
                boolean inside = y[i] >= low && y[i] <= high;
                enter = inside ? 0 : 1;
                exit = inside ? 1 : 0;
            } else {
                double tLow = (Math.log(low) - u0) / (u1 - u0);
                double tHigh = (Math.log(high) - u0) / (u1 - u0);
                enter = Math.max(0, Math.min(tLow, tHigh));
                exit = Math.min(1, Math.max(tLow, tHigh));
            }
            if (!(enter <= exit)) {
                continue;
            }
            for (double t : new double[] {enter, exit}) {
                double[] point = t == 0 ? new double[] {x[i], y[i]} : t == 1 ? new double[] {x[i + 1], y[i + 1]}
                        : at(x[i], x[i + 1], t, f);
                if (kept.isEmpty() || kept.get(kept.size() - 1)[0] != point[0]) {
                    kept.add(point);
                }
            }
        }
        return new double[][] {kept.stream().mapToDouble(p -> p[0]).toArray(),
                kept.stream().mapToDouble(p -> p[1]).toArray()};
    }

    private static double[] at(double x0, double x1, double t, java.util.function.DoubleUnaryOperator f) {
        double x = Math.exp(Math.log(x0) + t * (Math.log(x1) - Math.log(x0)));
        return new double[] {x, f.applyAsDouble(x)};
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static List<String> labels(Runs runs, int[] rows) {
        List<String> labels = new ArrayList<>(rows.length);
        for (int row : rows) {
            labels.add(runs.label(row));
        }
        return labels;
    }

    /** "R² 0.9876" ({@code decimals} decimals), or "R² undefined" when y is constant along the frontier. */
    public static String rSquared(LogLogFit fit, int decimals) {
        return Double.isNaN(fit.rSquared()) ? "R² undefined" : "R² " + Numbers.fixed(fit.rSquared(), decimals);
    }
}
