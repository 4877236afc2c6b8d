package org.scalefit.io.analysis;

import java.util.List;
import org.scalefit.io.RunTiming;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.ShapeSearchDocument;
import org.scalefit.io.ShapeSearchJson;
import org.scalefit.io.ShapeSearchJson.LawResult;
import org.scalefit.shapes.ShapeSearch;

/**
 * A shape search made from a {@link ShapeSearchRequest}: per law its grid optima and, if asked, their refinements.
 *
 * @param search  the grid, buckets and accounting searched
 * @param results one per law, in the request's order
 * @param run     threads and wall time
 */
public record ShapeSearchResult(ShapeSearch search, List<LawResult> results, RunTiming run) {

    public ShapeSearchResult {
        results = List.copyOf(results);
    }

    /** scalefit's shape-search document. */
    public ShapeSearchDocument document() {
        return ShapeSearchDocument.of(search, results, ScalefitVersion.current(), run);
    }

    /** One CSV line per law, bucket and kind ({@link ShapeSearchJson#csv}). */
    public String csv() {
        return new ShapeSearchJson().csv(results);
    }
}
