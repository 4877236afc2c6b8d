package org.scalefit.io;

import java.util.Locale;
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
                        + "FLOPs)?", flops[i], paramsColumn, params[i], flops[i] / (6 * params[i])));
            }
        }
    }
}
