package org.scalefit.io.analysis;

import java.util.List;
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
 * @param analysis     the frontier and its fits
 * @param overspending each run's overspend against the frontier run of nearest loss
 * @param binned       Chinchilla's binning minimisers, or null
 * @param shapeRatios  width, depth and exact-FLOPs/6N of each distinct shape; empty without shapes
 * @param provenance   the data, its SHA-256 and what was derived
 */
public record FrontierResult(FrontierRequest request, RunTable table, RunCompute costs, Approach1 analysis,
                             Overspending overspending, LossFrontier binned, List<double[]> shapeRatios,
                             FitProvenance provenance) {

    /** scalefit's frontier document. */
    public FrontierDocument document() {
        return FrontierDocument.of(request.resource().label(), analysis, binned, overspending,
                shapeRatios, table, costs.params(), table.column("tokens"), provenance);
    }
}
