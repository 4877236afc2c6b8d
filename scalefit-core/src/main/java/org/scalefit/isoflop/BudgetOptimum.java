package org.scalefit.isoflop;

import java.util.List;
import java.util.Optional;

/**
 * The IsoFLOP analysis of one budget: the cleaned points, both axes' profiles with their bootstraps, the optimal pair
 * if the budget has one, and what was wrong with it otherwise.
 *
 * <p>A budget has an optimum iff its noiseless size-axis optimum is interior and the bootstraps of both axes
 * succeeded. Porian et al. check only the size axis when they build the optimal pairs, but their fits then drop
 * (pandas {@code dropna}) every budget whose token spread is missing, so a budget with a failed token bootstrap
 * enters none of their fits; here it has no optimum. The token axis's noiseless optimum is not checked. A budget
 * with fewer than three distinct sizes is skipped entirely: no profiles, no random numbers drawn.
 *
 * @param budget  the points as analysed (sorted by size; bad points dropped, the runs of a repeated size averaged,
 *                {@link IsoflopBudget#replicates()})
 * @param sizes   the size-axis profile, or null when skipped
 * @param tokens  the token-axis profile, or null when skipped
 * @param pair    the optimal pair, or null without an optimum
 * @param issues  what was dropped, merged or wrong, in words (empty for a clean budget with an optimum)
 */
public record BudgetOptimum(IsoflopBudget budget, AxisProfile sizes, AxisProfile tokens, OptimalPair pair,
                            List<String> issues) {

    public BudgetOptimum {
        issues = List.copyOf(issues);
    }

    /** The budget C. */
    public double flops() {
        return budget.flops();
    }

    /** Whether the budget has an optimum and enters the fits. */
    public boolean hasOptimum() {
        return pair != null;
    }

    /** The optimal pair, if any. */
    public Optional<OptimalPair> optimalPair() {
        return Optional.ofNullable(pair);
    }

    /** Whether the budget was skipped (fewer than three usable sizes). */
    public boolean skipped() {
        return sizes == null;
    }
}
