package org.scalefit.report.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.data.BenchmarkScores;
import org.scalefit.data.RunTable;
import org.scalefit.data.ScoresAtLoss;
import org.scalefit.overtraining.BenchmarkLawFits;
import org.scalefit.overtraining.DownstreamFit;
import org.scalefit.overtraining.SigmoidAccuracyFit;
import org.scalefit.report.Numbers;
import org.scalefit.report.plot.Axis;
import org.scalefit.report.plot.ColorKey;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.report.plot.Series;
import org.scalefit.report.plot.SeriesStyle;
import org.scalefit.sensitivity.ReferenceDesign;

/**
 * Figures of Gemstones' downstream benchmarks (McLeish et al. 2025, {@code benchmarks/}):
 * <ul>
 *   <li>{@link #averageAccuracyAgainstCompute}: each model's average accuracy avg_acc = (1/n)·Σ_t acc_t over its
 *       checkpoints against training FLOPs = FLOPs per token × step × 2048² ({@code plot_lighteval.py},
 *       {@code lighteval_average_benchmark_line_plot.pdf});</li>
 *   <li>{@link #errorAgainstLoss}: avg_err = 1 − avg_acc against validation loss L with the fitted error law
 *       Err(L) = ε − k·e^(−γ·L) ({@code gadre_fit.py}) and, as 1 − acc(L), the sigmoid acc(L) = a/(1 + e^(−k·(L −
 *       L₀))) + b ({@code bhagia_fit.py});</li>
 *   <li>{@link #lossOnValidationSets}: each model's loss on several validation sets against FLOPs, at the checkpoints
 *       every set has ({@code fineweb_loss_plot.py --plot}).</li>
 * </ul>
 * Models are named {@code <width>x<depth>} and drawn in their Gemstones {@link RunStyles run style}.
 */
public final class BenchmarkFigures {

    private BenchmarkFigures() {
    }

    /**
     * Average accuracy against FLOPs (log x), one line per model through its checkpoints by step, models ordered by
     * parameter count, in their run styles or, when there are many, coloured by parameter count on a key
     * ({@link SizeKey}); a point's label has its step (and N when keyed) and avg_stderr = √(Σ_t stderr_t²)/n.
     *
     * @param count how FLOPs per token are counted (Gemstones: {@link FlopCount#GEMSTONES_GQA})
     */
    public static Figure averageAccuracyAgainstCompute(String id, List<BenchmarkScores> checkpoints,
                                                       Architecture architecture, FlopCount count, RunStyles styles) {
        Map<String, List<BenchmarkScores>> byModel = new LinkedHashMap<>();
        checkpoints.stream()
                .sorted(Comparator.comparingDouble((BenchmarkScores s) -> architecture.parameters(s.width(),
                        s.depth())).thenComparing(BenchmarkScores::model).thenComparingLong(BenchmarkScores::step))
                .forEach(s -> byModel.computeIfAbsent(s.model(), m -> new ArrayList<>()).add(s));
        int tasks = checkpoints.isEmpty() ? 0 : checkpoints.get(0).accuracy().size();
        Figure figure = Figure.of(id, "Average benchmark accuracy against training FLOPs", Axis.log("training FLOPs"),
                Axis.linear("average accuracy (" + tasks + " tasks)"));
        Map<String, SeriesStyle> modelStyles = styles.forRuns(List.copyOf(byModel.keySet()));
        Map<String, Double> sizes = new LinkedHashMap<>();
        byModel.forEach((model, scores) -> sizes.put(model, architecture.parameters(scores.get(0).width(),
                scores.get(0).depth())));
        ColorKey key = SizeKey.of(sizes);
        for (Map.Entry<String, List<BenchmarkScores>> model : byModel.entrySet()) {
            List<BenchmarkScores> scores = model.getValue();
            String size = key == null ? "" : ", N = " + Numbers.format(sizes.get(model.getKey()), 4);
            Series series = Series.of(model.getKey(),
                            scores.stream().mapToDouble(s -> count.perToken(architecture, s.width(), s.depth())
                                    * s.tokens()).toArray(),
                            scores.stream().mapToDouble(BenchmarkScores::averageAccuracy).toArray(),
                            key == null ? modelStyles.get(model.getKey()).withLineWidth(1.3)
                                    : SeriesStyle.line(key.color(sizes.get(model.getKey()))).withLineWidth(1.3))
                    .withPointLabels(scores.stream().map(s -> String.format(Locale.ROOT, "%s %s%s: avg acc %s ± %s",
                            s.model(), s.revision(), size, Numbers.fixed(s.averageAccuracy(), 4),
                            Numbers.fixed(s.averageStandardError(), 4))).toList());
            figure = figure.with(key == null ? series : series.hiddenFromLegend());
        }
        return key == null ? figure : figure.withColorKey(key);
    }

    /**
     * Average error against loss (linear axes): one marker series per model (models from the highest least loss to
     * the lowest, i.e. small models first; coloured by parameter count on a key when there are many, as in
     * {@link #averageAccuracyAgainstCompute}), the error law over the fitted losses (solid black) and the sigmoid law
     * as 1 − acc(L) (dashed red), each only if it was fitted and did not fail.
     */
    public static Figure errorAgainstLoss(String id, BenchmarkLawFits fits, Architecture architecture,
                                          RunStyles styles) {
        Map<String, List<ScoresAtLoss>> byModel = new LinkedHashMap<>();
        Map<String, Double> leastLoss = new LinkedHashMap<>();
        for (ScoresAtLoss point : fits.points()) {
            byModel.computeIfAbsent(point.scores().model(), m -> new ArrayList<>()).add(point);
            leastLoss.merge(point.scores().model(), point.loss(), Math::min);
        }
        List<String> models = new ArrayList<>(byModel.keySet());
        models.sort(Comparator.comparingDouble((String m) -> -leastLoss.get(m)).thenComparing(Comparator
                .naturalOrder()));
        Figure figure = Figure.of(id, "Average benchmark error against validation loss", Axis.linear("validation "
                + "loss L"), Axis.linear("average error 1 − avg acc"));
        Map<String, SeriesStyle> modelStyles = styles.forRuns(models);
        Map<String, Double> sizes = new LinkedHashMap<>();
        for (String model : models) {
            BenchmarkScores first = byModel.get(model).get(0).scores();
            sizes.put(model, architecture.parameters(first.width(), first.depth()));
        }
        ColorKey key = SizeKey.of(sizes);
        for (String model : models) {
            List<ScoresAtLoss> points = byModel.get(model);
            String size = key == null ? "" : ", N = " + Numbers.format(sizes.get(model), 4);
            Series series = Series.of(model, points.stream().mapToDouble(ScoresAtLoss::loss).toArray(),
                            points.stream().mapToDouble(p -> p.scores().averageError()).toArray(),
                            key == null ? RunStyles.asPoints(modelStyles.get(model))
                                    : SeriesStyle.markers(key.color(sizes.get(model))))
                    .withPointLabels(points.stream().map(p -> String.format(Locale.ROOT,
                            "%s %s%s: loss %s, avg err %s", model, p.scores().revision(), size,
                            Numbers.fixed(p.loss(), 4), Numbers.fixed(p.scores().averageError(), 4))).toList());
            figure = figure.with(key == null ? series : series.hiddenFromLegend());
        }
        if (key != null) {
            figure = figure.withColorKey(key);
        }
        if (fits.points().isEmpty()) {
            return figure;
        }
        double[] loss = Sampling.linearSpaced(fits.points().stream().mapToDouble(ScoresAtLoss::loss).min()
                .orElseThrow(), fits.points().stream().mapToDouble(ScoresAtLoss::loss).max().orElseThrow(), 100);
        if (fits.errorLaw().isPresent() && !fits.errorLaw().get().report().failed()) {
            DownstreamFit fit = fits.errorLaw().get();
            figure = figure.with(Series.of("Err(L) = ε − k·e^(−γL), R² " + Numbers.fixed(fit.statistics().rSquared(),
                    4), loss, java.util.Arrays.stream(loss).map(fit.law()::error).toArray(),
                    SeriesStyle.line(Palette.BLACK).withLineWidth(2)));
        }
        if (fits.sigmoidLaw().isPresent() && !fits.sigmoidLaw().get().report().failed()) {
            SigmoidAccuracyFit fit = fits.sigmoidLaw().get();
            figure = figure.with(Series.of("1 − acc(L), sigmoid, R² " + Numbers.fixed(fit.statistics().rSquared(),
                    4), loss, java.util.Arrays.stream(loss).map(l -> 1 - fit.law().accuracy(l)).toArray(),
                    SeriesStyle.dashed(Palette.RED).withLineWidth(2)));
        }
        return figure;
    }

    /**
     * Loss against FLOPs (log x, linear y) on each validation set (map order; tables with columns {@code width},
     * {@code depth}, {@code tokens}, {@code loss}), at the (model, tokens) checkpoints every set has, for the models
     * whose parameter count to one significant figure ({@link ReferenceDesign#sizeClass}, as Gemstones'
     * {@code params_round}) is at least {@code minParams} (Gemstones: 5×10⁸): one line per set and model,
     * coloured and stroked by set (solid, dashed, dotted, in palette order); the set's first model carries the set's
     * legend entry.
     */
    public static Figure lossOnValidationSets(String id, Map<String, RunTable> sets, Architecture architecture,
                                              FlopCount count, double minParams) {
        Set<List<Double>> common = new HashSet<>();
        boolean firstSet = true;
        for (RunTable table : sets.values()) {
            if (firstSet) {
                common.addAll(checkpointKeys(table));
                firstSet = false;
            } else {
                common.retainAll(new HashSet<>(checkpointKeys(table)));
            }
        }
        Figure figure = Figure.of(id, "Loss on several validation sets against training FLOPs",
                Axis.log("training FLOPs"), Axis.linear("validation loss"));
        SeriesStyle.Stroke[] strokes = {SeriesStyle.Stroke.SOLID, SeriesStyle.Stroke.DASHED, SeriesStyle.Stroke.DOTTED};
        int ordinal = 0;
        for (Map.Entry<String, RunTable> set : sets.entrySet()) {
            SeriesStyle style = new SeriesStyle(Palette.categorical(ordinal), strokes[ordinal % strokes.length],
                    SeriesStyle.Marker.NONE, 1.4);
            ordinal++;
            TreeMap<Double, TreeMap<String, List<double[]>>> byParams = new TreeMap<>();
            for (ValidationCheckpoint point : ValidationCheckpoint.of(set.getValue())) {
                int w = (int) point.width();
                int d = (int) point.depth();
                double params = architecture.parameters(w, d);
                if (ReferenceDesign.sizeClass(params) < minParams || !common.contains(point.key())) {
                    continue;
                }
                byParams.computeIfAbsent(params, p -> new TreeMap<>()).computeIfAbsent(point.model(),
                        m -> new ArrayList<>()).add(new double[] {count.perToken(architecture, w, d) * point.tokens(),
                                point.loss(), point.tokens()});
            }
            boolean first = true;
            for (TreeMap<String, List<double[]>> models : byParams.values()) {
                for (Map.Entry<String, List<double[]>> model : models.entrySet()) {
                    List<double[]> points = model.getValue().stream().sorted(Comparator.comparingDouble(p -> p[0]))
                            .toList();
                    Series series = Series.of(first ? set.getKey() : set.getKey() + ", " + model.getKey(),
                                    points.stream().mapToDouble(p -> p[0]).toArray(),
                                    points.stream().mapToDouble(p -> p[1]).toArray(), style)
                            .withPointLabels(points.stream().map(p -> String.format(Locale.ROOT,
                                    "%s, %s at %s tokens: loss %s", set.getKey(), model.getKey(),
                                    Numbers.format(p[2], 3), Numbers.fixed(p[1], 4))).toList());
                    figure = figure.with(first ? series : series.hiddenFromLegend());
                    first = false;
                }
            }
        }
        return figure;
    }

    private static List<List<Double>> checkpointKeys(RunTable table) {
        return ValidationCheckpoint.of(table).stream().map(ValidationCheckpoint::key).toList();
    }
}
