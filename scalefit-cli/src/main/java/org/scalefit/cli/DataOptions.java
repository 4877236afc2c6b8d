package org.scalefit.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.scalefit.data.RunTable;
import org.scalefit.io.ColumnMapping;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.TableReader;
import picocli.CommandLine.Option;

/** The options that say which runs a command reads: {@code --data} and {@code --column} (a picocli mixin). */
final class DataOptions {

    @Option(names = "--data", required = true, paramLabel = "FILE|STUDY:SET|-",
            description = "Runs: a bundled dataset (e.g. gemstones:hot_100b+, gemstones:hot_477, chinchilla:epoch), "
                    + "a JSONL/CSV/Parquet file, or - for standard input (format from the content).")
    String data;

    @Option(names = "--column", paramLabel = "LOGICAL=FILE_COLUMN",
            description = "Map a logical column (params, tokens, loss, width, depth, flops, step, num_nodes, "
                    + "seconds_per_step) to a column of the file. Defaults: the first the file has of "
                    + "params_active_precise, params, n_params, N; tokens, D, n_tokens; final_loss, loss; "
                    + "FLOPs, flops, C; others by their own name.")
    Map<String, String> columns = new LinkedHashMap<>();

    @Option(names = "--where", paramLabel = "CONDITION",
            description = "Keep only the runs for which this SQL condition over the file's own columns holds, e.g. "
                    + "\"tokens >= 1e9 AND run_name LIKE 'PyGemma%%'\" (recorded in the result's provenance).")
    String where;

    /**
     * The default column names ({@link ColumnMapping#defaults()}), overridden by the {@code --column} options.
     *
     * @throws IllegalArgumentException if a {@code --column} names a logical column no command reads
     */
    ColumnMapping mapping() {
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

    /** These options reading the runs from {@code file} instead of {@code --data} (e.g. a local copy of it). */
    DataOptions reading(String file) {
        DataOptions copy = new DataOptions();
        copy.data = file;
        copy.columns = new LinkedHashMap<>(columns);
        copy.where = where;
        return copy;
    }

    /** Reads the requested columns of the runs, under {@link #mapping()}. */
    RunTable read(ColumnRequest request) {
        return readWithColumns(request).table();
    }

    /** As {@link #read}, with the file columns that were read ({@code --data -}: standard input, read to its end). */
    TableReader.Read readWithColumns(ColumnRequest request) {
        ColumnRequest located = request.withMapping(mapping()).withWhere(where);
        return STDIN.equals(data) ? new TableReader().readWithColumns(System.in, STDIN, located)
                : new TableReader().readWithColumns(data, located);
    }

    /** The {@code --data} value that reads standard input. */
    static final String STDIN = "-";
}
