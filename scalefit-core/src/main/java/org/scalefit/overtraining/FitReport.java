package org.scalefit.overtraining;

import java.util.List;
import java.util.Objects;

/**
 * How a least-squares fit of a Gadre law went: the objective reached, how many starts converged and agreed, and
 * warnings when the optimum is degenerate.
 *
 * <p>{@link Status#FAILED}: no start converged, the parameters are NaN and must not be used.
 * {@link Status#DEGENERATE}: a minimum was found but {@link #warnings()} says why it should not be trusted
 * (an exponent or coefficient with the wrong sign, a flat direction, as many distinct points as parameters, an
 * optimum that is not unique, an exponent at the edge of the search interval). {@link Status#CONVERGED}: none of these.
 *
 * @param solver           the method used
 * @param status           converged, degenerate or failed
 * @param points           the number n of fitted points
 * @param parameters       the number of fitted parameters
 * @param sumOfSquares     SSR = Σ (ŷ_i − y_i)² at the optimum (NaN when failed)
 * @param starts           starts tried (1 for variable projection)
 * @param convergedStarts  starts that ended at a finite point without exhausting their evaluations
 * @param startsAtOptimum  converged starts whose parameters agree with the optimum to 1e-6 relative
 * @param bestStart        the 0-based grid index of the winning start (0 for variable projection, −1 when failed)
 * @param evaluations      model evaluations, all starts together
 * @param conditionNumber  the condition number of the column-scaled Jacobian at the optimum (∞ for a flat
 *                         direction; NaN when failed)
 * @param warnings         why the optimum is degenerate or the fit failed; empty when it converged cleanly
 */
public record FitReport(Solver solver, Status status, int points, int parameters, double sumOfSquares, int starts,
                        int convergedStarts, int startsAtOptimum, int bestStart, long evaluations,
                        double conditionNumber, List<String> warnings) {

    /** The outcome of a fit. */
    public enum Status {
        /** A minimum was found and no degeneracy was detected. */
        CONVERGED,
        /** A minimum was found but the warnings say why it should not be trusted. */
        DEGENERATE,
        /** No start converged; there are no parameters. */
        FAILED
    }

    public FitReport {
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(status, "status");
        warnings = List.copyOf(warnings);
    }

    /**
     * sqrt(SSR / (n − 2)), the code's criterion for choosing among starts ({@code curve_fit_powlaw_ours}; n − 2
     * whatever the number of parameters). It is monotone in SSR.
     */
    public double residualScale() {
        return Math.sqrt(sumOfSquares / (points - 2));
    }

    /** Whether the fit failed: no parameters. */
    public boolean failed() {
        return status == Status.FAILED;
    }
}
