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
 * The options that say which runs a command reads: {@code --data}, {@code --column}, {@code --where} and
 * {@code --unit} (a picocli mixin), as a {@link DataSource}.
 */
final class DataOptions {

    /** What {@code --unit} says; also the help of commands that declare their own {@code --data}. */
    static final String UNIT_HELP = "Read a column counted in a larger unit as counts: each value is multiplied by "
            + "FACTOR (a positive number) before any check or fit, e.g. tokens=1e9 for tokens in billions, "
            + "params=1e6 for params in millions, flops=8.64e19 for FLOPs in PF-days. LOGICAL is a logical column "
            + "as in --column, one the command reads, or unique_tokens (which needs its own --unit beside "
            + "--unit tokens when the file has it); recorded in the result's provenance (unit(LOGICAL=FACTOR)) "
            + "and store key. --where compares the file's own values.";

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

    @Option(names = "--unit", paramLabel = "LOGICAL=FACTOR", description = UNIT_HELP)
    Map<String, String> units = new LinkedHashMap<>();

    /**
     * The runs these options name, read with a progress bar on a terminal and a warning for a large table
     * ({@link LargeTableWarning}).
     */
    DataSource source() {
        return new DataSource(data, columns, where).withUnits(factors(units)).withProgress(LargeTableWarning.around(
                TerminalProgress.reading("read " + data), data));
    }

    /**
     * The factors of {@code --unit LOGICAL=FACTOR} options as numbers.
     *
     * @throws IllegalArgumentException naming the option if a factor is not a decimal number ({@link DataSource}
     *                                  refuses the numbers that are not positive and finite)
     */
    static Map<String, Double> factors(Map<String, String> units) {
        Map<String, Double> factors = new LinkedHashMap<>();
        units.forEach((logical, text) -> {
            try {
                factors.put(logical, Double.parseDouble(text.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--unit " + logical + "=" + text + ": expected a positive finite "
                        + "number, the size of the unit the file counts " + logical + " in (e.g. 1e9 for a column in "
                        + "billions)", e);
            }
        });
        return factors;
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
