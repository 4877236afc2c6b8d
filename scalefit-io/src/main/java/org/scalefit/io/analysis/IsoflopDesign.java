package org.scalefit.io.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether runs form an IsoFLOP design (Hoffmann et al. 2022 §3.2): sorted by training FLOPs, a run more than
 * {@value #SAME_BUDGET}× the one before it starts a new budget (6ND of rounded counts scatters a little), and the
 * runs are a design when they fall in at least 2 budgets of at least 3 runs each — the points Approach 2 needs for
 * one profile's minimum per budget and a power law through the minima. The frontier of Approach 1 keeps about one run
 * of each budget; Approach 2 uses every run.
 *
 * @param budgets the number of budgets
 * @param fewest  the runs of the smallest budget
 * @param most    the runs of the largest budget
 */
public record IsoflopDesign(int budgets, int fewest, int most) {

    /** Budgets within this factor of each other are one IsoFLOP budget. */
    public static final double SAME_BUDGET = 1.1;

    /** The design of runs with these training FLOPs, if they form one. */
    public static Optional<IsoflopDesign> of(double[] flops) {
        double[] sorted = flops.clone();
        Arrays.sort(sorted);
        List<Integer> sizes = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i > 0 && sorted[i] > sorted[i - 1] * SAME_BUDGET) {
                sizes.add(size);
                size = 0;
            }
            size++;
        }
        sizes.add(size);
        int fewest = sizes.stream().mapToInt(Integer::intValue).min().orElse(0);
        int most = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (sizes.size() < 2 || fewest < 3) {
            return Optional.empty();
        }
        return Optional.of(new IsoflopDesign(sizes.size(), fewest, most));
    }
}
