package org.scalefit.io.analysis;

import java.util.List;
import java.util.Objects;
import org.scalefit.fit.Identification;
import org.scalefit.fit.LawFit;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.FitDocument;
import org.scalefit.io.RunTiming;
import org.scalefit.io.FitInputs;
import org.scalefit.shapes.CountedShape;

/**
 * A fit made from a {@link FitRequest}: the {@link LawFit} (status, fitted law, named parameters, diagnostics), the
 * provenance of its data and how it was computed.
 *
 * @param fit        the fit
 * @param provenance where its points came from
 * @param run        threads and wall time
 * @param limits     the physical limits the data were checked against ({@link Identification})
 * @param shapes     the distinct shapes of the points fitted with their recorded params ({@link
 *                   FitInputs#countedShapes()}); empty when the data has no width, depth or params
 */
public record FitOutcome(LawFit fit, FitProvenance provenance, RunTiming run, Identification.Limits limits,
                         List<CountedShape> shapes) {

    public FitOutcome {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(limits, "limits");
        shapes = List.copyOf(shapes);
    }

    /** A fit whose data records no shapes. */
    public FitOutcome(LawFit fit, FitProvenance provenance, RunTiming run, Identification.Limits limits) {
        this(fit, provenance, run, limits, List.of());
    }

    /** A fit checked against the default physical limits. */
    public FitOutcome(LawFit fit, FitProvenance provenance, RunTiming run) {
        this(fit, provenance, run, Identification.Limits.DEFAULTS, List.of());
    }

    /** The result document (which records the limits when they are not the defaults). */
    public FitDocument document() {
        return FitDocument.of(fit, provenance, limits, run, shapes);
    }
}
