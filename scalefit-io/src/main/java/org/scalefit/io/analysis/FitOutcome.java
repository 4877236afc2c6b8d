package org.scalefit.io.analysis;

import java.util.Objects;
import org.scalefit.fit.LawFit;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.FitDocument;
import org.scalefit.io.RunTiming;

/**
 * A fit made from a {@link FitRequest}: the {@link LawFit} (status, fitted law, named parameters, diagnostics), the
 * provenance of its data and how it was computed.
 *
 * @param fit        the fit
 * @param provenance where its points came from
 * @param run        threads and wall time
 */
public record FitOutcome(LawFit fit, FitProvenance provenance, RunTiming run) {

    public FitOutcome {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(run, "run");
    }

    /** The result document. */
    public FitDocument document() {
        return FitDocument.of(fit, provenance, run);
    }
}
