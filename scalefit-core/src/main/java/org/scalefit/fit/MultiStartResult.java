package org.scalefit.fit;

import java.util.List;

/**
 * The outcome of a multi-start search.
 *
 * @param grid              the grid searched
 * @param best              the best successful start (after polishing, if {@code polished})
 * @param gridBest          the best successful start as the grid search left it, before polishing
 * @param polished          whether {@code best} was refined with tight tolerances after the search
 * @param starts            how many starts were run
 * @param successfulStarts  how many converged by the optimiser's own tests (recognised ones included)
 * @param recognisedStarts  how many were stopped early because they had entered the basin of an optimum
 *                          already found, and were counted as converging to it
 * @param budgetCutStarts   how many were stopped by an evaluation or iteration limit lowered below the default
 *                          ({@link MultiStartFitter.Options#budgetLowered()}) before converging ({@link
 *                          LbfgsOutcome.Status#EVALUATION_LIMIT}, {@link LbfgsOutcome.Status#ITERATION_LIMIT}): the
 *                          search did not run them to their end, so it may have missed a lower optimum
 * @param evaluations       objective-and-gradient evaluations over all starts
 * @param verificationEvaluations objective evaluations spent polishing and testing the leaders afterwards
 * @param leaders           the best few distinct successful outcomes of the grid, best first
 * @param stationarity      the evidence that {@code best} is a local minimum (null if no start converged)
 * @param secondBest        the best optimum of another basin whose objective is within
 *                          {@link MultiStartFitter#COMPETING_MARGIN} of the best, polished; null if there is none
 */
public record MultiStartResult(StartGrid grid, StartOutcome best, StartOutcome gridBest, boolean polished, long starts,
                               long successfulStarts, long recognisedStarts, long budgetCutStarts, long evaluations,
                               long verificationEvaluations, List<StartOutcome> leaders, Stationarity stationarity, StartOutcome secondBest) {

    public MultiStartResult {
        leaders = List.copyOf(leaders);
    }

    /** True if at least one start converged. */
    public boolean found() {
        return best != null;
    }

    /** True if a start converged and the reported optimum passed the stationarity test. */
    public boolean converged() {
        return found() && stationarity != null && stationarity.holds();
    }

    /** True if the evaluation budget stopped some start before it converged ({@link #budgetCutStarts()}). */
    public boolean budgetCut() {
        return budgetCutStarts > 0;
    }

    /**
     * What a result says when the budget of {@code perStart} evaluations stopped starts before they converged: how
     * many, that the lowest optimum may not have been reached (the search runs every start to its end, {@link
     * MultiStartFitter}), and how to lift the limit; null when it stopped none.
     */
    public String budgetWarning(long perStart) {
        if (!budgetCut()) {
            return null;
        }
        String reached = !found() ? "no start reached an optimum"
                : converged() ? "the reported point is a tested local minimum, but the lowest optimum may not be "
                + "reached (a start that was stopped may have led lower)"
                : "the reported point is not even a tested local minimum, and the lowest optimum may not be reached";
        return String.format(java.util.Locale.ROOT, "budget cut: %d of %d starts were stopped by the evaluation limit "
                + "(%d per start) before they converged, so the search did not run every start to its end; %s. "
                + "Raise --max-evaluations (default %d) or leave it out", budgetCutStarts, starts, perStart, reached,
                LbfgsSettings.scaleFree().maxEvaluations());
    }
}
