package org.scalefit.sensitivity;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.scalefit.data.RunTable;

/** Row subsets of a {@link RunTable}, keeping each row's source line. */
final class Rows {

    private Rows() {
    }

    /** The rows {@code rows} of {@code table}, in that order. */
    static RunTable subset(RunTable table, int[] rows) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (String name : table.columnNames()) {
            double[] all = table.column(name);
            columns.put(name, Arrays.stream(rows).mapToDouble(i -> all[i]).toArray());
        }
        return new RunTable(table.source(), table.contentHash(), columns,
                Arrays.stream(rows).map(table::sourceLine).toArray(), table.locations());
    }
}
