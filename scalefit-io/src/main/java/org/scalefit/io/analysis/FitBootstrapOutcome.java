package org.scalefit.io.analysis;

import java.util.List;
import org.scalefit.io.FitBootstrapDocument;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.LawFiles;
import org.scalefit.io.RunTiming;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.StoredFit;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.BootstrapResult;

/**
 * The bootstrap of a stored fit ({@link FitBootstrapRequest}): the fit, the data it was redone on, the replicates'
 * summaries (standard errors, covariances, percentile intervals, refits that failed), the allocation bands, and how
 * it was computed.
 *
 * @param stored     the fit
 * @param data       the data the replicates were drawn from
 * @param result     the bootstrap
 * @param resampling what was resampled and how
 * @param warnings   what the reader of the intervals must know about the resampling (empty when nothing)
 * @param allocation the compute-optimal allocation's bands, or null when no budgets were asked for
 * @param extrapolations why budgets of the bands are extrapolations of the fit ({@link
 *                   org.scalefit.io.AllocationRules#extrapolations}: a budget, or its estimate's N or D, more than an
 *                   order of magnitude beyond the fit's runs), as {@code allocate} says; empty when none is or no
 *                   budgets were asked for
 * @param run        threads and wall time
 */
public record FitBootstrapOutcome(StoredFit stored, FitProvenance data, BootstrapResult result,
                                  FitBootstrapDocument.Resampling resampling, List<String> warnings,
                                  AllocationBands allocation, List<String> extrapolations, RunTiming run) {

    public FitBootstrapOutcome {
        warnings = List.copyOf(warnings);
        extrapolations = List.copyOf(extrapolations);
    }

    /** The bootstrap document; {@code draws} adds every replicate's parameters. */
    public FitBootstrapDocument document(boolean draws) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(extrapolations);
        return FitBootstrapDocument.of(stored, LawFiles.sha256(stored.file()), data, result, resampling, all,
                allocation, run, draws, ScalefitVersion.current());
    }
}
