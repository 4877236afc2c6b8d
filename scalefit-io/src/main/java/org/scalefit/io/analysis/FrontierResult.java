package org.scalefit.io.analysis;

import java.util.List;
import java.util.Locale;
import org.scalefit.accounting.RunCompute;
import org.scalefit.data.RunTable;
import org.scalefit.frontier.Approach1;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.frontier.Overspending;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.FrontierDocument;

/**
 * An Approach-1 analysis made from a {@link FrontierRequest}: the runs and their costs, the frontier and its log–log
 * fits, the overspends, the binning minimisers, and the exact-FLOPs/6N ratio of every shape.
 *
 * @param request      the request
 * @param table        the runs analysed (after the token window)
 * @param costs        their params, FLOPs and GPU-hours
 * @param hull         Gemstones' frontier (its dominated runs kept); the analysis's frontier unless the request drops
 *                     dominated runs
 * @param analysis     the frontier and its fits
 * @param overspending each run's overspend against the frontier run of nearest loss
 * @param binned       Chinchilla's binning minimisers, or null
 * @param shapeRatios  width, depth and exact-FLOPs/6N of each distinct shape; empty without shapes
 * @param provenance   the data, its SHA-256 and what was derived
 * @param readWarnings what reading found questionable without refusing it (a FLOPs column that disagrees with
 *                     6·N·D, {@link org.scalefit.io.FlopsColumn#sixNDDisagreement})
 */
public record FrontierResult(FrontierRequest request, RunTable table, RunCompute costs, LossFrontier hull,
                             Approach1 analysis,
                             Overspending overspending, LossFrontier binned, List<double[]> shapeRatios,
                             FitProvenance provenance, List<String> readWarnings) {

    public FrontierResult {
        readWarnings = List.copyOf(readWarnings);
    }

    /** scalefit's frontier document. */
    public FrontierDocument document() {
        return FrontierDocument.of(request.resource().label(), analysis, binned, overspending,
                shapeRatios, table, costs.params(), table.column("tokens"), provenance, warnings());
    }

    /**
     * What the frontier's numbers do not show: the {@link #readWarnings}, then each run of Gemstones' frontier that an earlier frontier run dominates
     * ({@link LossFrontier#dominated}), which Gemstones' rule keeps and the three fits therefore include, or which
     * the request left out ({@link FrontierRequest#dropDominated}).
     */
    public List<String> warnings() {
        double[] spent = hull.resource();
        int[] rows = hull.rows();
        double[] loss = table.column("loss");
        String resource = request.resource().label();
        return java.util.stream.Stream.concat(readWarnings.stream(), hull.dominated().stream().map(d -> request.dropDominated()
                ? String.format(Locale.ROOT, "dominated: the hull run at %s (%s %.4g, loss %.5g) is left out of the "
                + "frontier and its fits (--drop-dominated): the run at %s spends less (%.4g) for a loss of %.5g; "
                + "Gemstones' rule would keep it", table.location(d.row()), resource, spent[indexOf(rows, d.row())],
                loss[d.row()], table.location(d.by()), spent[indexOf(rows, d.by())], loss[d.by()])
                : String.format(Locale.ROOT, "dominated: the frontier run at %s "
                + "(%s %.4g, loss %.5g) is kept by Gemstones' rule, which compares each hull vertex with the one "
                + "before it only, but the run at %s spends less (%.4g) for a loss of %.5g; the fits include it. "
                + "If it should not shape them, leave it out with --drop-dominated, or leave out the run that put it "
                + "there (e.g. a diverged run) with --where", table.location(d.row()), resource,
                spent[indexOf(rows, d.row())], loss[d.row()], table.location(d.by()), spent[indexOf(rows, d.by())],
                loss[d.by()]))).toList();
    }

    private static int indexOf(int[] rows, int row) {
        for (int t = 0; t < rows.length; t++) {
            if (rows[t] == row) {
                return t;
            }
        }
        throw new IllegalArgumentException("row " + row + " is not on the frontier");
    }
}
