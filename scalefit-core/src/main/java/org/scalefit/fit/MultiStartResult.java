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
 * @param evaluations       objective-and-gradient evaluations over all starts
 * @param verificationEvaluations objective evaluations spent polishing and testing the leaders afterwards
 * @param leaders           the best few distinct successful outcomes of the grid, best first
 * @param stationarity      the evidence that {@code best} is a local minimum (null if no start converged)
 * @param secondBest        the best optimum of another basin whose objective is within
 *                          {@link MultiStartFitter#COMPETING_MARGIN} of the best, polished; null if there is none
 */
public record MultiStartResult(StartGrid grid, StartOutcome best, StartOutcome gridBest, boolean polished, long starts,
                               long successfulStarts, long recognisedStarts, long evaluations,
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
}
