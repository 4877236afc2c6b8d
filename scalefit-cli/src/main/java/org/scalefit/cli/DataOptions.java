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

    @Option(names = "--data", required = true, paramLabel = "FILE|STUDY:SET",
            description = "Runs: a bundled dataset (e.g. gemstones:hot_100b+, gemstones:hot_477, chinchilla:epoch) or "
                    + "a JSONL/CSV/Parquet file.")
    String data;

    @Option(names = "--column", paramLabel = "LOGICAL=FILE_COLUMN",
            description = "Map a logical column (params, tokens, loss, width, depth, step, num_nodes, "
                    + "seconds_per_step) to a column of the file. Defaults: params=params_active_precise, "
                    + "loss=final_loss, others by their own name.")
    Map<String, String> columns = new LinkedHashMap<>();

    /** Gemstones' column names, overridden by the {@code --column} options. */
    ColumnMapping mapping() {
        ColumnMapping mapping = ColumnMapping.gemstones();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            mapping = mapping.with(column.getKey(), column.getValue());
        }
        return mapping;
    }

    /** These options reading the runs from {@code file} instead of {@code --data} (e.g. a local copy of it). */
    DataOptions reading(String file) {
        DataOptions copy = new DataOptions();
        copy.data = file;
        copy.columns = new LinkedHashMap<>(columns);
        return copy;
    }

    /** Reads the requested columns of the runs, under {@link #mapping()}. */
    RunTable read(ColumnRequest request) {
        return new TableReader().read(data, request.withMapping(mapping()));
    }
}
