package org.scalefit.report.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalefit.data.Observations;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.law.Allocation;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.law.FittedLaw;
import org.scalefit.report.Numbers;
import org.scalefit.report.plot.Axis;
import org.scalefit.report.plot.Band;
import org.scalefit.report.plot.ColorKey;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.report.plot.Series;
import org.scalefit.report.plot.SeriesStyle;
import org.scalefit.uncertainty.AllocationBands;

/**
 * Figures of an Approach-3 fit (core {@code law} and {@code fit}; Hoffmann et al. 2022 §3.3): the fitted law
 * L̂(x) = Σ_j exp(c_j)·x_j^(−α_j) + exp(e) against the data it was fitted to, as predicted against observed loss,
 * and as the log residual r = ln L − ln L̂ (the quantity the Huber objective weighs) against one input.
 */
public final class LawFitFigures {

    private LawFitFigures() {
    }

    /**
     * Predicted L̂ against observed L, log–log, one marker series per run in its colour (or coloured by model size,
     * see {@link #withRuns}), and the line L̂ = L
     * (dashed grey): points above it are over-predicted. The axes follow the bulk of the points
     * ({@link #offScalePredictions}): a point off the residuals figure's scale that would also stretch these axes is
     * left out of its run's series and drawn as a triangle in the series {@link #OFF_SCALE}, each coordinate outside
     * the bulk's range moved to its edge, its label stating its run, L and L̂.
     *
     * @param data      the points fitted, in the order of {@code runs}' rows
     * @param lossLabel what the loss is, for the axes (e.g. {@link LossLabel#ofColumn})
     */
    public static Figure predictedAgainstObserved(String id, FittedLaw law, Observations data, Runs runs,
                                                  RunStyles styles, String lossLabel) {
        double[] observed = data.losses();
        runs.requireRows(observed, "the observations");
        double[] predicted = predictions(law, data);
        int[] off = offScalePredictions(law, data);
        double[] shownObserved = observed.clone();
        double[] shownPredicted = predicted.clone();
        for (int i : off) {
            shownObserved[i] = Double.NaN;
            shownPredicted[i] = Double.NaN;
        }
        Figure figure = Figure.of(id, "Fitted " + law.form().name() + " law against the data: predicted and "
                + "observed loss", Axis.log("L, observed " + lossLabel), Axis.log("L̂, predicted " + lossLabel));
        figure = withRuns(figure, shownObserved, shownPredicted, data, runs, styles);
        double[] range = Sampling.positiveRange(java.util.Arrays.stream(concat(shownObserved, shownPredicted))
                .filter(Double::isFinite).toArray());
        double[] diagonal = {range[0], range[1]};
        figure = figure.with(Series.of("L̂ = L", diagonal, diagonal, SeriesStyle.dashed(Palette.NEUTRAL)
                .withLineWidth(1)));
        if (off.length == 0) {
            return figure;
        }
        double pad = Math.pow(range[1] / range[0], 0.1);
        double[] edgeX = new double[off.length];
        double[] edgeY = new double[off.length];
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < off.length; k++) {
            int i = off[k];
            edgeX[k] = atEdge(observed[i], range[0], range[1], pad);
            edgeY[k] = atEdge(predicted[i], range[0], range[1], pad);
            labels.add(runs.label(i) + ": L = " + Numbers.format(observed[i], 4) + ", L̂ = "
                    + Numbers.format(predicted[i], 4) + " (off scale)");
        }
        return figure.with(Series.of(OFF_SCALE, edgeX, edgeY, offScaleStyle()).withPointLabels(labels));
    }

    /**
     * The rows {@link #predictedAgainstObserved} draws at the edge of its axes: those off the residuals figure's scale
     * ({@link #offScaleResiduals}, the same fences) whose observed L or predicted L̂ lies outside the range of every
     * other row's L and L̂ — a point whose residual is large but whose losses lie among the others' stretches nothing
     * there and stays in place. In row order.
     */
    public static int[] offScalePredictions(FittedLaw law, Observations data) {
        double[] observed = data.losses();
        double[] predicted = predictions(law, data);
        int[] candidates = offScale(residuals(law, data));
        java.util.Set<Integer> excluded = java.util.Arrays.stream(candidates).boxed()
                .collect(java.util.stream.Collectors.toSet());
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < observed.length; i++) {
            if (!excluded.contains(i)) {
                low = Math.min(low, Math.min(observed[i], predicted[i]));
                high = Math.max(high, Math.max(observed[i], predicted[i]));
            }
        }
        double bottom = low;
        double top = high;
        return java.util.Arrays.stream(candidates).filter(i -> observed[i] < bottom || observed[i] > top
                || predicted[i] < bottom || predicted[i] > top).toArray();
    }

    /** {@code value} when within [low, high], else the edge beyond it: high × pad or low ÷ pad (log axis). */
    static double atEdge(double value, double low, double high, double pad) {
        return value > high ? high * pad : value < low ? low / pad : value;
    }

    /** Off-scale points: red triangles. */
    static SeriesStyle offScaleStyle() {
        return new SeriesStyle(Palette.RED, SeriesStyle.Stroke.NONE, SeriesStyle.Marker.TRIANGLE, 1.5);
    }

    /**
     * The name of the series of off-scale points in {@link #residualsAgainstInput}, {@link #predictedAgainstObserved}
     * and {@link FrontierFigures#lossAgainstResource}.
     */
    public static final String OFF_SCALE = "off scale (drawn at the edge)";

    /**
     * A residual beyond this many interquartile ranges from the quartiles is off scale: Tukey's far-out fences (3)
     * widened so that only a point that would stretch the axis several times over the bulk's range is moved, not a
     * noisy one at twice the bulk's extent.
     */
    private static final double FENCE = 10;

    /** The interquartile range the fences take at least (a law that fits exactly has none): 0.1 % of the loss. */
    private static final double LEAST_SPREAD = 1e-3;

    /**
     * The log residual ln L − ln L̂ against input {@code input} (log x, linear y), one marker series per run (coloured
     * by model size when there are many, see {@link #withRuns}), and the zero line. The axis follows the bulk of the
     * residuals: a point beyond fences of 10 interquartile ranges ({@link #offScaleResiduals}; e.g. a diverged run whose loss is
     * ten times its neighbours') is left out of its run's series (NaN) and drawn as a triangle at the edge of the
     * bulk's range in the series {@link #OFF_SCALE}, its label stating its run and its residual.
     *
     * @param lossLabel what the loss L is, for the axis (e.g. {@link LossLabel#ofColumn})
     */
    public static Figure residualsAgainstInput(String id, FittedLaw law, Observations data, String input, Runs runs,
                                               RunStyles styles, String lossLabel) {
        int column = data.inputNames().indexOf(input);
        if (column < 0) {
            throw new IllegalArgumentException("the data has no input '" + input + "'; it has " + data.inputNames());
        }
        double[] observed = data.losses();
        runs.requireRows(observed, "the observations");
        double[] residual = residuals(law, data);
        double[] x = new double[observed.length];
        for (int i = 0; i < observed.length; i++) {
            x[i] = data.input(i, column);
        }
        int[] off = offScale(residual);
        double[] shown = residual.clone();
        for (int i : off) {
            shown[i] = Double.NaN;
        }
        Figure figure = Figure.of(id, "Residuals of the fitted " + law.form().name() + " law against " + input,
                Axis.log(input), Axis.linear("ln L − ln L̂, L: " + lossLabel));
        figure = withRuns(figure, x, shown, data, runs, styles);
        double[] range = Sampling.positiveRange(x);
        figure = figure.with(Series.of("zero", new double[] {range[0], range[1]}, new double[] {0, 0},
                SeriesStyle.dashed(Palette.NEUTRAL).withLineWidth(1)).hiddenFromLegend());
        if (off.length == 0) {
            return figure;
        }
        double[] bulk = java.util.Arrays.stream(shown).filter(Double::isFinite).toArray();
        double low = java.util.Arrays.stream(bulk).min().orElse(0);
        double high = java.util.Arrays.stream(bulk).max().orElse(0);
        double pad = 0.1 * Math.max(high - low, LEAST_SPREAD);
        double[] edgeX = new double[off.length];
        double[] edgeY = new double[off.length];
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < off.length; k++) {
            int i = off[k];
            edgeX[k] = x[i];
            edgeY[k] = residual[i] > high ? high + pad : low - pad;
            labels.add(runs.label(i) + ": ln L − ln L̂ = " + Numbers.format(residual[i], 4) + " (off scale)");
        }
        return figure.with(Series.of(OFF_SCALE, edgeX, edgeY, offScaleStyle()).withPointLabels(labels));
    }

    /**
     * The rows whose log residual r = ln L − ln L̂ lies beyond the fences r &lt; Q1 − 10·IQR or r &gt; Q3 + 10·IQR
     * (quartiles interpolated linearly, IQR at least {@value #LEAST_SPREAD}), in row order: the
     * points {@link #residualsAgainstInput} draws at the edge of its axis.
     */
    public static int[] offScaleResiduals(FittedLaw law, Observations data) {
        return offScale(residuals(law, data));
    }

    /**
     * The indices of {@code values} beyond the fences Q1 − 10·IQR and Q3 + 10·IQR (IQR at least
     * {@value #LEAST_SPREAD}), in order: the rule of {@link #offScaleResiduals}, applied by {@link FrontierFigures} to
     * log losses.
     */
    static int[] offScale(double[] residual) {
        double[] sorted = residual.clone();
        java.util.Arrays.sort(sorted);
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        double spread = Math.max(q3 - q1, LEAST_SPREAD);
        double low = q1 - FENCE * spread;
        double high = q3 + FENCE * spread;
        return java.util.stream.IntStream.range(0, residual.length)
                .filter(i -> residual[i] < low || residual[i] > high).toArray();
    }

    /** The q-quantile of sorted values, interpolated linearly between order statistics (NumPy's default). */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static double[] residuals(FittedLaw law, Observations data) {
        double[] predicted = predictions(law, data);
        double[] residual = new double[predicted.length];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = Math.log(data.loss(i)) - Math.log(predicted[i]);
        }
        return residual;
    }

    /**
     * Loss against training FLOPs, log–log: every run's checkpoints as points in the run's style (or coloured by
     * model size when there are many, see {@link SizeKey}), the convex-hull
     * frontier of the runs (Approach 1; dotted black with crosses), and the fitted law at its compute-optimal
     * allocation, L̂(N_opt(C), D_opt(C)) = E + A·N_opt^−α + B·D_opt^−β with N_opt, D_opt from Hoffmann et al. 2022,
     * eq. 4 (solid blue), shaded with the bootstrap band of that loss when {@code band} is given. A checkpoint off the
     * loss scale ({@link FrontierFigures#offScaleLosses}) is drawn as in {@link FrontierFigures#lossAgainstResource}.
     *
     * @param lossLabel what the loss is, for its axis (e.g. {@link LossLabel#ofColumn})
     * @param flops   the training FLOPs of each row
     * @param loss    the loss of each row
     * @param params  the parameters of each row
     * @param hull    the convex-hull frontier of (FLOPs, loss)
     * @param law     the fitted law's allocation
     * @param budgets the budgets C at which the law's line is drawn, increasing
     * @param band    the bootstrap bands at {@code budgets} (from the same estimate), or null for the line alone
     */
    public static Figure lossAgainstCompute(String id, String flopsLabel, String lossLabel, double[] flops,
                                            double[] loss, double[] params, Runs runs, RunStyles styles,
                                            LossFrontier hull, ComputeOptimalAllocation law, double[] budgets,
                                            AllocationBands band) {
        runs.requireRows(flops, "FLOPs");
        runs.requireRows(loss, "loss");
        Figure figure = Figure.of(id, "Loss against compute: runs, frontier and fitted law",
                Axis.log(flopsLabel), Axis.log(lossLabel));
        int[] off = FrontierFigures.offScaleLosses(loss);
        figure = withRuns(figure, flops, FrontierFigures.withoutRows(loss, off), params, runs, styles);
        figure = FrontierFigures.withOffScaleLosses(figure.with(FrontierFigures.frontierSeries(hull, off, runs)), flops,
                loss, off, runs);
        double[] predicted = new double[budgets.length];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < budgets.length; i++) {
            Allocation at = law.at(budgets[i]);
            predicted[i] = at.predictedLoss();
            labels.add("C = " + Numbers.format(budgets[i], 3) + ": N_opt " + Numbers.format(at.params(), 3)
                    + ", D_opt " + Numbers.format(at.tokens(), 3) + ", L̂ " + Numbers.format(at.predictedLoss(), 4));
        }
        Series line = Series.of("fitted law at N_opt(C), D_opt(C)", budgets, predicted,
                SeriesStyle.line(Palette.BLUE).withLineWidth(2)).withPointLabels(labels);
        if (band != null && band.computed()) {
            double[] low = band.bands().stream().mapToDouble(b -> b.loss().low()).toArray();
            double[] high = band.bands().stream().mapToDouble(b -> b.loss().high()).toArray();
            line = new Series(line.name() + ", " + Numbers.format(band.level(), 2) + " % band",
                    budgets, predicted, line.style(), new Band(low, high), labels, true);
        }
        return figure.with(line);
    }

    /** L̂ at every point. */
    static double[] predictions(FittedLaw law, Observations data) {
        double[] predicted = new double[data.size()];
        double[][] inputs = data.inputs();
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = law.predict(inputs[i]);
        }
        return predicted;
    }

    /**
     * {@code figure} with one point series per run: in the runs' own styles with a legend entry each, or, when the
     * data has a {@code params} input and {@link SizeKey} says there are too many runs for that, as circles coloured
     * by the run's model size N on a log colour key, without legend entries, each point's label stating its N.
     */
    private static Figure withRuns(Figure figure, double[] x, double[] y, Observations data, Runs runs,
                                   RunStyles styles) {
        int column = data.inputNames().indexOf("params");
        if (column < 0) {
            return figure.withAll(perRun(x, y, runs, styles));
        }
        double[] params = new double[data.size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = data.input(i, column);
        }
        return withRuns(figure, x, y, params, runs, styles);
    }

    /** {@code figure} with one point series per run, keyed by {@link SizeKey} on {@code params} (each row's N). */
    private static Figure withRuns(Figure figure, double[] x, double[] y, double[] params, Runs runs,
                                   RunStyles styles) {
        ColorKey key = SizeKey.of(runs, params);
        if (key == null) {
            return figure.withAll(perRun(x, y, runs, styles));
        }
        for (Map.Entry<String, int[]> run : runs.groups().entrySet()) {
            int[] rows = run.getValue();
            double size = params[rows[0]];
            figure = figure.with(Series.of(run.getKey(), Sampling.pick(x, rows), Sampling.pick(y, rows),
                    SeriesStyle.markers(key.color(size))).withPointLabels(SizeKey.labels(runs, rows, size))
                    .hiddenFromLegend());
        }
        return figure.withColorKey(key);
    }

    private static List<Series> perRun(double[] x, double[] y, Runs runs, RunStyles styles) {
        List<Series> series = new ArrayList<>();
        Map<String, SeriesStyle> runStyles = styles.forRuns(List.copyOf(runs.groups().keySet()));
        for (Map.Entry<String, int[]> run : runs.groups().entrySet()) {
            int[] rows = run.getValue();
            List<String> labels = new ArrayList<>();
            for (int row : rows) {
                labels.add(runs.label(row));
            }
            series.add(Series.of(run.getKey(), Sampling.pick(x, rows), Sampling.pick(y, rows),
                    RunStyles.asPoints(runStyles.get(run.getKey()))).withPointLabels(labels));
        }
        return series;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
