package org.scalefit.report.dataset;

import java.util.Objects;
import org.scalefit.fit.LawFit;
import org.scalefit.report.Report;

/**
 * What {@link DatasetReportRequest#build} gives: the report, ready for {@link org.scalefit.report.HtmlReport#write},
 * and the Approach-3 fit behind it (its status decides the command's exit code: a report is written even when the
 * fit failed or the data cannot identify the law).
 *
 * @param report  the report, with the run's time and timings in its provenance
 * @param fit     the Approach-3 params/tokens fit
 * @param seconds wall-clock seconds the analyses took
 */
public record DatasetReport(Report report, LawFit fit, double seconds) {

    public DatasetReport {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(fit, "fit");
    }

    /** The fit's status label: {@code converged}, {@code not_identified}, … */
    public String fitStatus() {
        return fit.status().label();
    }
}
