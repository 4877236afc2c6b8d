package org.scalefit.io.analysis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.accounting.Architecture;
import org.scalefit.data.RowLocation;
import org.scalefit.data.RunTable;
import org.scalefit.io.DataSource;
import org.scalefit.io.InputException;

/** The training FLOPs of a user's runs, as the frontier and the report count them. */
class CostRequestTest {

    @Test
    void aRunWhoseSixNDOverflowsIsRefusedAtItsRowNotAsAnUnnamedRun() {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("params", new double[] {1e7, 1e200});
        columns.put("tokens", new double[] {1e9, 1e200});
        columns.put("loss", new double[] {4, 3});
        RunTable table = new RunTable("runs.parquet", "sha", columns, new int[] {1, 2}, RowLocation.ROW);

        assertThatThrownBy(() -> CostRequest.defaults().count(table, DataSource.of("runs.parquet")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("runs.parquet, row 2: ")
                .hasMessageContaining("6ND").hasMessageContaining("1.0E200");
    }

    @Test
    void aRunWhoseGpuHoursOverflowIsRefusedAtItsLine() {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("params", new double[] {1e7, 1e8});
        columns.put("tokens", new double[] {1e9, 1e10});
        columns.put("loss", new double[] {4, 3});
        columns.put("step", new double[] {1e3, 1e200});
        columns.put("num_nodes", new double[] {1, 1});
        columns.put("seconds_per_step", new double[] {1, 1e200});
        RunTable table = new RunTable("runs.csv", "sha", columns, new int[] {2, 3}, RowLocation.LINE);

        assertThatThrownBy(() -> CostRequest.defaults().count(table, DataSource.of("runs.csv")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("runs.csv:3: ")
                .hasMessageContaining("GPU-hours");
    }

    @Test
    void aFlopsColumnBelowSixFlopsPerParameterIsRefusedAtItsLineAsNotFlops() {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("params", new double[] {1e7, 1e8});
        columns.put("tokens", new double[] {1e9, 1e10});
        columns.put("loss", new double[] {4, 3});
        columns.put("flops", new double[] {6e-4, 6e-2}); // in PF-days
        RunTable table = new RunTable("runs.csv", "sha", columns, new int[] {2, 3}, RowLocation.LINE);
        CostRequest flopsColumn = new CostRequest("compute_pfdays", null, Architecture.gemstones(), false, 8);

        assertThatThrownBy(() -> flopsColumn.count(table, DataSource.of("runs.csv")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("runs.csv:2: column 'compute_pfdays'")
                .hasMessageContaining("6·N");
    }
}
