package org.scalefit.io.analysis;

import org.scalefit.data.RunTable;
import org.scalefit.io.BenchmarkLawsDocument;
import org.scalefit.io.GemstonesBenchmarks;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.overtraining.BenchmarkLawFits;

/**
 * Downstream laws made from a {@link BenchmarksRequest}: the benchmark results, the losses and the fits.
 *
 * @param benchmarks the benchmark results
 * @param losses     the loss table matched against them
 * @param fits       the matched points and the laws fitted
 */
public record BenchmarksResult(GemstonesBenchmarks benchmarks, RunTable losses, BenchmarkLawFits fits) {

    /** The fits and the final accuracies. */
    public BenchmarkLawsDocument document() {
        return BenchmarkLawsDocument.of(benchmarks, losses, fits, ScalefitVersion.current());
    }
}
