package org.scalefit.io.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.data.RunTable;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.RunTiming;
import org.scalefit.io.SamplingDocument;
import org.scalefit.sensitivity.ReferenceDesign;
import org.scalefit.sensitivity.SamplingComparison;

/**
 * A reduced-sampling study made from a {@link SamplingRequest}: the design, both samples, and the full-versus-reduced
 * comparison of one's own runs, then of the reference.
 *
 * @param design           the reference design
 * @param tokenUnit        the unit one's own token counts were rounded to
 * @param ourSample        one's own runs sampled like the design
 * @param referenceReduced the reference's runs in the size windows
 * @param comparisons      one's own, then the reference's
 * @param provenance       both tables, their SHA-256 and the transforms
 * @param run              threads and wall time of the fits
 */
public record SamplingResult(ReferenceDesign design, double tokenUnit, RunTable ourSample, RunTable referenceReduced,
                             List<SamplingComparison> comparisons, FitProvenance provenance, RunTiming run) {

    public SamplingResult {
        comparisons = List.copyOf(comparisons);
    }

    /** Whether every fit converged. */
    public boolean succeeded() {
        return comparisons.stream().allMatch(SamplingComparison::succeeded);
    }

    /** The comparison, the design and both samples. */
    public SamplingDocument document() {
        Map<String, RunTable> samples = new LinkedHashMap<>();
        samples.put("data", ourSample);
        samples.put("reference", referenceReduced);
        return SamplingDocument.of(comparisons, design, tokenUnit, samples, provenance, run);
    }
}
