package org.scalefit.io.analysis;

import org.scalefit.data.Observations;
import org.scalefit.heldout.HeldOutReport;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.HeldOutDocument;
import org.scalefit.io.RunTiming;
import org.scalefit.io.ScalefitVersion;

/**
 * A held-out evaluation made from a {@link PreparedHeldOut}: every fit and its predictions.
 *
 * @param prepared     the points and sizes
 * @param observations the points fitted
 * @param report       the fits and their errors
 * @param provenance   the data, its SHA-256 and the transforms
 * @param run          threads and wall time
 */
public record HeldOutResult(PreparedHeldOut prepared, Observations observations, HeldOutReport report,
                            FitProvenance provenance, RunTiming run) {

    /** Every fit and prediction. */
    public HeldOutDocument document() {
        return HeldOutDocument.of(report, prepared.evaluation(), observations, prepared.key(), prepared.sizeOrder(),
                provenance, run, ScalefitVersion.current());
    }
}
