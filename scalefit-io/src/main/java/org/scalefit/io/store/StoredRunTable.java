package org.scalefit.io.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.scalefit.data.RunTable;
import org.scalefit.io.ColumnMapping;

/**
 * A run table a stored result was computed from (a row of the store's {@code runs} table): where it was read from,
 * the SHA-256 of its bytes, how many runs it held and which file column each logical column was read from.
 *
 * @param source     the dataset id or file as given
 * @param dataSha256 SHA-256 of the bytes read
 * @param rows       runs read (before any analysis-specific filtering)
 * @param columns    logical column → file column, in the table's order (copied, unmodifiable)
 */
public record StoredRunTable(String source, String dataSha256, int rows, Map<String, String> columns) {

    public StoredRunTable {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dataSha256, "dataSha256");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** The record of {@code table}, whose columns were located with {@code mapping}. */
    public static StoredRunTable of(RunTable table, ColumnMapping mapping) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String logical : table.columnNames()) {
            columns.put(logical, mapping.fileColumn(logical));
        }
        return new StoredRunTable(table.source(), table.contentHash(), table.rows(), columns);
    }
}
