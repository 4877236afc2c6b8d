package org.scalefit.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable table of training runs: named numeric columns of equal length, plus where each row came from.
 *
 * <p>This is the hand-over point between the readers (which validate files and know line numbers) and the
 * analyses (which only see numbers). Every value is finite; readers reject anything else before a table is built.
 *
 * @param source     what the table was read from ({@code gemstones:hot}, a file path, …)
 * @param contentHash SHA-256 of the bytes read, lower-case hex, for provenance
 * @param columns    column name → values, all of {@link #rows()} length, in the order they were read
 * @param sourceLines for each row, the 1-based line (JSONL/CSV) or row (Parquet) it came from
 * @param locations  whether {@code sourceLines} are lines or Parquet rows
 */
public record RunTable(String source, String contentHash, Map<String, double[]> columns, int[] sourceLines,
                       RowLocation locations) {

    public RunTable {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(locations, "locations");
        Objects.requireNonNull(contentHash, "contentHash");
        Map<String, double[]> copy = new LinkedHashMap<>();
        int rows = sourceLines.length;
        for (Map.Entry<String, double[]> column : columns.entrySet()) {
            if (column.getValue().length != rows) {
                throw new IllegalArgumentException("column " + column.getKey() + " has " + column.getValue().length
                        + " values, expected " + rows);
            }
            copy.put(column.getKey(), column.getValue().clone());
        }
        columns = java.util.Collections.unmodifiableMap(copy);
        sourceLines = sourceLines.clone();
    }

    /** A table whose rows came from lines of a text file (or were built in memory and numbered as lines). */
    public RunTable(String source, String contentHash, Map<String, double[]> columns, int[] sourceLines) {
        this(source, contentHash, columns, sourceLines, RowLocation.LINE);
    }

    /** The columns, each a defensive copy. */
    @Override
    public Map<String, double[]> columns() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        columns.forEach((name, values) -> copy.put(name, values.clone()));
        return copy;
    }

    /** The 1-based source line of every row (a copy). */
    @Override
    public int[] sourceLines() {
        return sourceLines.clone();
    }

    /** Number of rows. */
    public int rows() {
        return sourceLines.length;
    }

    /** The column names in reading order. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /** A copy of one column's values. */
    public double[] column(String name) {
        double[] values = columns.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no column '" + name + "' in " + source + "; columns are " + columnNames());
        }
        return values.clone();
    }

    /** The 1-based line (or Parquet row, see {@link #locations}) of the file that row {@code row} came from. */
    public int sourceLine(int row) {
        return sourceLines[row];
    }

    /** Where row {@code row} came from, as a user finds it in the file: {@code line 17} or {@code row 16}. */
    public String location(int row) {
        return locations.at(sourceLines[row]);
    }

    /** A copy of this table with one column added or replaced. */
    public RunTable withColumn(String name, double[] values) {
        Map<String, double[]> next = new LinkedHashMap<>(columns);
        next.put(name, values);
        return new RunTable(source, contentHash, next, sourceLines, locations);
    }

    /**
     * A copy of this table with only the rows whose {@code column} lies in [low, high] (source lines kept).
     *
     * @throws IllegalArgumentException if no row does
     */
    public RunTable withRowsBetween(String column, double low, double high) {
        double[] values = column(column);
        int[] keep = java.util.stream.IntStream.range(0, rows()).filter(i -> values[i] >= low && values[i] <= high)
                .toArray();
        if (keep.length == 0) {
            throw new IllegalArgumentException("no row of " + source + " has " + column + " in [" + low + ", " + high
                    + "]");
        }
        Map<String, double[]> next = new LinkedHashMap<>();
        columns.forEach((name, all) -> next.put(name, Arrays.stream(keep).mapToDouble(i -> all[i]).toArray()));
        return new RunTable(source, contentHash, next, Arrays.stream(keep).map(i -> sourceLines[i]).toArray(),
                locations);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RunTable that)) {
            return false;
        }
        if (!source.equals(that.source) || !contentHash.equals(that.contentHash) || locations != that.locations
                || !Arrays.equals(sourceLines, that.sourceLines) || !columns.keySet().equals(that.columns.keySet())) {
            return false;
        }
        for (String name : columns.keySet()) {
            if (!Arrays.equals(columns.get(name), that.columns.get(name))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, contentHash, Arrays.hashCode(sourceLines), columns.keySet());
    }

    @Override
    public String toString() {
        return "RunTable[" + source + ", " + rows() + " rows, columns " + columnNames() + "]";
    }
}
