package org.scalefit.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OverspendingTest {

    @Test
    void theLargestOverspendsAreTheHeadOfAStableDescendingSort() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = random.nextInt(60);
            double[] percent = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(10);
                percent[i] = kind == 0 ? Double.NaN : kind < 4 ? random.nextInt(4) * 10.0 : random.nextDouble() * 100;
            }
            Overspending overspending = new Overspending(new int[n], percent);
            Integer[] sorted = new Integer[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = i;
            }
            Arrays.sort(sorted, (a, b) -> Double.compare(percent[b], percent[a]));
            for (int count : new int[] {0, 1, 3, 10, 100}) {
                int[] expected = Arrays.stream(sorted).limit(count).mapToInt(Integer::intValue).toArray();
                assertThat(overspending.largest(count)).as("trial %d, count %d", trial, count).containsExactly(expected);
            }
        }
    }
}
