package org.scalefit.heldout;

import java.util.List;
import java.util.Objects;
import org.scalefit.law.LawForm;

/**
 * The outcome of a held-out evaluation ({@link HeldOutEvaluation}): the sizes, the reference fit on all of them with
 * its in-sample errors, and one {@link HeldOutFit} per training split — per held-out size for
 * {@link HoldOut#LEAVE_ONE_SIZE_OUT}, per number k of smallest sizes fitted for {@link HoldOut#ROLLOUT}.
 *
 * @param mode      the split
 * @param law       the law fitted
 * @param delta     the Huber threshold δ of every fit
 * @param sizes     the model sizes, smallest first
 * @param reference the fit on every size and its in-sample error on each
 * @param fits      the held-out fits, in order of held-out size (leave one out) or of k (roll-out)
 */
public record HeldOutReport(HoldOut mode, LawForm law, double delta, ModelSizes sizes, HeldOutFit reference,
                            List<HeldOutFit> fits) {

    public HeldOutReport {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(sizes, "sizes");
        Objects.requireNonNull(reference, "reference");
        fits = List.copyOf(fits);
    }

    /** How many held-out fits found no optimum. */
    public long failedFits() {
        return fits.stream().filter(fit -> !fit.succeeded()).count();
    }
}
