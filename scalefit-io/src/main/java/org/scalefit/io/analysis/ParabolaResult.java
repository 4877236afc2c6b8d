package org.scalefit.io.analysis;

import org.scalefit.io.ParabolaDocument;
import org.scalefit.io.ParabolaJson;
import org.scalefit.io.RunTiming;
import org.scalefit.io.ScalefitVersion;

/**
 * An overtraining parabola made from a {@link ParabolaRequest}: the search, the laws, the factors, one panel per
 * budget (its relaxed optimum, parabola and industry models), and the run's threads and wall time.
 *
 * @param analysis the analysis
 * @param run      threads and wall time
 */
public record ParabolaResult(ParabolaJson.Analysis analysis, RunTiming run) {

    /** scalefit's parabola document. */
    public ParabolaDocument document() {
        return ParabolaDocument.of(analysis, ScalefitVersion.current(), run);
    }

    /** One CSV line per budget and factor ({@link ParabolaJson#csv}). */
    public String csv() {
        return new ParabolaJson().csv(analysis);
    }
}
