package org.scalefit.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scalefit.data.RunTable;
import org.scalefit.overtraining.LossScoreFits;

/**
 * A user's table of downstream points: one row per model or checkpoint with its validation loss L_i and one
 * benchmark score s_i — an accuracy acc_i ∈ [0, 1] or an error Err_i = 1 − acc_i ∈ [0, 1] — the data of the
 * downstream laws Err(L) = ε − k·e^(−γ·L) and acc(L) = a/(1 + e^(−k·(L − L₀))) + b ({@link LossScoreFits}).
 *
 * <p>Read by {@link TableReader} (CSV, JSON Lines, JSON or Parquet, with its checks and its file:line messages)
 * under the logical columns {@value #LOSS}, {@value #ACCURACY} and {@value #ERROR}, located as {@code --column}
 * locates the columns of a run table ({@link ColumnMapping}): by default the loss is {@code final_loss} or
 * {@code loss}, the accuracy {@code accuracy} or {@code acc}, the error {@code error} or {@code err}; a mapping
 * {@code accuracy=COLUMN} or {@code error=COLUMN} names the one score column to read. A table must have exactly one
 * score column: both an accuracy and an error column is refused (which to fit is the user's choice), as is neither.
 * Every loss must be a positive finite number, every score a finite number in [0, 1].
 *
 * @param table the rows read: columns {@value #LOSS} and {@value #ACCURACY} or {@value #ERROR}, with their places in
 *              the file
 * @param kind  which score the table holds
 * @param read  logical column → the file column it was read from
 * @param where the row condition the rows were kept by, or null for every row
 */
public record LossScoreTable(RunTable table, LossScoreFits.Score kind, Map<String, String> read, String where) {

    /** The logical column of the loss. */
    public static final String LOSS = "loss";
    /** The logical column of an accuracy score. */
    public static final String ACCURACY = "accuracy";
    /** The logical column of an error score. */
    public static final String ERROR = "error";
    /** The logical columns a {@code --column} may map for this table. */
    public static final List<String> LOGICAL_NAMES = List.of(LOSS, ACCURACY, ERROR);

    public LossScoreTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(kind, "kind");
        read = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(read));
    }

    /**
     * Reads {@code data} with the logical columns mapped by {@code columns} ({@code --column LOGICAL=FILE_COLUMN}),
     * keeping only the rows where the SQL condition {@code where} over the file's own columns holds
     * ({@link ColumnRequest#withWhere}; null: every row).
     *
     * @throws IllegalArgumentException if {@code columns} maps a name other than {@link #LOGICAL_NAMES}, or maps both
     *                                  an accuracy and an error column, or {@code where} is not one condition
     * @throws InputException           if the file is missing or malformed, lacks the loss or a score column, has
     *                                  both an accuracy and an error column, or holds a loss that is not a positive
     *                                  finite number or a score that is not a finite number in [0, 1] (the message
     *                                  names the file, the line or row, and the column)
     */
    public static LossScoreTable read(String data, Map<String, String> columns, String where) {
        for (Map.Entry<String, String> column : columns.entrySet()) {
            if (!LOGICAL_NAMES.contains(column.getKey())) {
                throw new IllegalArgumentException("unknown logical column '" + column.getKey() + "' in --column "
                        + column.getKey() + "=" + column.getValue() + "; a table of benchmark scores has "
                        + String.join(", ", LOGICAL_NAMES) + " (LOGICAL=FILE_COLUMN)");
            }
        }
        if (columns.containsKey(ACCURACY) && columns.containsKey(ERROR)) {
            throw new IllegalArgumentException("--column " + ACCURACY + "=" + columns.get(ACCURACY) + " and --column "
                    + ERROR + "=" + columns.get(ERROR) + ": a table of benchmark scores has one score column, an "
                    + "accuracy or an error");
        }
        ColumnMapping mapping = mapping(columns);
        List<String> scores = columns.containsKey(ACCURACY) ? List.of(ACCURACY)
                : columns.containsKey(ERROR) ? List.of(ERROR) : List.of(ACCURACY, ERROR);
        ColumnRequest request = new ColumnRequest(List.of(LOSS), scores, mapping)
                .withFiniteValues(scores.toArray(String[]::new)).withWhere(where);
        TableReader reader = new TableReader();
        TableReader.Read read = reader.readWithColumns(data, request);
        RunTable table = read.table();
        boolean accuracy = table.hasColumn(ACCURACY);
        boolean error = table.hasColumn(ERROR);
        if (accuracy && error) {
            throw new InputException(table.source(), null, null, "one score column, an accuracy or an error (choose "
                    + "with --column " + ACCURACY + "=COLUMN or --column " + ERROR + "=COLUMN)", "both '"
                    + read.columns().fileColumn(ACCURACY) + "' and '" + read.columns().fileColumn(ERROR) + "'");
        }
        if (!accuracy && !error) {
            throw noScoreColumn(reader, data, mapping);
        }
        String score = accuracy ? ACCURACY : ERROR;
        double[] values = table.column(score);
        String scoreColumn = read.columns().fileColumn(score);
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new InputException(table.source(), table.locations(), table.sourceLine(i), scoreColumn,
                        "an " + score + " in [0, 1]", Double.toString(values[i]));
            }
        }
        Map<String, String> fileColumns = new LinkedHashMap<>();
        fileColumns.put(LOSS, read.columns().fileColumn(LOSS));
        fileColumns.put(score, scoreColumn);
        return new LossScoreTable(table, accuracy ? LossScoreFits.Score.ACCURACY : LossScoreFits.Score.ERROR,
                fileColumns, where);
    }

    /** The losses L_i, in row order. */
    public double[] losses() {
        return table.column(LOSS);
    }

    /** The scores s_i as the file gives them, in row order. */
    public double[] scores() {
        return table.column(scoreName());
    }

    /** The logical name of the score: {@value #ACCURACY} or {@value #ERROR}. */
    public String scoreName() {
        return kind == LossScoreFits.Score.ACCURACY ? ACCURACY : ERROR;
    }

    /** The file column of the loss. */
    public String lossColumn() {
        return read.get(LOSS);
    }

    /** The file column of the score. */
    public String scoreColumn() {
        return read.get(scoreName());
    }

    /** The rows. */
    public int rows() {
        return table.rows();
    }

    /** The default names (loss: final_loss, loss; accuracy: accuracy, acc; error: error, err) with the user's. */
    private static ColumnMapping mapping(Map<String, String> columns) {
        ColumnMapping defaults = ColumnMapping.defaults();
        Map<String, List<String>> alternatives = new LinkedHashMap<>();
        alternatives.put(LOSS, defaults.alternatives().get(LOSS));
        alternatives.put(ACCURACY, List.of("acc"));
        alternatives.put(ERROR, List.of("err"));
        ColumnMapping mapping = new ColumnMapping(Map.of(LOSS, defaults.fileColumn(LOSS)), alternatives);
        for (Map.Entry<String, String> column : columns.entrySet()) {
            mapping = mapping.with(column.getKey(), column.getValue());
        }
        return mapping;
    }

    /**
     * The error for a file with neither score column, listing the file's columns as {@link TableReader} lists them
     * for a missing column (read again with the accuracy required, which fails so).
     */
    private static InputException noScoreColumn(TableReader reader, String data, ColumnMapping mapping) {
        String expected = "a column for 'accuracy' (" + String.join(" or ", mapping.candidates(ACCURACY))
                + ") or for 'error' (" + String.join(" or ", mapping.candidates(ERROR)) + "), or name one with "
                + "--column " + ACCURACY + "=COLUMN or --column " + ERROR + "=COLUMN";
        List<String> required = new ArrayList<>(List.of(LOSS, ACCURACY));
        try {
            reader.readWithColumns(data, new ColumnRequest(required, List.of(), mapping)
                    .withFiniteValues(ACCURACY));
        } catch (InputException e) {
            return new InputException(e.file(), null, null, expected, e.found());
        }
        return new InputException(data, null, null, expected, "none");
    }
}
