package org.scalefit.fit;

/**
 * How one {@link Lbfgs} run ended.
 *
 * @param status      why it stopped
 * @param value       f at the final point
 * @param iterations  iterations taken
 * @param evaluations function-and-gradient evaluations used
 */
public record LbfgsOutcome(Status status, double value, int iterations, int evaluations) {

    /** Why a run stopped. Only the two convergence tests count as success, as in scipy. */
    public enum Status {
        /** The last step reduced f by at most the relative-reduction tolerance. */
        CONVERGED_REDUCTION(true),
        /** ‖∇f‖∞ fell to the gradient tolerance. */
        CONVERGED_GRADIENT(true),
        /** Stopped on purpose by the caller (e.g. the start fell into a known basin). */
        STOPPED_BY_CALLER(false),
        /** Iteration limit reached. */
        ITERATION_LIMIT(false),
        /** Evaluation limit reached. */
        EVALUATION_LIMIT(false),
        /** No step satisfying the Wolfe conditions was found, even after a restart along −∇f. */
        LINE_SEARCH_FAILED(false),
        /** f or ∇f was not finite at the start. */
        NOT_FINITE(false);

        private final boolean success;

        Status(boolean success) {
            this.success = success;
        }

        /** True for the convergence statuses. */
        public boolean success() {
            return success;
        }
    }

    public boolean success() {
        return status.success();
    }
}
