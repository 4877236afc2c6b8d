package org.scalefit.heldout;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a held-out evaluation ({@link HeldOutEvaluation}): the sizes, the reference fit on all of them with
 * its in-sample errors, and one {@link HeldOutFit} per training split — per held-out size for
 * {@link HoldOut#LEAVE_ONE_SIZE_OUT}, per number k of smallest sizes fitted for {@link HoldOut#ROLLOUT}.
 *
 * @param mode      the split
 * @param law       the law fitted, with its objective and starts
 * @param sizes     the model sizes, smallest first
 * @param reference the fit on every size and its in-sample error on each
 * @param fits      the held-out fits, in order of held-out size (leave one out) or of k (roll-out)
 */
public record HeldOutReport(HoldOut mode, HeldOutLaw law, ModelSizes sizes, HeldOutFit reference,
                            List<HeldOutFit> fits) {

    public HeldOutReport {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(sizes, "sizes");
        Objects.requireNonNull(reference, "reference");
        fits = List.copyOf(fits);
    }

    /**
     * δ of every fit's Huber (or over-estimate) penalty: the built-in law's, or a written law's; NaN for a written
     * law's squared penalty.
     */
    public double delta() {
        return law.delta();
    }

    /** How many held-out fits found no optimum. */
    public long failedFits() {
        return fits.stream().filter(fit -> !fit.succeeded()).count();
    }
}
