package org.scalefit.isoflop;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * Bootstrap intervals of the compute-optimal laws and Table 1 of Porian et al. as the paper prints it
 * ({@code paper_tables.py}, {@code extract_CI} and {@code results_table}; {@code plotting.py}): quantiles are NumPy's
 * linear ones (0.025, 0.975) over the {@link FitVariant#BOOTSTRAP_WEIGHTED} replicates; bands are pointwise quantiles
 * of coef·C^exponent on 20 geometric points between the smallest and largest budget.
 */
public final class IsoflopIntervals {

    /** Chinchilla's training compute, 5.88·10²³ FLOPs ({@code CHINCHILLA_FLOPS}). */
    public static final double CHINCHILLA_FLOPS = 5.88e23;

    private IsoflopIntervals() {
    }

    /** [2.5 %, 97.5 %] quantiles of the replicates' exponent of one law. */
    public static double[] exponentInterval(List<ComputeOptimalLaws> replicates, ComputeOptimalLaws.Quantity q) {
        double[] exponents = replicates.stream().mapToDouble(r -> r.law(q).exponent()).toArray();
        return Statistics.interval95(exponents);
    }

    /** [2.5 %, 97.5 %] quantiles of the replicates' values coef·C^exponent at C. */
    public static double[] valueInterval(List<ComputeOptimalLaws> replicates, ComputeOptimalLaws.Quantity q,
                                         double flops) {
        double[] values = replicates.stream().mapToDouble(r -> r.law(q).at(flops)).toArray();
        return Statistics.interval95(values);
    }

    /**
     * The band: for each of 20 geometric points from {@code low} to {@code high} (numpy {@code geomspace}), the
     * [2.5 %, 97.5 %] quantiles of the replicates' values; rows are grid points.
     */
    public static double[][] band(List<ComputeOptimalLaws> replicates, ComputeOptimalLaws.Quantity q, double low,
                                  double high) {
        double[] grid = IsoflopAnalysis.geomspace(low, high, 20);
        double[][] band = new double[grid.length][];
        for (int i = 0; i < grid.length; i++) {
            double[] interval = valueInterval(replicates, q, grid[i]);
            band[i] = new double[] {grid[i], interval[0], interval[1]};
        }
        return band;
    }

    /**
     * The band of the saturating optimal-loss fit (Porian et al., {@code plotting.py}, the optimal-loss figure): at
     * each C of {@code flops}, the [2.5 %, 97.5 %] quantiles of E_b + A_b·C^(−α_b) over the bootstrap loss fits
     * ({@link IsoflopFits#lossBootstrap()}); rows are (C, lower, upper).
     *
     * @throws IllegalArgumentException without replicates
     */
    public static double[][] lossBand(List<SaturatingLoss> replicates, double[] flops) {
        if (replicates.isEmpty()) {
            throw new IllegalArgumentException("a loss band needs bootstrap loss fits; there are none");
        }
        double[][] band = new double[flops.length][];
        for (int i = 0; i < flops.length; i++) {
            double c = flops[i];
            double[] values = replicates.stream().mapToDouble(r -> r.at(c)).toArray();
            double[] interval = Statistics.interval95(values);
            band[i] = new double[] {c, interval[0], interval[1]};
        }
        return band;
    }

    /**
     * Table 1's ρ* range: ({@code int}(min lower band), {@code int}(max upper band)) of the multiplier band between
     * {@code low} and {@code high}, truncated toward zero as Python's {@code int} does.
     */
    public static long[] multiplierRange(List<ComputeOptimalLaws> replicates, double low, double high) {
        double[][] band = band(replicates, ComputeOptimalLaws.Quantity.MULTIPLIER, low, high);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : band) {
            min = Math.min(min, row[1]);
            max = Math.max(max, row[2]);
        }
        return new long[] {(long) min, (long) max};
    }

    /** Python's {@code f"{value:.{digits}g}"}: correctly rounded, trailing zeros removed. */
    public static String pythonG(double value, int digits) {
        if (value == 0) {
            return "0";
        }
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= digits) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String m = mantissa.toPlainString();
            return m + "e" + (exponent < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d",
                    Math.abs(exponent));
        }
        String plain = rounded.toPlainString();
        if (plain.contains(".")) {
            plain = plain.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return plain;
    }

    /** Python's {@code f"{value:.{decimals}f}"}: the exact binary value rounded half-even. */
    public static String pythonF(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * One row of Table 1 from a configuration's fits: "a estimation" = {@code bs_median_weighted} N* exponent
     * {@code %.3g} and its interval {@code (%.2f, %.2f)}, "R² of a fit" {@code %.3g}, "ρ* range" between 1.25·10¹⁶
     * and 2.56·10¹⁹ FLOPs (the paper's {@code FLOP_VALS}).
     */
    public static TableRow tableRow(String experiment, String dataset, IsoflopFits fits, double low, double high) {
        PowerLaw a = fits.point(FitVariant.BS_MEDIAN_WEIGHTED).n();
        double[] ci = exponentInterval(fits.bootstrapWeighted(), ComputeOptimalLaws.Quantity.N);
        long[] range = multiplierRange(fits.bootstrapWeighted(), low, high);
        return new TableRow(experiment, dataset, pythonG(a.exponent(), 3) + " (" + pythonF(ci[0], 2) + ", "
                + pythonF(ci[1], 2) + ")", pythonG(a.r2(), 3), "(" + range[0] + ", " + range[1] + ")");
    }

    /**
     * Table 1's row order ({@code results_table}): rows sorted by the printed a descending (a string sort), then
     * interleaved by dataset in sorted name order (OpenWebText2 first), {@code appended} rows last, and the two
     * reference rows in front: Hoffmann et al. (MassiveText, 0.5) and Kaplan et al. (WebText2, 0.88).
     */
    public static List<TableRow> table(List<TableRow> rows, List<TableRow> appended) {
        java.util.List<TableRow> sorted = new java.util.ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing((TableRow r) -> r.aEstimation().split(" ")[0]).reversed());
        java.util.TreeMap<String, java.util.List<TableRow>> groups = new java.util.TreeMap<>();
        for (TableRow row : sorted) {
            groups.computeIfAbsent(row.dataset(), d -> new java.util.ArrayList<>()).add(row);
        }
        java.util.List<TableRow> table = new java.util.ArrayList<>();
        table.add(new TableRow("Hoffmann Law", "MassiveText", "0.5", "", ""));
        table.add(new TableRow("Kaplan Law", "WebText2", "0.88", "", ""));
        int longest = groups.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (java.util.List<TableRow> group : groups.values()) {
                if (i < group.size()) {
                    table.add(group.get(i));
                }
            }
        }
        table.addAll(appended);
        return List.copyOf(table);
    }

    /**
     * A row of Table 1, as printed.
     *
     * @param experiment  the configuration's label
     * @param dataset     RefinedWeb or OpenWebText2
     * @param aEstimation "0.835 (0.79, 0.88)"
     * @param r2          "0.999"
     * @param rhoRange    "(12, 1234)"
     */
    public record TableRow(String experiment, String dataset, String aEstimation, String r2, String rhoRange) {
    }
}
