package org.scalefit.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.scalefit.data.RunTable;

/**
 * The check of a FLOPs column a user's table supplies: a run's training FLOPs C are at least 6·N, since C/(6N) is
 * the number of tokens it was trained on (C ≈ 6·N·D, Kaplan et al. 2020, §2.1). A smaller C is not a FLOP count —
 * FLOPs written in PF-days (8.64·10¹⁹ FLOPs) or in units of 10¹⁸, or another column mapped as FLOPs — and every
 * tokens count drawn from it as C/(6N) would be less than one token.
 */
public final class FlopsColumn {

    private FlopsColumn() {
    }

    /**
     * Refuses the first run of {@code table} whose {@code flops} are below 6 × its {@code params}; NaN values (bad
     * cells a lenient reader kept) pass, for the analysis to report.
     *
     * @param flopsColumn  the file column the FLOPs were read from, as the message names it
     * @param paramsColumn the file column the parameter counts were read from
     * @throws InputException naming the run's line (or Parquet row), the FLOPs column and what C/(6N) comes to
     */
    public static void requireAtLeastOneToken(RunTable table, double[] flops, double[] params, String flopsColumn,
                                              String paramsColumn) {
        for (int i = 0; i < flops.length; i++) {
            if (flops[i] < 6 * params[i]) {
                throw new InputException(table.source(), table.locations(), table.sourceLine(i), flopsColumn,
                        "training FLOPs C ≥ 6·N (C/(6N) is the tokens trained on)", String.format(Locale.ROOT,
                        "%s with %s %s, which is %.3g tokens: are the FLOPs in other units (PF-days are 8.64e19 "
                        + "FLOPs: --unit flops=8.64e19; units of 1e18: --unit flops=1e18)?", flops[i], paramsColumn,
                        params[i], flops[i] / (6 * params[i])));
            }
        }
    }
    /** Relative difference beyond which a row's FLOPs and its 6·N·D disagree ({@link #sixNDDisagreement}). */
    public static final double SIX_ND_TOLERANCE = 0.1;

    /** How many disagreeing rows {@link #sixNDDisagreement} names by line. */
    static final int LINES_NAMED = 10;

    /**
     * The check of a table that gives FLOPs, parameters and tokens: C = 6·N·D (Kaplan et al. 2020, §2.1) should hold
     * in one accounting. A row whose ratio C/(6·N·D) lies outside [1/1.1, 1.1] (the 10 % tolerance within which
     * Porian et al.'s {@code fetch_flop} takes a checkpoint as a budget's) disagrees: parameters counted with
     * embeddings where the FLOPs were not (or the reverse), FLOPs that include attention or use another multiplier,
     * or tokens in other units (a ratio near 10⁹ is tokens written in billions). Rows with a NaN value are not
     * compared.
     *
     * @param consequence which columns the analysis uses and which it does not, as the message ends
     * @return the warning — how many rows disagree, their median ratio and range, the first
     *         {@value #LINES_NAMED} lines, a likely cause and {@code consequence} — or empty when every row agrees
     */
    public static Optional<String> sixNDDisagreement(RunTable table, double[] flops, double[] params,
                                                     double[] tokens, String flopsColumn, String paramsColumn,
                                                     String tokensColumn, String consequence) {
        List<Double> ratios = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < flops.length; i++) {
            double ratio = flops[i] / (6 * params[i] * tokens[i]);
            if (!(ratio > 0) || Double.isInfinite(ratio)) {
                continue;
            }
            compared++;
            if (ratio > 1 + SIX_ND_TOLERANCE || ratio < 1 / (1 + SIX_ND_TOLERANCE)) {
                ratios.add(ratio);
                lines.add(table.sourceLine(i));
            }
        }
        if (ratios.isEmpty()) {
            return Optional.empty();
        }
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = sorted.length;
        double median = m % 2 == 1 ? sorted[m / 2] : Math.sqrt(sorted[m / 2 - 1] * sorted[m / 2]);
        int[] named = lines.stream().limit(LINES_NAMED).mapToInt(Integer::intValue).toArray();
        return Optional.of(String.format(Locale.ROOT, "'%s' disagrees with 6·'%s'·'%s' by more than %.0f %% in %d of "
                + "%d rows (%s%s): C/(6·N·D) is typically %.3g (median; from %.3g to %.3g) — %s %s",
                flopsColumn, paramsColumn, tokensColumn, 100 * SIX_ND_TOLERANCE, m, compared,
                table.locations().at(named), m > named.length ? " and " + (m - named.length) + " more" : "", median,
                sorted[0], sorted[m - 1], cause(median, tokensColumn), consequence));
    }

    /** The likely cause of a typical ratio C/(6·N·D). */
    private static String cause(double ratio, String tokensColumn) {
        double decades = Math.log10(ratio);
        for (var unit : List.of(Map.entry(9, "billions"), Map.entry(6, "millions"), Map.entry(3, "thousands"))) {
            if (Math.abs(decades - unit.getKey()) < 0.5) {
                return "are the tokens ('" + tokensColumn + "') in " + unit.getValue() + "? If so, add --unit tokens=1e"
                        + unit.getKey() + " to read them as counts.";
            }
        }
        return ratio > 1 / 3.0 && ratio < 3 ? "are the parameters counted with (or without) embeddings where the "
                + "FLOPs were not, or do the FLOPs count attention or another multiplier than 6?"
                : "are the FLOPs, parameters or tokens in other units?";
    }
}
