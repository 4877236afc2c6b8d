package org.scalefit.overtraining;

import java.util.Objects;

/**
 * A fitted {@link DownstreamErrorLaw} and how the fit went. When {@link FitReport#failed()} the law's parameters
 * and statistics are NaN.
 *
 * @param law        the law at the optimum
 * @param report     the fit's objective, starts and warnings
 * @param statistics RSS, R² and the parameters' standard errors (order k, γ, ε) at the optimum
 */
public record DownstreamFit(DownstreamErrorLaw law, FitReport report, FitStatistics statistics) {

    public DownstreamFit {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(statistics, "statistics");
    }
}
