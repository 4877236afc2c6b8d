package org.scalefit.accounting;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.data.RunTable;

class RunComputeTest {

    @Test
    void aTableWithNeitherParamsNorAShapeNamesBothWaysToMapThem() {
        RunTable table = new RunTable("runs.csv", "hash", Map.of("tokens", new double[] {1e9}, "loss",
                new double[] {3.0}), new int[] {2});
        RunCompute.Rule rule = new RunCompute.Rule(false, null, Architecture.gemstones(), false, 8);

        assertThatThrownBy(() -> RunCompute.of(table, rule)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--column params=COLUMN").hasMessageContaining("--column width=COLUMN");
    }
}
