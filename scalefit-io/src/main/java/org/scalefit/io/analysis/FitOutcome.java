package org.scalefit.io.analysis;

import java.util.Objects;
import org.scalefit.fit.Identification;
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
 * @param limits     the physical limits the data were checked against ({@link Identification})
 */
public record FitOutcome(LawFit fit, FitProvenance provenance, RunTiming run, Identification.Limits limits) {

    public FitOutcome {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(limits, "limits");
    }

    /** A fit checked against the default physical limits. */
    public FitOutcome(LawFit fit, FitProvenance provenance, RunTiming run) {
        this(fit, provenance, run, Identification.Limits.DEFAULTS);
    }

    /** The result document (which records the limits when they are not the defaults). */
    public FitDocument document() {
        return FitDocument.of(fit, provenance, limits, run);
    }
}
