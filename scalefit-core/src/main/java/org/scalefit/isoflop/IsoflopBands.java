package org.scalefit.isoflop;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fitted lines and 95 % bootstrap bands of one IsoFLOP configuration, as Porian et al.'s {@code plotting.py}
 * draws them: for each of N*, D*, ρ* the {@link FitVariant#BS_MEDIAN_WEIGHTED} law y = coef·C^exponent on 20
 * geometric points over [low, high] with the pointwise [2.5 %, 97.5 %] band of the
 * {@link FitVariant#BOOTSTRAP_WEIGHTED} replicates ({@link IsoflopIntervals#band}) and the exponent's interval
 * ({@link IsoflopIntervals#exponentInterval}); and the saturating optimal-loss fit L*(C) = E + A·C^(−α) on 20
 * geometric points from the smallest budget of its fit window to 200× the largest, with the band of its bootstrap
 * loss fits ({@link IsoflopIntervals#lossBand}). A figure draws these numbers as they are.
 *
 * @param low  the smallest budget of the law lines
 * @param high the largest
 * @param laws the line of each quantity; empty when fewer than two budgets have an optimum
 * @param loss the optimal-loss line, or null when the loss law was not fitted
 */
public record IsoflopBands(double low, double high, Map<ComputeOptimalLaws.Quantity, Line> laws, Line loss) {

    /** Points of every line and band: Porian et al. evaluate on 20 geometric points ({@code plotting.py}). */
    public static final int POINTS = 20;
    /** How far the optimal-loss line extends beyond the largest budget of its fit window. */
    public static final double LOSS_EXTRAPOLATION = 200;

    public IsoflopBands {
        EnumMap<ComputeOptimalLaws.Quantity, Line> copy = new EnumMap<>(ComputeOptimalLaws.Quantity.class);
        copy.putAll(laws);
        laws = Collections.unmodifiableMap(copy);
    }

    /**
     * One fitted line and its band.
     *
     * @param flops    the budgets C of the line
     * @param values   the point fit at each budget
     * @param lower    the band's 2.5 % quantile at each budget, or null without bootstrap replicates
     * @param upper    its 97.5 % quantile, or null
     * @param exponent the point fit's exponent (the N*, D*, ρ* law's; α for the loss line)
     * @param interval the exponent's [2.5 %, 97.5 %] interval over the replicates, or null (always for the loss line)
     */
    public record Line(double[] flops, double[] values, double[] lower, double[] upper, double exponent,
                       double[] interval) {

        public Line {
            flops = flops.clone();
            values = values.clone();
            lower = lower == null ? null : lower.clone();
            upper = upper == null ? null : upper.clone();
            interval = interval == null ? null : interval.clone();
        }

        @Override
        public double[] flops() {
            return flops.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public double[] lower() {
            return lower == null ? null : lower.clone();
        }

        @Override
        public double[] upper() {
            return upper == null ? null : upper.clone();
        }

        @Override
        public double[] interval() {
            return interval == null ? null : interval.clone();
        }

        /** Whether there is a band (and, for a law, an exponent interval). */
        public boolean hasBand() {
            return lower != null;
        }
    }

    /**
     * The lines of one configuration.
     *
     * @param optima the per-budget analysis ({@link IsoflopAnalysis#optima}), in increasing C
     * @param fits   its fits ({@link IsoflopFits#of})
     * @param low    the smallest budget of the law lines (Porian et al.: the smallest budget of the paper)
     * @param high   the largest
     */
    public static IsoflopBands of(List<BudgetOptimum> optima, IsoflopFits fits, double low, double high) {
        Objects.requireNonNull(fits, "fits");
        Map<ComputeOptimalLaws.Quantity, Line> laws = new EnumMap<>(ComputeOptimalLaws.Quantity.class);
        if (fits.budgets() >= 2) {
            double[] grid = IsoflopAnalysis.geomspace(low, high, POINTS);
            List<ComputeOptimalLaws> replicates = fits.replicates(FitVariant.BOOTSTRAP_WEIGHTED);
            for (ComputeOptimalLaws.Quantity quantity : ComputeOptimalLaws.Quantity.values()) {
                PowerLaw law = fits.point(FitVariant.BS_MEDIAN_WEIGHTED).law(quantity);
                double[] line = Arrays.stream(grid).map(law::at).toArray();
                if (replicates.isEmpty()) {
                    laws.put(quantity, new Line(grid, line, null, null, law.exponent(), null));
                } else {
                    double[][] band = IsoflopIntervals.band(replicates, quantity, low, high);
                    laws.put(quantity, new Line(grid, line, column(band, 1), column(band, 2), law.exponent(),
                            IsoflopIntervals.exponentInterval(replicates, quantity)));
                }
            }
        }
        return new IsoflopBands(low, high, laws, lossLine(optima, fits));
    }

    /** Whether a budget lies in the window of the saturating loss fit ({@link IsoflopFits#LOSS_WINDOW_LOW}, …). */
    public static boolean inLossWindow(double flops) {
        return flops > IsoflopFits.LOSS_WINDOW_LOW && flops < IsoflopFits.LOSS_WINDOW_HIGH;
    }

    private static Line lossLine(List<BudgetOptimum> optima, IsoflopFits fits) {
        if (fits.lossFit().isEmpty()) {
            return null;
        }
        SaturatingLoss fit = fits.lossFit().get();
        double[] window = optima.stream().filter(BudgetOptimum::hasOptimum).mapToDouble(o -> o.pair().flops())
                .filter(IsoflopBands::inLossWindow).toArray();
        double[] grid = IsoflopAnalysis.geomspace(window[0], LOSS_EXTRAPOLATION * window[window.length - 1], POINTS);
        double[] line = Arrays.stream(grid).map(fit::at).toArray();
        if (fits.lossBootstrap().isEmpty()) {
            return new Line(grid, line, null, null, fit.alpha(), null);
        }
        double[][] band = IsoflopIntervals.lossBand(fits.lossBootstrap(), grid);
        return new Line(grid, line, column(band, 1), column(band, 2), fit.alpha(), null);
    }

    private static double[] column(double[][] rows, int column) {
        return Arrays.stream(rows).mapToDouble(r -> r[column]).toArray();
    }
}
