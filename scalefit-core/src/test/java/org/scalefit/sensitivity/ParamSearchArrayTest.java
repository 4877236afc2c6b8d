package org.scalefit.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalefit.fit.StartGrid;

class ParamSearchArrayTest {

    /** Spec §2.2 [repro]: target → (e, c, r, actual size) of create_param_search_array(2, g). */
    @ParameterizedTest(name = "g = {0}")
    @CsvSource({
        "3000, 3, 7, 7, 3087", "4000, 4, 6, 7, 4032", "5000, 5, 7, 4, 4900", "6000, 5, 7, 5, 6125",
        "7000, 6, 7, 4, 7056", "8000, 5, 8, 5, 8000", "9000, 6, 6, 7, 9072", "10000, 5, 7, 8, 9800",
        "15000, 6, 9, 5, 14580", "20000, 7, 9, 5, 19845", "25000, 7, 8, 8, 25088", "30000, 7, 10, 6, 29400",
        "35000, 7, 10, 7, 34300", "40000, 7, 9, 10, 39690", "45000, 8, 10, 7, 44800", "50000, 7, 10, 10, 49000",
        "60000, 9, 9, 9, 59049", "70000, 10, 10, 7, 70000", "80000, 10, 10, 8, 80000", "90000, 10, 10, 9, 90000"})
    void subdivisionsAreTheOriginalsForEveryGemstonesGridSize(long target, int e, int c, int r, long actual) {
        ParamSearchArray array = ParamSearchArray.forTarget(2, target);
        assertThat(array).isEqualTo(new ParamSearchArray(2, target, e, c, r));
        assertThat(array.size()).isEqualTo(actual);
        assertThat(array.grid().size()).isEqualTo(actual);
    }

    @Test
    void theTwentyGemstonesSizesHold607824StartsPerDelta() {
        List<Long> sizes = DeltaGridSweep.gemstonesGridSizes();
        assertThat(sizes).hasSize(20).startsWith(3000L, 4000L).endsWith(80_000L, 90_000L);
        assertThat(DeltaGridSweep.totalStarts(DeltaGridSweep.configurations(List.of(1e-3), sizes)))
                .isEqualTo(607_824);
    }

    @Test
    void gridValuesAreNumpyLinspacesEnumeratedLikeItertoolsProduct() {
        StartGrid grid = ParamSearchArray.forTarget(2, 3000).grid(); // e = 3, c = 7, r = 7
        double[] theta = new double[5];
        grid.start(0, theta);
        assertThat(theta).containsExactly(0, 0, 0, 0, -1);
        grid.start(1, theta);
        assertThat(theta).containsExactly(0, 0, 0, 0, -1 + 2.5 / 6);
        grid.start(7, theta);
        assertThat(theta).containsExactly(0, 0, 0, 5, -1);
        grid.start(49, theta);
        assertThat(theta).containsExactly(0, 0, 5, 0, -1);
        grid.start(343, theta);
        assertThat(theta).containsExactly(0, 1.25, 0, 0, -1);
        grid.start(3086, theta);
        assertThat(theta).containsExactly(2.5, 2.5, 30, 30, 1.5);
    }

    @Test
    void theGemstonesSizeForTwoInputsIs4500StartsLikeTheDefaultGrid() {
        ParamSearchArray array = ParamSearchArray.forTarget(2, 4500);
        assertThat(array.size()).isEqualTo(StartGrid.gemstones(2).size());
        assertThat(array).isEqualTo(new ParamSearchArray(2, 4500, 5, 6, 5));
    }

    @Test
    void aTargetBeyondTenValuesPerParameterIsRefused() {
        assertThatThrownBy(() -> ParamSearchArray.forTarget(2, 100_000_000L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
        assertThatThrownBy(() -> ParamSearchArray.forTarget(2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
