package org.scalefit.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.scalefit.data.RunTable;
import org.scalefit.io.ColumnMapping;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.DataSource;
import org.scalefit.io.TableReader;
import picocli.CommandLine.Option;

/**
 * The options that say which runs a command reads: {@code --data} and {@code --column} (a picocli mixin), as a
 * {@link DataSource}.
 */
final class DataOptions {

    @Option(names = "--data", required = true, paramLabel = "FILE|STUDY:SET|-",
            description = "Runs: a bundled dataset (e.g. gemstones:hot_100b+, gemstones:hot_477, chinchilla:epoch), "
                    + "a JSONL/CSV/Parquet file, or - for standard input (format from the content).")
    String data;

    @Option(names = "--column", paramLabel = "LOGICAL=FILE_COLUMN",
            description = "Map a logical column (params, tokens, loss, width, depth, flops, step, num_nodes, "
                    + "seconds_per_step, run) to a column of the file. Defaults: the first the file has of "
                    + "params_active_precise, params, n_params, N; tokens, D, n_tokens; final_loss, loss; "
                    + "FLOPs, flops, C; run, run_name, name, model (a text column naming each run); others by "
                    + "their own name.")
    Map<String, String> columns = new LinkedHashMap<>();

    @Option(names = "--where", paramLabel = "CONDITION",
            description = "Keep only the runs for which this SQL condition over the file's own columns holds, e.g. "
                    + "\"tokens >= 1e9 AND run_name LIKE 'PyGemma%%'\" (recorded in the result's provenance).")
    String where;

    /**
     * The runs these options name, read with a progress bar on a terminal and a warning for a large table
     * ({@link LargeTableWarning}).
     */
    DataSource source() {
        return new DataSource(data, columns, where).withProgress(LargeTableWarning.around(
                TerminalProgress.reading("read " + data), data));
    }

    /**
     * The default column names ({@link ColumnMapping#defaults()}), overridden by the {@code --column} options.
     *
     * @throws IllegalArgumentException if a {@code --column} names a logical column no command reads
     */
    ColumnMapping mapping() {
        return source().mapping();
    }

    /** Reads the requested columns of the runs ({@link DataSource#read}). */
    RunTable read(ColumnRequest request) {
        return source().read(request);
    }

    /** As {@link #read}, with the file columns that were read ({@link DataSource#readWithColumns}). */
    TableReader.Read readWithColumns(ColumnRequest request) {
        return source().readWithColumns(request);
    }
}
