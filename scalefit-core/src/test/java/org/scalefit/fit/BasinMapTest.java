package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BasinMapTest {

    /** The rule of {@link BasinMap#recognise} on a plain map of cells, as the class states it (the reference). */
    private static double recogniseByDefinition(Map<Long, double[]> cells, double[] x, double value) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] visit : cells.values()) {
            if (!Double.isNaN(visit[1])) {
                best = Math.min(best, visit[1]);
            }
        }
        double[] visit = cells.get(BasinMap.cellKey(x, 0.2));
        if (visit == null || Double.isNaN(visit[1])
                || Math.abs(value - visit[0]) > BasinMap.VISIT_TOLERANCE * Math.abs(visit[0])
                || MultiStartFitter.withinMargin(visit[1], best)) {
            return Double.NaN;
        }
        return visit[1];
    }

    private static double[] point(Random random) {
        // Few distinct cells, so that cells are revisited, recorded twice and made ambiguous.
        return new double[] {0.2 * random.nextInt(6) + 0.05, 0.2 * random.nextInt(5) + 0.05,
                random.nextInt(3) == 0 ? Double.NaN : 0.2 * random.nextInt(4) + 0.05};
    }

    @Test
    void recognisesExactlyAsTheRuleOnAPlainMapStatesThroughWavesOfAdditions() {
        Random random = new Random(17);
        double[] finals = {1.0, 1.0005, 1.2, 2.0, 3.5, 0.9};
        BasinMap map = BasinMap.empty(0.2);
        Map<Long, double[]> reference = new HashMap<>();
        for (int wave = 0; wave < 12; wave++) {
            Map<Long, double[]> additions = new LinkedHashMap<>();
            int visits = 1 + random.nextInt(40);
            for (int v = 0; v < visits; v++) {
                double[] x = point(random);
                double finalValue = finals[random.nextInt(wave < 6 ? finals.length - 1 : finals.length)];
                double[] visit = {finalValue * (1 + random.nextDouble()), finalValue};
                BasinMap.record(additions, BasinMap.cellKey(x, 0.2), visit);
            }
            additions.forEach((key, visit) -> BasinMap.record(reference, key, visit));
            map.addAll(BasinMap.CellArrays.of(additions));
            assertThat(map.size()).isEqualTo(reference.size());
            for (int probe = 0; probe < 300; probe++) {
                double[] x = point(random);
                double value = finals[random.nextInt(finals.length)] * (1 + 1.2 * random.nextDouble());
                double expected = recogniseByDefinition(reference, x, value);
                double actual = map.recognise(x, value);
                assertThat(Double.doubleToLongBits(actual)).as("wave %d probe %d", wave, probe)
                        .isEqualTo(Double.doubleToLongBits(expected));
            }
        }
    }

    @Test
    void growsPastItsFirstCapacityAndForgetsTheLowestFinalOnlyWhenItsCellsBecomeAmbiguous() {
        BasinMap map = BasinMap.empty(0.2);
        Map<Long, double[]> first = new LinkedHashMap<>();
        first.put(BasinMap.cellKey(new double[] {0.1, 0.1}, 0.2), new double[] {2.0, 1.0});
        first.put(BasinMap.cellKey(new double[] {5.1, 0.1}, 0.2), new double[] {3.0, 2.0});
        map.addAll(BasinMap.CellArrays.of(first));
        assertThat(map.recognise(new double[] {5.1, 0.1}, 3.0)).isEqualTo(2.0);
        Map<Long, double[]> more = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            more.put(BasinMap.cellKey(new double[] {0.2 * i + 0.1, 3.1}, 0.2), new double[] {4.0, 3.0});
        }
        // the only cell that led to 1.0 now also led to 1.5: ambiguous, and 2.0 becomes the best final
        more.put(BasinMap.cellKey(new double[] {0.1, 0.1}, 0.2), new double[] {2.0, 1.5});
        map.addAll(BasinMap.CellArrays.of(more));
        assertThat(map.size()).isEqualTo(1002);
        assertThat(map.recognise(new double[] {0.1, 0.1}, 2.0)).isNaN();
        assertThat(map.recognise(new double[] {5.1, 0.1}, 3.0)).isNaN();   // now the best: never cut
        assertThat(map.recognise(new double[] {150.1, 3.1}, 4.01)).isEqualTo(3.0);
    }

    @Test
    void homeSlotsSpreadOverTablesOfAnySize() {
        // A table of 2²⁶ slots (millions of cells, as on the 4-input grid) must use all its index bits: an earlier
        // version took 24 bits whatever the size, and probing crawled once the table passed 2²⁴ slots.
        for (int bits = 4; bits <= 30; bits += 2) {
            int shift = 64 - bits;
            int slots = 1 << bits;
            int[] quarter = new int[4];
            for (long cell = 0; cell < 4000; cell++) {
                int home = BasinMap.homeSlot(BasinMap.cellKey(new double[] {0.2 * cell + 0.1, 0.1}, 0.2), shift);
                assertThat(home).isBetween(0, slots - 1);
                quarter[(int) ((long) home * 4 / slots)]++;
            }
            for (int count : quarter) {
                assertThat(count).as("table of 2^%d slots", bits).isBetween(700, 1300);
            }
        }
    }

    @Test
    void aCellWhoseKeyIsZeroTheTablesEmptyMarkerCountsLikeAnyOtherThroughGrowthAndAmbiguity() {
        BasinMap map = BasinMap.empty(0.2);
        double[] elsewhere = {5.1, 0.1};
        Map<Long, double[]> first = new LinkedHashMap<>();
        first.put(0L, new double[] {0.6, 0.5});
        first.put(BasinMap.cellKey(elsewhere, 0.2), new double[] {3.0, 1.0});
        map.addAll(BasinMap.CellArrays.of(first));
        // the key-0 cell holds the best final (0.5), so a path to 1.0 is worse by more than the margin: cut
        assertThat(map.recognise(elsewhere, 3.0)).isEqualTo(1.0);

        Map<Long, double[]> more = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            more.put(BasinMap.cellKey(new double[] {0.2 * i + 0.1, 3.1}, 0.2), new double[] {4.0, 3.0});
        }
        map.addAll(BasinMap.CellArrays.of(more));
        assertThat(map.size()).isEqualTo(1002);
        assertThat(map.recognise(elsewhere, 3.0)).as("after growing past 16 slots").isEqualTo(1.0);

        map.addAll(BasinMap.CellArrays.of(Map.of(0L, new double[] {0.6, 0.9})));
        // the key-0 cell is now ambiguous: 1.0 is the best final, and a path to it is never cut
        assertThat(map.size()).isEqualTo(1002);
        assertThat(map.recognise(elsewhere, 3.0)).isNaN();
    }
}
