package org.scalefit.report.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.scalefit.isoflop.AxisProfile;
import org.scalefit.isoflop.BudgetOptimum;
import org.scalefit.isoflop.ComputeOptimalLaws;
import org.scalefit.isoflop.ComputeSavings;
import org.scalefit.isoflop.FitVariant;
import org.scalefit.isoflop.IsoflopAnalysis;
import org.scalefit.isoflop.IsoflopBands;
import org.scalefit.isoflop.IsoflopFits;
import org.scalefit.isoflop.OptimalPair;
import org.scalefit.isoflop.SaturatingLoss;
import org.scalefit.law.Allocation;
import org.scalefit.report.Numbers;
import org.scalefit.report.plot.Axis;
import org.scalefit.report.plot.Band;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.Series;
import org.scalefit.report.plot.SeriesStyle;

/**
 * Figures of Approach 2 (core {@code isoflop}; Hoffmann et al. 2022 §3.2, Porian et al. 2024 Figs. 1–4 and their
 * {@code plotting.py}): the IsoFLOP curves of one analysis with their Akima interpolants and optima, the optimal
 * pairs N*, D*, ρ* = D* ÷ N* against compute with the fitted power law y = coef·C^exponent and its 95 % bootstrap
 * band, the optimal loss with its saturating fit L*(C) = E + A·C^(−α), and the N* exponent against experiment cost.
 * Every number drawn comes out of the core analysis; the figures only pick and label it.
 */
public final class IsoflopFigures {

    /** The warmup shading: matplotlib's tab:brown, as Porian et al. shade it. */
    private static final String WARMUP_COLOR = "#8c564b";

    private IsoflopFigures() {
    }

    /**
     * One analysed configuration, as a figure shows it.
     *
     * @param label  the legend entry (e.g. the paper's label of the configuration)
     * @param color  its colour, {@code #rrggbb}
     * @param optima the per-budget analysis, in increasing C ({@link IsoflopAnalysis#optima})
     * @param fits   its fits ({@link IsoflopFits#of})
     * @param bands  its fitted lines and bootstrap bands ({@link IsoflopBands#of}), the numbers the figures draw
     */
    public record Analysed(String label, String color, List<BudgetOptimum> optima, IsoflopFits fits,
                           IsoflopBands bands) {
        public Analysed {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(color, "color");
            Objects.requireNonNull(fits, "fits");
            Objects.requireNonNull(bands, "bands");
            optima = List.copyOf(optima);
        }
    }

    /**
     * N*, D* or ρ* against compute (log–log) for each configuration: the optimal pairs (bootstrap medians; the point
     * label gives the multiplicative spread e^σ of Porian et al.'s error bars), the {@link FitVariant#BS_MEDIAN_WEIGHTED}
     * law with the pointwise [2.5 %, 97.5 %] band of the {@link FitVariant#BOOTSTRAP_WEIGHTED} replicates, as each
     * configuration's {@link IsoflopBands} holds them, the legend entry carrying the exponent with its 95 % interval;
     * then each reference allocation rule over the same range. With several configurations only the laws have legend
     * entries (the points keep their hover labels), so that the legend leaves the plot its width.
     *
     * @param low  the smallest budget of the lines (Porian et al.: the smallest budget of the paper)
     * @param high the largest
     * @throws IllegalArgumentException if a configuration's bands are not over [low, high]
     */
    public static Figure optimalAgainstCompute(String id, String title, ComputeOptimalLaws.Quantity quantity,
                                               List<Analysed> configurations, List<ReferenceLine> references,
                                               double low, double high) {
        Figure figure = Figure.of(id, title, Axis.log("training FLOPs C"), Axis.log(label(quantity)));
        double[] grid = IsoflopAnalysis.geomspace(low, high, IsoflopBands.POINTS);
        for (Analysed configuration : configurations) {
            if (configuration.bands().low() != low || configuration.bands().high() != high) {
                throw new IllegalArgumentException(configuration.label() + ": bands over [" + configuration.bands()
                        .low() + ", " + configuration.bands().high() + "], the figure over [" + low + ", " + high
                        + "]");
            }
            List<OptimalPair> pairs = configuration.optima().stream().filter(BudgetOptimum::hasOptimum)
                    .map(BudgetOptimum::pair).toList();
            double[] c = pairs.stream().mapToDouble(OptimalPair::flops).toArray();
            double[] y = pairs.stream().mapToDouble(p -> value(p, quantity)).toArray();
            List<String> labels = pairs.stream().map(p -> "C = " + Numbers.format(p.flops(), 3) + ", "
                    + symbol(quantity) + " = " + Numbers.format(value(p, quantity), 4) + " (×/÷ "
                    + Numbers.format(Math.exp(spread(p, quantity)), 3) + ")").toList();
            SeriesStyle points = SeriesStyle.markers(configuration.color());
            Series observed = Series.of(configuration.label() + ": optimal pairs", c, y, points)
                    .withPointLabels(labels);
            figure = figure.with(configurations.size() > 1 ? observed.hiddenFromLegend() : observed);
            IsoflopBands.Line law = configuration.bands().laws().get(quantity);
            if (law == null) {
                continue;
            }
            Series fitted = Series.of(configuration.label() + ": " + exponentName(quantity) + " = "
                    + exponent(law), law.flops(), law.values(), SeriesStyle.line(configuration.color()));
            figure = figure.with(law.hasBand() ? fitted.withBand(new Band(law.lower(), law.upper())) : fitted);
        }
        for (ReferenceLine reference : references) {
            double[] y = Arrays.stream(grid).map(c -> value(reference.rule().at(c), quantity)).toArray();
            figure = figure.with(Series.of(reference.label(), grid, y, reference.style()));
        }
        return figure;
    }

    /**
     * D*(C) of one configuration with its learning-rate warmup shaded (Porian et al. 2024, {@code warmup_evidence.pdf}
     * of {@code paper_figures.py}): the optimal pairs and the {@link FitVariant#BS_MEDIAN_WEIGHTED} law
     * D*(C) = k_D·C^b with its 95 % band as {@link #optimalAgainstCompute} draws them, and beneath them the warmup
     * period: the tokens W(C) a model trained at budget C spends warming up, on 20 geometric points over
     * [{@code low}, {@code high}], shaded up to W(C) from {@code floor} (or from the smallest W(C) if that is lower,
     * so that the shading always reaches its line). An optimal pair inside the shading spent all of its D* tokens in
     * warmup.
     *
     * @param warmup      W(C) in tokens: Kaplan et al.'s constant 3000 steps × 2^19 tokens, or Porian et al.'s
     *                    "about N tokens", W(C) = N*(C)
     * @param warmupLabel the legend entry of the shading
     * @param floor       the lower edge of the shading (the paper's y limit, 1e7 tokens)
     */
    public static Figure tokensWithWarmup(String id, String title, Analysed configuration,
                                          DoubleUnaryOperator warmup, String warmupLabel, double floor, double low,
                                          double high) {
        Figure figure = optimalAgainstCompute(id, title, ComputeOptimalLaws.Quantity.T, List.of(configuration),
                List.of(), low, high);
        double[] grid = IsoflopAnalysis.geomspace(low, high, IsoflopBands.POINTS);
        double[] tokens = Arrays.stream(grid).map(warmup).toArray();
        double[] bottom = new double[grid.length];
        Arrays.fill(bottom, Math.min(floor, Arrays.stream(tokens).min().orElse(floor)));
        return figure.with(Series.of(warmupLabel, grid, tokens, SeriesStyle.dotted(WARMUP_COLOR))
                .withBand(new Band(bottom, tokens)));
    }

    /** The optimal pairs of {@code configuration} whose D* is below the warmup tokens W(C) of their budget. */
    public static long inWarmup(Analysed configuration, DoubleUnaryOperator warmup) {
        return configuration.optima().stream().filter(BudgetOptimum::hasOptimum).map(BudgetOptimum::pair)
                .filter(p -> p.t() < warmup.applyAsDouble(p.flops())).count();
    }

    /**
     * The IsoFLOP curves of one configuration (Porian et al., {@code IsoFLOP-curves.pdf}): per budget the points
     * (N_i, L_i) and the Akima interpolant of the size axis on its grid, both limited to models with at least
     * {@code minTokensPerParam} tokens per parameter (C/(6N) ÷ N; the paper shows ρ ≥ 0.5), and a diamond at each
     * optimum (the bootstrap-median N*, the curve's minimum loss), coloured by budget from cyan to magenta.
     */
    public static Figure curves(String id, String title, List<BudgetOptimum> optima, double minTokensPerParam) {
        return curves(id, title, optima, minTokensPerParam, "loss (nats/token)");
    }

    /** As {@link #curves(String, String, List, double)}, the loss axis labelled {@code lossLabel}. */
    public static Figure curves(String id, String title, List<BudgetOptimum> optima, double minTokensPerParam,
                                String lossLabel) {
        Figure figure = Figure.of(id, title, Axis.log("model size N (parameters)"), Axis.linear(lossLabel));
        List<BudgetOptimum> analysed = optima.stream().filter(o -> !o.skipped()).toList();
        if (analysed.isEmpty()) {
            return figure;
        }
        double smallest = analysed.get(0).flops();
        double largest = analysed.get(analysed.size() - 1).flops();
        List<Double> starN = new ArrayList<>();
        List<Double> starLoss = new ArrayList<>();
        List<String> starLabels = new ArrayList<>();
        for (BudgetOptimum optimum : analysed) {
            double c = optimum.flops();
            String color = Palette.coolLog(c, smallest, largest);
            String budget = "C = " + Numbers.format(c, 3);
            double[] sizes = optimum.budget().sizes();
            double[] losses = optimum.budget().losses();
            int[] shown = withTokensPerParam(c, sizes, minTokensPerParam);
            List<String> labels = Arrays.stream(shown).mapToObj(i -> budget + ", N = " + Numbers.format(sizes[i], 4)
                    + ", loss " + Numbers.format(losses[i], 5)).toList();
            figure = figure.with(Series.of(budget, at(sizes, shown), at(losses, shown), SeriesStyle.markers(color))
                    .withPointLabels(labels));
            AxisProfile profile = optimum.sizes();
            double[] grid = profile.grid();
            double[] curve = profile.curve();
            int[] drawn = withTokensPerParam(c, grid, minTokensPerParam);
            figure = figure.with(Series.of(budget + ": Akima interpolant", at(grid, drawn), at(curve, drawn),
                    SeriesStyle.dashed(color)).hiddenFromLegend());
            if (optimum.hasOptimum()) {
                double loss = curve[profile.optimumIndex()];
                starN.add(optimum.pair().n());
                starLoss.add(loss);
                starLabels.add(budget + ": N* = " + Numbers.format(optimum.pair().n(), 4) + ", loss "
                        + Numbers.format(loss, 5));
            }
        }
        SeriesStyle star = new SeriesStyle(Palette.NEUTRAL, SeriesStyle.Stroke.NONE, SeriesStyle.Marker.DIAMOND, 1.5);
        return figure.with(Series.of("optima (bootstrap-median N*)", unbox(starN), unbox(starLoss), star)
                .withPointLabels(starLabels));
    }

    /**
     * The optimal loss against compute for each configuration (Porian et al., {@code opt_loss_extended.pdf}): the
     * optimal pairs' loss L* (token-axis bootstrap median), and the saturating fit L*(C) = E + A·C^(−α) on 20
     * geometric points from the smallest budget of its fit window to 200× the largest (the paper's figure also
     * extrapolates to 0.005× the smallest, where L* runs far above every measured loss and flattens the rest), with
     * the pointwise [2.5 %, 97.5 %] band of the bootstrap loss fits, as each configuration's
     * {@link IsoflopBands#loss()} holds them.
     */
    public static Figure optimalLoss(String id, String title, List<Analysed> configurations) {
        Figure figure = Figure.of(id, title, Axis.log("training FLOPs C"), Axis.log("optimal loss L* (nats/token)"));
        for (Analysed configuration : configurations) {
            List<OptimalPair> pairs = configuration.optima().stream().filter(BudgetOptimum::hasOptimum)
                    .map(BudgetOptimum::pair).toList();
            double[] c = pairs.stream().mapToDouble(OptimalPair::flops).toArray();
            double[] loss = pairs.stream().mapToDouble(OptimalPair::loss).toArray();
            List<String> labels = pairs.stream().map(p -> "C = " + Numbers.format(p.flops(), 3) + ", L* = "
                    + Numbers.format(p.loss(), 5) + (IsoflopBands.inLossWindow(p.flops()) ? " (fitted)" : ""))
                    .toList();
            Series observed = Series.of(configuration.label() + ": L*", c, loss,
                    SeriesStyle.markers(configuration.color())).withPointLabels(labels);
            figure = figure.with(configurations.size() > 1 ? observed.hiddenFromLegend() : observed);
            IsoflopBands.Line line = configuration.bands().loss();
            if (line == null) {
                continue;
            }
            SaturatingLoss fit = configuration.fits().lossFit().orElseThrow();
            Series fitted = Series.of(configuration.label() + ": E + A·C^−α, α = " + Numbers.format(fit.alpha(), 3)
                    + ", E = " + Numbers.format(fit.e(), 3), line.flops(), line.values(),
                    SeriesStyle.line(configuration.color()));
            figure = figure.with(line.hasBand() ? fitted.withBand(new Band(line.lower(), line.upper())) : fitted);
        }
        return figure;
    }

    /**
     * The compute-savings analysis (Porian et al., {@code accuracy_vs_compute.pdf}): the N* exponent of each budget
     * prefix with its 95 % bootstrap interval against the experiment's cost, one series per variant, and the
     * nominal exponent as a horizontal line.
     *
     * @param variants series name → the rows of that variant ({@link ComputeSavings}), in order
     * @param nominal  the exponent the estimates are judged against (0.5)
     */
    public static Figure exponentAgainstCost(String id, String title, Map<String, List<ComputeSavings.Row>>
            variants, double nominal) {
        Figure figure = Figure.of(id, title, Axis.log("experiment cost (FLOPs)"), Axis.linear("N* exponent a"));
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        int index = 0;
        for (var variant : variants.entrySet()) {
            List<ComputeSavings.Row> rows = variant.getValue().stream().filter(r -> !r.laws().isEmpty()).toList();
            double[] cost = rows.stream().mapToDouble(ComputeSavings.Row::cost).toArray();
            double[] a = new double[rows.size()];
            double[] lo = new double[rows.size()];
            double[] hi = new double[rows.size()];
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                ComputeSavings.Estimate e = rows.get(i).laws().get(ComputeOptimalLaws.Quantity.N).exponent();
                a[i] = e.value();
                lo[i] = e.low();
                hi[i] = e.high();
                labels.add(rows.get(i).prefix() + " budgets up to " + Numbers.format(rows.get(i).maxFlops(), 3)
                        + ": a = " + Numbers.withInterval(e.value(), e.low(), e.high(), 4));
                lowest = Math.min(lowest, cost[i]);
                highest = Math.max(highest, cost[i]);
            }
            String color = Palette.categorical(index++);
            figure = figure.with(Series.of(variant.getKey(), cost, a, SeriesStyle.line(color)
                    .withMarker(SeriesStyle.Marker.CIRCLE)).withBand(new Band(lo, hi)).withPointLabels(labels));
        }
        if (lowest < highest) {
            figure = figure.with(Series.of("a = " + Numbers.format(nominal, 3), new double[] {lowest, highest},
                    new double[] {nominal, nominal}, SeriesStyle.dotted(Palette.NEUTRAL)));
        }
        return figure;
    }

    private static String exponent(IsoflopBands.Line law) {
        double[] interval = law.interval();
        return interval == null ? Numbers.format(law.exponent(), 3)
                : Numbers.withInterval(law.exponent(), interval[0], interval[1], 3);
    }

    private static double tokensPerParam(double flops, double size) {
        return flops / (6.0 * size) / size;
    }

    /** The indices of the {@code sizes} N with at least {@code minimum} tokens per parameter at budget {@code flops}. */
    private static int[] withTokensPerParam(double flops, double[] sizes, double minimum) {
        return IntStream.range(0, sizes.length).filter(i -> tokensPerParam(flops, sizes[i]) >= minimum).toArray();
    }

    private static double[] at(double[] values, int[] indices) {
        return Arrays.stream(indices).mapToDouble(i -> values[i]).toArray();
    }

    private static double value(OptimalPair pair, ComputeOptimalLaws.Quantity quantity) {
        return switch (quantity) {
            case N -> pair.n();
            case T -> pair.t();
            case MULTIPLIER -> pair.multiplier();
        };
    }

    private static double spread(OptimalPair pair, ComputeOptimalLaws.Quantity quantity) {
        return switch (quantity) {
            case N -> pair.nSpread();
            case T -> pair.tSpread();
            case MULTIPLIER -> pair.multiplierSpread();
        };
    }

    private static double value(Allocation allocation, ComputeOptimalLaws.Quantity quantity) {
        return switch (quantity) {
            case N -> allocation.params();
            case T -> allocation.tokens();
            case MULTIPLIER -> allocation.tokensPerParam();
        };
    }

    private static String label(ComputeOptimalLaws.Quantity quantity) {
        return switch (quantity) {
            case N -> "optimal model size N* (parameters)";
            case T -> "optimal tokens D*";
            case MULTIPLIER -> "optimal tokens per parameter ρ*";
        };
    }

    /** The quantity's symbol: N*, D* or ρ*. */
    public static String symbol(ComputeOptimalLaws.Quantity quantity) {
        return switch (quantity) {
            case N -> "N*";
            case T -> "D*";
            case MULTIPLIER -> "ρ*";
        };
    }

    private static String exponentName(ComputeOptimalLaws.Quantity quantity) {
        return switch (quantity) {
            case N -> "a";
            case T -> "b";
            case MULTIPLIER -> "r";
        };
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
