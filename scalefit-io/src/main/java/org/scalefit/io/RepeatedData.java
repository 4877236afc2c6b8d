package org.scalefit.io;

import java.util.List;
import java.util.Optional;
import org.scalefit.data.RepeatedTokens;

/**
 * Whether the points of a fit repeat their data ({@link RepeatedTokens}), read in the same pass as the points: a table
 * with a {@value #UNIQUE_TOKENS} column (Muennighoff et al. 2023's U_D) or an {@value #EPOCHS} column (U = tokens /
 * epochs) says so, and a {@code run} column, when it has one, tells which points are one run's. These are
 * {@link ColumnRequest#withSideColumns side columns}: a blank or bad cell is unknown, and they neither fail the read
 * nor enter the table, its provenance or a store key.
 */
public final class RepeatedData {

    /** The column of each run's unique tokens (Muennighoff et al. 2023's U_D). */
    public static final String UNIQUE_TOKENS = "unique_tokens";
    /** The column of each run's epochs over its unique tokens, read when there is no {@value #UNIQUE_TOKENS}. */
    public static final String EPOCHS = "epochs";
    /** The logical text column of a run's name, which counts repetition by run. */
    private static final String RUN = "run";

    private RepeatedData() {
    }

    /** {@code request} also reading, beside the table, the columns that say whether a point repeats its data. */
    public static ColumnRequest reading(ColumnRequest request) {
        return request.withSideColumns(UNIQUE_TOKENS, EPOCHS, RUN);
    }

    /** Whether a law reading {@code columns} models repetition itself: it reads the unique tokens or the epochs. */
    public static boolean modelledBy(List<String> columns) {
        return columns.contains(UNIQUE_TOKENS) || columns.contains(EPOCHS);
    }

    /**
     * The repetition at the points of {@code read} whose table rows are {@code rows} (point i is row rows[i]), by
     * run when the read has a run column and by point otherwise; null when the read has neither a
     * {@value #UNIQUE_TOKENS} nor an {@value #EPOCHS} column, or its table no tokens.
     */
    public static RepeatedTokens at(TableReader.Read read, int[] rows) {
        if (!read.table().hasColumn("tokens")) {
            return null;
        }
        double[] tokens = read.table().column("tokens");
        double[] unique;
        Optional<double[]> uniqueTokens = read.side(UNIQUE_TOKENS);
        Optional<double[]> epochs = read.side(EPOCHS);
        if (uniqueTokens.isPresent()) {
            unique = uniqueTokens.get();
        } else if (epochs.isPresent()) {
            unique = new double[tokens.length];
            for (int i = 0; i < unique.length; i++) {
                unique[i] = tokens[i] / epochs.get()[i];
            }
        } else {
            return null;
        }
        double[] tokensAtPoints = new double[rows.length];
        double[] uniqueAtPoints = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            tokensAtPoints[i] = tokens[rows[i]];
            uniqueAtPoints[i] = unique[rows[i]];
        }
        Optional<List<String>> names = read.text(RUN);
        if (names.isEmpty()) {
            return RepeatedTokens.of(tokensAtPoints, uniqueAtPoints);
        }
        double[] runs = new double[rows.length];
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            runs[i] = ids.computeIfAbsent(names.get().get(rows[i]), name -> ids.size());
        }
        return RepeatedTokens.ofRuns(tokensAtPoints, uniqueAtPoints, runs);
    }
}
