package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalefit.isoflop.ComputeOptimalLaws;
import org.scalefit.isoflop.ComputeSavings;
import org.scalefit.parallel.LocalParallelism;


class PorianComputeSavingsTest {

    private static List<ComputeSavings.Row> defaults;
    private static List<ComputeSavings.Row> limited;

    @BeforeAll
    static void run() {
        defaults = PorianStudy.computeSavings(Double.NaN, LocalParallelism.allCores());
        limited = PorianStudy.computeSavings(PorianStudy.LIMITED_COMPUTE_START, LocalParallelism.allCores());
    }

    @Test
    void bothVariantsRunTogetherGiveTheRowsOfEachRunAlone() {
        List<List<ComputeSavings.Row>> both = PorianStudy.computeSavings(
                new double[] {Double.NaN, PorianStudy.LIMITED_COMPUTE_START}, LocalParallelism.withThreads(1));

        assertThat(both).containsExactly(defaults, limited);
    }

    @Test
    void tenPrefixesWithGrowingCostAndTheLargestBudgetOfEach() {
        assertThat(defaults).hasSize(10);
        for (int i = 0; i < defaults.size(); i++) {
            ComputeSavings.Row row = defaults.get(i);
            assertThat(row.prefix()).isEqualTo(i + 3);
            assertThat(row.maxFlops()).isEqualTo(1.25e16 * Math.pow(2, i + 2));
            assertThat(row.startFlops()).isEqualTo(6.25e15);
            if (i > 0) {
                assertThat(row.cost()).isGreaterThan(defaults.get(i - 1).cost());
            }
        }
        assertThat(limited.get(0).fittedBudgets()).isEqualTo(defaults.get(0).fittedBudgets() - 1);
        assertThat(limited.get(0).startFlops()).isEqualTo(2.4e16);
    }

    @Test
    void theExponentIntervalNarrowsAroundOneHalfAsTheSweepGrows() {
        ComputeSavings.Row first = defaults.get(0);
        ComputeSavings.Row last = defaults.get(defaults.size() - 1);
        ComputeSavings.Estimate a = last.laws().get(ComputeOptimalLaws.Quantity.N).exponent();
        assertThat(a.low()).isLessThan(a.value());
        assertThat(a.high()).isGreaterThan(a.value());
        assertThat(a.value()).isBetween(0.45, 0.55);
        ComputeSavings.Estimate a0 = first.laws().get(ComputeOptimalLaws.Quantity.N).exponent();
        assertThat(a.high() - a.low()).isLessThan(a0.high() - a0.low());
        assertThat(last.rmsRelativeError()).isLessThan(first.rmsRelativeError());
        assertThat(last.laws().get(ComputeOptimalLaws.Quantity.N).predictions()).hasSize(2);
    }
}
