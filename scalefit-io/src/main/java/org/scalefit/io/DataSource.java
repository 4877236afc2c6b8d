package org.scalefit.io;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scalefit.data.RunTable;

/**
 * Which runs an analysis reads: a bundled dataset ({@code gemstones:hot}, {@code chinchilla:epoch}), a
 * JSONL/CSV/Parquet file, or {@value #STDIN} for standard input, with the logical columns mapped to file columns
 * ({@link ColumnMapping}: the defaults, overridden by {@code columns}), the rows a condition keeps, and the unit
 * each column is counted in ({@code units}: a value x of a column in units of f is read as f·x, before any check;
 * {@link ColumnRequest#withUnits}).
 *
 * <p>A source may carry a {@link ReadProgress} told how far each read of it has got ({@link #withProgress}); it
 * is a listener, not part of what is read, so it takes no part in {@link #equals}, {@link #hashCode} or
 * {@link #toString}.
 *
 * @param data     the dataset id, file path or {@value #STDIN}
 * @param columns  logical column → file column, overriding {@link ColumnMapping#defaults()}; in the order given
 * @param where    a row condition over the file's columns ({@link ColumnRequest#withWhere}), or null for all rows
 * @param units    logical column → the size of the unit the file counts it in, a positive finite number (e.g.
 *                 tokens → 1e9 for tokens in billions); in the order of {@link ColumnMapping#LOGICAL_NAMES}
 * @param progress told the progress of each read ({@link ReadProgress#NONE} for none)
 */
public record DataSource(String data, Map<String, String> columns, String where, Map<String, Double> units,
                         ReadProgress progress) {

    /** The {@code data} value that reads standard input. */
    public static final String STDIN = "-";

    public DataSource {
        Objects.requireNonNull(data, "data");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        for (Map.Entry<String, Double> unit : units.entrySet()) {
            if (!ColumnMapping.UNIT_NAMES.contains(unit.getKey())) {
                throw new IllegalArgumentException("unknown logical column '" + unit.getKey() + "' in "
                        + ColumnRequest.unitOption(unit.getKey(), unit.getValue()) + "; expected one of "
                        + String.join(", ", ColumnMapping.UNIT_NAMES) + " (LOGICAL=FACTOR)");
            }
        }
        units = ColumnRequest.requireUnits(units);
        Objects.requireNonNull(progress, "progress");
    }

    /** The rows of {@code data} where {@code where} holds (null: all rows), every column in the file's own unit. */
    public DataSource(String data, Map<String, String> columns, String where, ReadProgress progress) {
        this(data, columns, where, Map.of(), progress);
    }

    /** The rows of {@code data} where {@code where} holds (null: all rows), read without progress reports. */
    public DataSource(String data, Map<String, String> columns, String where) {
        this(data, columns, where, ReadProgress.NONE);
    }

    /** All rows of {@code data} under these column mappings. */
    public DataSource(String data, Map<String, String> columns) {
        this(data, columns, null);
    }

    /** {@code data} under the default column names. */
    public static DataSource of(String data) {
        return new DataSource(data, Map.of());
    }

    /**
     * The default column names ({@link ColumnMapping#defaults()}), overridden by {@link #columns()}.
     *
     * @throws IllegalArgumentException if a mapping names a logical column no analysis reads
     */
    public ColumnMapping mapping() {
        ColumnMapping mapping = ColumnMapping.defaults();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            if (!ColumnMapping.LOGICAL_NAMES.contains(column.getKey())) {
                throw new IllegalArgumentException("unknown logical column '" + column.getKey() + "' in --column "
                        + column.getKey() + "=" + column.getValue() + "; expected one of "
                        + String.join(", ", ColumnMapping.LOGICAL_NAMES) + " (LOGICAL=FILE_COLUMN)");
            }
            mapping = mapping.with(column.getKey(), column.getValue());
        }
        return mapping;
    }

    /**
     * What this source selects and rescales, as a result records it among its transforms: the row condition
     * ({@link ColumnRequest#whereLabel}), then each column's unit ({@link ColumnRequest#unitLabel}).
     */
    public List<String> selectionLabels() {
        List<String> labels = new ArrayList<>();
        if (where != null) {
            labels.add(ColumnRequest.whereLabel(where));
        }
        units.forEach((logical, factor) -> labels.add(ColumnRequest.unitLabel(logical, factor)));
        return List.copyOf(labels);
    }

    /** The same columns read from {@code file} instead (e.g. a local copy of {@link #data()}). */
    public DataSource reading(String file) {
        return new DataSource(file, columns, where, units, progress);
    }

    /** This source with {@code more} mappings added, replacing any of the same logical column. */
    public DataSource withColumns(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(columns);
        merged.putAll(more);
        return new DataSource(data, merged, where, units, progress);
    }

    /** This source keeping only the rows where {@code condition} holds (null: all rows). */
    public DataSource withWhere(String condition) {
        return new DataSource(data, columns, condition, units, progress);
    }

    /**
     * This source reading each column named in {@code factors} in units of its factor (a value x is read as f·x),
     * replacing the units given before (empty: every column as the file gives it).
     *
     * @throws IllegalArgumentException if a name is not a numeric logical column, or a factor is not a positive
     *                                  finite number
     */
    public DataSource withUnits(Map<String, Double> factors) {
        return new DataSource(data, columns, where, factors, progress);
    }

    /** This source, telling {@code listener} how far each read of it has got. */
    public DataSource withProgress(ReadProgress listener) {
        return new DataSource(data, columns, where, units, listener);
    }

    /** Reads the requested columns of the runs, under {@link #mapping()}. */
    public RunTable read(ColumnRequest request) {
        return readWithColumns(request).table();
    }

    /** As {@link #read}, with the file columns that were read ({@value #STDIN}: standard input, read to its end). */
    public TableReader.Read readWithColumns(ColumnRequest request) {
        return readWithColumns(request, new TableReader());
    }

    /**
     * As {@link #readWithColumns(ColumnRequest)}, through {@code reader} (e.g. {@link TableReader#keepingBadValues()}
     * for an analysis that reports bad points itself).
     */
    public TableReader.Read readWithColumns(ColumnRequest request, TableReader reader) {
        return readWithColumns(request, reader, System.in);
    }

    /**
     * As {@link #readWithColumns(ColumnRequest, TableReader)}, taking the content of {@value #STDIN} from
     * {@code standardInput} (e.g. a copy of it, for a caller that reads the source more than once: standard input
     * itself can be read only once); other sources ignore it.
     */
    public TableReader.Read readWithColumns(ColumnRequest request, TableReader reader, InputStream standardInput) {
        ColumnRequest located = request.withMapping(mapping()).withWhere(where).withUnits(units);
        TableReader reporting = progress == ReadProgress.NONE ? reader : reader.withProgress(progress);
        return STDIN.equals(data) ? reporting.readWithColumns(standardInput, STDIN, located)
                : reporting.readWithColumns(data, located);
    }

    /**
     * Equal if the data, columns, condition and units are: the {@link #progress() progress listener} does not count.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof DataSource that && data.equals(that.data) && columns.equals(that.columns)
                && Objects.equals(where, that.where) && units.equals(that.units);
    }

    @Override
    public int hashCode() {
        return Objects.hash(data, columns, where, units);
    }

    @Override
    public String toString() {
        return "DataSource[data=" + data + ", columns=" + columns + ", where=" + where + ", units=" + units + "]";
    }
}
