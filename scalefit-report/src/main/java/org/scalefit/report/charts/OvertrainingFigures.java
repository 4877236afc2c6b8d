package org.scalefit.report.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.scalefit.io.GadreTestbed;
import org.scalefit.overtraining.DownstreamFit;
import org.scalefit.overtraining.HeldOutPrediction;
import org.scalefit.overtraining.ModelRun;
import org.scalefit.overtraining.OvertrainingAnalysis;
import org.scalefit.overtraining.OvertrainingLaw;
import org.scalefit.report.Numbers;
import org.scalefit.report.plot.Axis;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.Series;
import org.scalefit.report.plot.SeriesStyle;

/**
 * The two panels of Gadre et al. 2024's Figure 1 (core {@code overtraining}; Gadre et al. 2024 §3)
 * for an {@link OvertrainingAnalysis}:
 * <ul>
 *   <li>reducible loss L − E against compute C = 6ND (log–log): the loss law's fit runs by tokens per parameter M
 *       (colour: matplotlib's {@code cool} on log M over 10…640, as the paper's LogNorm 0.5–32 on M/20), the held-out
 *       runs observed (squares) and predicted (crosses), and the law's curve at each M, L(N = √(C/(6M)), M) − E,
 *       dashed;</li>
 *   <li>downstream error against loss: the downstream fit runs, the held-out runs observed and as chained
 *       predictions (L̂, Err(L̂)), and Err(L) = ε − k·e^(−γL), solid over the fitted losses and dashed beyond.</li>
 * </ul>
 */
public final class OvertrainingFigures {

    /** The tokens-per-parameter range of the colour map (Gadre et al.: multipliers 0.5 … 32 of M = 20). */
    static final double LOW_M = 10;
    static final double HIGH_M = 640;

    private OvertrainingFigures() {
    }

    /**
     * The left panel: reducible loss against compute.
     *
     * @param lossSet the evaluation set of the runs' loss (e.g. {@code c4_val}), named on the loss axis with the
     *                loss' unit, nats per token ({@link ModelRun#loss})
     * @throws IllegalArgumentException if the loss-law fit failed (there is no law to draw)
     */
    public static Figure reducibleLossAgainstCompute(String id, OvertrainingAnalysis analysis, String lossSet) {
        if (analysis.lossFit().report().failed()) {
            throw new IllegalArgumentException("the loss-law fit failed: there is no law to draw");
        }
        OvertrainingLaw law = analysis.lossFit().law();
        double e = law.irreducible();
        List<ModelRun> fitRuns = analysis.split().lossFit();
        List<HeldOutPrediction> targets = analysis.predictions();
        Figure figure = Figure.of(id, "Over-training law: reducible loss against compute",
                Axis.log("compute C = 6ND (FLOPs)"), Axis.log("reducible loss L − E " + lossUnit(lossSet)));
        double lowC = Double.POSITIVE_INFINITY;
        double highC = 0;
        TreeMap<Double, List<ModelRun>> byM = new TreeMap<>();
        for (ModelRun run : fitRuns) {
            byM.computeIfAbsent(run.tokensPerParam(), m -> new ArrayList<>()).add(run);
            lowC = Math.min(lowC, run.compute());
            highC = Math.max(highC, run.compute());
        }
        for (HeldOutPrediction target : targets) {
            lowC = Math.min(lowC, target.run().compute());
            highC = Math.max(highC, target.run().compute());
        }
        TreeMap<Double, Boolean> everyM = new TreeMap<>();
        fitRuns.forEach(run -> everyM.put(run.tokensPerParam(), true));
        targets.forEach(target -> everyM.put(target.run().tokensPerParam(), true));
        double[] compute = Sampling.logSpaced(lowC / 3, highC * 3, 50);
        for (double m : everyM.keySet()) {
            double[] reducible = new double[compute.length];
            for (int i = 0; i < compute.length; i++) {
                reducible[i] = law.reducibleLoss(Math.sqrt(compute[i] / (6 * m)), m);
            }
            figure = figure.with(Series.of("law at M = " + Numbers.format(m, 4), compute, reducible,
                    SeriesStyle.dashed(color(m)).withLineWidth(1.2)));
        }
        for (Map.Entry<Double, List<ModelRun>> group : byM.entrySet()) {
            List<ModelRun> runs = group.getValue();
            figure = figure.with(Series.of("fit runs, M = " + Numbers.format(group.getKey(), 4),
                            runs.stream().mapToDouble(ModelRun::compute).toArray(),
                            runs.stream().mapToDouble(run -> run.loss() - e).toArray(),
                            SeriesStyle.markers(color(group.getKey())))
                    .withPointLabels(runs.stream().map(OvertrainingFigures::describe).toList()));
        }
        if (!targets.isEmpty()) {
            figure = figure.with(Series.of("held out, observed",
                            targets.stream().mapToDouble(t -> t.run().compute()).toArray(),
                            targets.stream().mapToDouble(t -> t.loss().observed() - e).toArray(),
                            new SeriesStyle(Palette.BLACK, SeriesStyle.Stroke.NONE, SeriesStyle.Marker.SQUARE, 1))
                    .withPointLabels(targets.stream().map(t -> describe(t.run())).toList()));
            figure = figure.with(Series.of("held out, predicted",
                            targets.stream().mapToDouble(t -> t.run().compute()).toArray(),
                            targets.stream().mapToDouble(t -> t.loss().predicted() - e).toArray(),
                            new SeriesStyle(Palette.RED, SeriesStyle.Stroke.NONE, SeriesStyle.Marker.CROSS, 1))
                    .withPointLabels(targets.stream().map(t -> describe(t.run()) + ", relative error "
                            + Numbers.format(t.loss().percentError(), 3) + " %").toList()));
        }
        return figure;
    }

    /**
     * The right panel for the downstream error {@code errorName} (e.g. {@code avg_subset}).
     *
     * @param lossSet the evaluation set of the runs' loss, as in {@link #reducibleLossAgainstCompute}
     * @throws IllegalArgumentException if the analysis has no downstream fit of that name, or it failed
     */
    public static Figure errorAgainstLoss(String id, OvertrainingAnalysis analysis, String errorName,
                                          String lossSet) {
        DownstreamFit fit = analysis.downstreamFits().get(errorName);
        if (fit == null) {
            throw new IllegalArgumentException("the analysis has no downstream fit of '" + errorName + "'; it has "
                    + analysis.downstreamFits().keySet());
        }
        if (fit.report().failed()) {
            throw new IllegalArgumentException("the downstream fit of '" + errorName + "' failed: no law to draw");
        }
        List<ModelRun> fitRuns = analysis.split().downstreamFit();
        List<HeldOutPrediction> targets = analysis.predictions().stream()
                .filter(t -> t.error().containsKey(errorName)).toList();
        double lowL = fitRuns.stream().mapToDouble(ModelRun::loss).min().orElseThrow();
        double highL = fitRuns.stream().mapToDouble(ModelRun::loss).max().orElseThrow();
        double wideLow = lowL;
        double wideHigh = highL;
        for (HeldOutPrediction target : targets) {
            wideLow = Math.min(wideLow, Math.min(target.loss().observed(), target.loss().predicted()));
            wideHigh = Math.max(wideHigh, Math.max(target.loss().observed(), target.loss().predicted()));
        }
        double margin = 0.1 * (wideHigh - wideLow);
        String error = errorLabel(errorName);
        Figure figure = Figure.of(id, "Downstream law: " + error + " against loss",
                Axis.linear("loss L " + lossUnit(lossSet)), Axis.linear(error));
        figure = figure.with(curve("Err(L), extrapolated", fit, wideLow - margin, wideHigh + margin,
                        SeriesStyle.dashed(Palette.NEUTRAL).withLineWidth(1)).hiddenFromLegend())
                .with(curve("Err(L) = ε − k·e^(−γL)", fit, lowL, highL, SeriesStyle.line(Palette.NEUTRAL)));
        figure = figure.with(points("fit runs", fitRuns, run -> true, errorName,
                SeriesStyle.markers(Palette.BLUE)));
        if (!targets.isEmpty()) {
            figure = figure.with(Series.of("held out, observed",
                            targets.stream().mapToDouble(t -> t.loss().observed()).toArray(),
                            targets.stream().mapToDouble(t -> t.error().get(errorName).observed()).toArray(),
                            new SeriesStyle(Palette.BLACK, SeriesStyle.Stroke.NONE, SeriesStyle.Marker.SQUARE, 1))
                    .withPointLabels(targets.stream().map(t -> describe(t.run())).toList()));
            figure = figure.with(Series.of("held out, predicted from predicted loss",
                            targets.stream().mapToDouble(t -> t.loss().predicted()).toArray(),
                            targets.stream().mapToDouble(t -> t.error().get(errorName).predicted()).toArray(),
                            new SeriesStyle(Palette.RED, SeriesStyle.Stroke.NONE, SeriesStyle.Marker.CROSS, 1))
                    .withPointLabels(targets.stream().map(t -> describe(t.run()) + ", relative error "
                            + Numbers.format(t.error().get(errorName).percentError(), 3) + " %").toList()));
        }
        return figure;
    }

    private static Series curve(String name, DownstreamFit fit, double low, double high, SeriesStyle style) {
        int count = 80;
        double[] loss = new double[count];
        double[] error = new double[count];
        for (int i = 0; i < count; i++) {
            loss[i] = low + (high - low) * i / (count - 1);
            error[i] = fit.law().error(loss[i]);
        }
        return Series.of(name, loss, error, style);
    }

    private static Series points(String name, List<ModelRun> runs, Predicate<ModelRun> keep, String errorName,
                                 SeriesStyle style) {
        List<ModelRun> kept = runs.stream().filter(keep).toList();
        return Series.of(name, kept.stream().mapToDouble(ModelRun::loss).toArray(),
                kept.stream().mapToDouble(run -> run.error(errorName)).toArray(), style)
                .withPointLabels(kept.stream().map(OvertrainingFigures::describe).toList());
    }

    /**
     * What a downstream error of the testbed is: {@value GadreTestbed#AVERAGE_46} → "46-task average top-1 error",
     * {@value GadreTestbed#AVERAGE_17} → "17-task average top-1 error", any other (a task) → "&lt;name&gt; top-1 error".
     */
    static String errorLabel(String errorName) {
        return switch (errorName) {
            case GadreTestbed.AVERAGE_46 -> "46-task average top-1 error";
            case GadreTestbed.AVERAGE_17 -> "17-task average top-1 error";
            default -> errorName + " top-1 error";
        };
    }

    /** "(c4_val, nats/token)": the evaluation set and the unit of a {@link ModelRun#loss}. */
    private static String lossUnit(String lossSet) {
        return "(" + lossSet + ", nats/token)";
    }

    private static String color(double tokensPerParam) {
        return Palette.coolLog(tokensPerParam, LOW_M, HIGH_M);
    }

    /** "rpj-d=96_l=8_h=4-1.0: N 1.057×10⁷, M 20". */
    static String describe(ModelRun run) {
        return run.name() + ": N " + Numbers.format(run.params(), 4) + ", M " + Numbers.format(run.tokensPerParam(), 4);
    }
}
