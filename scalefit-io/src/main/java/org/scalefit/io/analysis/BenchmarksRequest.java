package org.scalefit.io.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.data.RunTable;
import org.scalefit.data.ScoresAtLoss;
import org.scalefit.io.GemstonesBenchmarks;
import org.scalefit.io.InputException;
import org.scalefit.io.TableReader;
import org.scalefit.overtraining.BenchmarkLawFits;
import org.scalefit.overtraining.DownstreamFitter;
import org.scalefit.overtraining.SigmoidAccuracyFitter;
import org.scalefit.overtraining.Solver;

/**
 * Downstream laws of benchmark accuracy in validation loss ({@code scalefit benchmarks}): every checkpoint of
 * Gemstones' lighteval results matched with its loss on (width, depth, tokens), then Gadre et al.'s (2024) error law
 * Err(L) = ε − k·e^(−γ·L) of the average error ({@link DownstreamFitter}) and Bhagia et al.'s (2024) sigmoid
 * acc(L) = a/(1 + e^(−k·(L − L₀))) + b of the average accuracy ({@link SigmoidAccuracyFitter}).
 *
 * @param data   the benchmark results: {@link GemstonesBenchmarks#BUNDLED} or a directory of the two Parquet files
 * @param losses the validation losses: a bundled {@code gemstones:<set>} or a file with width, depth, tokens, loss
 * @param laws   the laws fitted
 * @param solver how they are fitted
 */
public record BenchmarksRequest(String data, String losses, Laws laws, Solver solver) {

    /** Parameters of the error law (k, γ, ε): the fewest matched checkpoints it is fitted to. */
    static final int ERROR_LAW_PARAMETERS = 3;
    /** Parameters of the sigmoid (a, k, L₀, b): the fewest matched checkpoints it is fitted to. */
    static final int SIGMOID_PARAMETERS = 4;

    /** Which laws to fit. */
    public enum Laws {
        /** Gadre et al.'s error law. */
        ERROR,
        /** Bhagia et al.'s sigmoid. */
        SIGMOID,
        /** Both. */
        BOTH
    }

    public BenchmarksRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(losses, "losses");
        Objects.requireNonNull(laws, "laws");
        Objects.requireNonNull(solver, "solver");
    }

    /**
     * Reads both tables, matches them and fits.
     *
     * @throws InputException if a table is bad or fewer losses match a checkpoint than a law fitted has parameters
     */
    public BenchmarksResult run() {
        GemstonesBenchmarks benchmarks = GemstonesBenchmarks.read(data);
        RunTable lossTable = new TableReader().read(losses, GemstonesBenchmarks.lossColumns());
        List<ScoresAtLoss> points = benchmarks.atLosses(lossTable);
        if (points.isEmpty()) {
            throw new InputException(lossTable.source(), null, null, "rows that match checkpoints of "
                    + benchmarks.source() + " on (width, depth, tokens)", "none of its " + lossTable.rows());
        }
        boolean sigmoid = laws != Laws.ERROR;
        int needed = sigmoid ? SIGMOID_PARAMETERS : ERROR_LAW_PARAMETERS;
        if (points.size() < needed) {
            throw new InputException(lossTable.source(), null, null, "at least " + needed + " rows that match "
                    + "checkpoints of " + benchmarks.source() + " on (width, depth, tokens) for the "
                    + (sigmoid ? "sigmoid" : "error") + " law's " + needed + " parameters",
                    Integer.toString(points.size()));
        }
        return new BenchmarksResult(benchmarks, lossTable, BenchmarkLawFits.of(points, errorFitter(laws, solver),
                sigmoidFitter(laws, solver)));
    }

    /** The paper's error-law fitter with {@code solver}, unless {@code laws} is the sigmoid alone. */
    static Optional<DownstreamFitter> errorFitter(Laws laws, Solver solver) {
        return laws == Laws.SIGMOID ? Optional.empty() : Optional.of(DownstreamFitter.gadre().withSolver(solver));
    }

    /** Bhagia et al.'s sigmoid fitter with {@code solver}, unless {@code laws} is the error law alone. */
    static Optional<SigmoidAccuracyFitter> sigmoidFitter(Laws laws, Solver solver) {
        return laws == Laws.ERROR ? Optional.empty() : Optional.of(SigmoidAccuracyFitter.bhagia().withSolver(solver));
    }
}
