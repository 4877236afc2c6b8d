package org.scalefit.heldout;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One fit of a held-out evaluation: the sizes it was fitted on, the fit, and its errors on the sizes it did not see
 * (or, for the reference fit on every size, its in-sample errors on each).
 *
 * @param fittedSizes the size numbers fitted on, ascending
 * @param fit         the multi-start fit on their points ({@link HeldOutLaw#fit})
 * @param errors      the errors on the predicted sizes, smallest first; empty if the fit failed
 */
public record HeldOutFit(int[] fittedSizes, HeldOutLaw.Fitted fit, List<SizeError> errors) {

    public HeldOutFit {
        fittedSizes = fittedSizes.clone();
        Objects.requireNonNull(fit, "fit");
        errors = List.copyOf(errors);
    }

    @Override
    public int[] fittedSizes() {
        return fittedSizes.clone();
    }

    /** Whether the fit converged to a tested local minimum ({@link HeldOutLaw.Fitted#succeeded()}). */
    public boolean succeeded() {
        return fit.succeeded();
    }

    /** The mean over the predicted sizes of their mean percent error; NaN if nothing was predicted. */
    public double meanPercentError() {
        return errors.stream().mapToDouble(SizeError::meanPercentError).average().orElse(Double.NaN);
    }

    /** The largest percent error over all predicted points; NaN if nothing was predicted. */
    public double maxPercentError() {
        return errors.stream().mapToDouble(SizeError::maxPercentError).max().orElse(Double.NaN);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeldOutFit that && Arrays.equals(fittedSizes, that.fittedSizes)
                && fit.equals(that.fit) && errors.equals(that.errors);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fittedSizes) + errors.hashCode();
    }
}
