package org.scalefit.overtraining;

import java.util.Objects;

/**
 * A fitted {@link OvertrainingLaw} and how the fit went. When {@link FitReport#failed()} the law's parameters are
 * NaN.
 *
 * @param law    the law at the optimum
 * @param report the fit's objective, starts and warnings
 */
public record OvertrainingFit(OvertrainingLaw law, FitReport report) {

    public OvertrainingFit {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(report, "report");
    }
}
