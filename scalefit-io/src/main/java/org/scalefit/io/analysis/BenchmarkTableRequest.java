package org.scalefit.io.analysis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scalefit.io.InputException;
import org.scalefit.io.LossScoreTable;
import org.scalefit.overtraining.LossScoreFits;
import org.scalefit.overtraining.Solver;

/**
 * Downstream laws of a user's own table ({@code scalefit benchmarks --data FILE}): one row per model or checkpoint
 * with its validation loss L_i and an accuracy acc_i or an error Err_i = 1 − acc_i ({@link LossScoreTable}), fitted
 * with the fitters of {@link BenchmarksRequest} — Gadre et al.'s (2024) error law Err(L) = ε − k·e^(−γ·L) to the
 * errors and Bhagia et al.'s (2024) sigmoid acc(L) = a/(1 + e^(−k·(L − L₀))) + b to the accuracies
 * ({@link LossScoreFits}) — and both laws evaluated at the losses {@code atLosses}.
 *
 * @param data     the table: a CSV, JSON Lines, JSON or Parquet file
 * @param columns  logical column (loss, accuracy, error) → the file's column, overriding the default names
 * @param where    a SQL condition over the file's columns that keeps the rows it holds for, or null for every row
 * @param laws     the laws fitted
 * @param solver   how they are fitted
 * @param atLosses the losses L at which to predict Err(L) and acc(L), each positive and finite (may be empty)
 */
public record BenchmarkTableRequest(String data, Map<String, String> columns, String where,
                                    BenchmarksRequest.Laws laws, Solver solver, List<Double> atLosses) {

    public BenchmarkTableRequest {
        Objects.requireNonNull(data, "data");
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        Objects.requireNonNull(laws, "laws");
        Objects.requireNonNull(solver, "solver");
        atLosses = List.copyOf(atLosses);
        for (double loss : atLosses) {
            if (!(loss > 0) || Double.isInfinite(loss)) {
                throw new IllegalArgumentException("--at-loss " + loss + ": expected a positive finite loss");
            }
        }
    }

    /**
     * Reads the table, checks it has enough points for the laws, fits them and predicts.
     *
     * @throws InputException           if the table is bad ({@link LossScoreTable#read}), or has fewer rows, or
     *                                  fewer distinct losses, than a law fitted has parameters (a law with p
     *                                  parameters is not determined by fewer than p distinct losses)
     * @throws IllegalArgumentException if {@link #columns} is not a mapping of the table's logical columns
     */
    public BenchmarkTableResult run() {
        LossScoreTable table = LossScoreTable.read(data, columns, where);
        boolean sigmoid = laws != BenchmarksRequest.Laws.ERROR;
        int needed = sigmoid ? BenchmarksRequest.SIGMOID_PARAMETERS : BenchmarksRequest.ERROR_LAW_PARAMETERS;
        String law = (sigmoid ? "sigmoid" : "error") + " law's " + needed + " parameters";
        double[] losses = table.losses();
        if (losses.length < needed) {
            throw new InputException(table.table().source(), null, null, "at least " + needed + " rows for the "
                    + law, losses.length + (losses.length == 1 ? " row" : " rows"));
        }
        long distinct = Arrays.stream(losses).distinct().count();
        if (distinct < needed) {
            throw new InputException(table.table().source(), null, table.lossColumn(), "at least " + needed
                    + " distinct losses for the " + law, distinct + " among " + losses.length + " rows");
        }
        LossScoreFits fits = LossScoreFits.of(losses, table.scores(), table.kind(),
                BenchmarksRequest.errorFitter(laws, solver), BenchmarksRequest.sigmoidFitter(laws, solver));
        return new BenchmarkTableResult(table, fits, atLosses.stream().map(fits::predict).toList());
    }
}
