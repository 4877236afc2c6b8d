package org.scalefit.heldout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.scalefit.data.InputRange;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.law.LawForm;
import org.scalefit.overtraining.Prediction;
import org.scalefit.parallel.Parallelism;

/**
 * Held-out evaluation of a law by model size. Every fit is the one {@code scalefit fit} makes of the law
 * ({@link HeldOutLaw}): for a built-in law, the Huber objective on log-loss residuals (threshold δ), minimised by
 * {@link MultiStartFitter} from every start of a {@link StartGrid} and polished ({@link LawFit#fit}); for a law
 * written as text, named or read from a law file, its own objective F(θ) = Σ_i w_i·ρ(r_i(θ)) by the same engine —
 * on the points of the training sizes only; each held-out point is then predicted by the fitted law (for a built-in
 * law L̂ = Σ_j e^{c_j}·x_j^{−α_j} + e^e, for a written one the expression at the fitted θ) and scored by
 * 100·|L̂ − L|/L ({@link SizeError}), with how far the size lies outside the range of the points fitted
 * ({@link InputRange}).
 * <ul>
 *   <li>{@link HoldOut#LEAVE_ONE_SIZE_OUT}: for every size s, fit on the points of all sizes but s, predict s.</li>
 *   <li>{@link HoldOut#ROLLOUT}: for every k asked for, fit on the points of the k smallest sizes, predict every
 *       larger size — how far the law extrapolates in model size.</li>
 * </ul>
 * A reference fit on every size gives the in-sample error of each size for comparison. The fits run one after the
 * other, each spread over {@code parallelism} by the multi-start engine, so the report does not depend on the number
 * of threads.
 *
 * @param law the law fitted, with its objective, starts and engine options
 */
public record HeldOutEvaluation(HeldOutLaw law) {

    public HeldOutEvaluation {
        Objects.requireNonNull(law, "law");
    }

    /**
     * A built-in law with {@code scalefit fit}'s engine: every start to scipy's tolerance, polishing on.
     *
     * @throws IllegalArgumentException if the grid does not set the law's parameters or δ is not positive and finite
     */
    public static HeldOutEvaluation of(LawForm law, double delta, StartGrid grid) {
        return new HeldOutEvaluation(new HeldOutLaw.BuiltIn(law, delta, grid, MultiStartFitter.Options.defaults()));
    }

    /** The starts of every fit. */
    public StartGrid grid() {
        return law.grid();
    }

    /**
     * A coarser start grid for quick evaluations: every other value of each axis of Gemstones' grid — exponents
     * {0, 1, 2}, log-coefficients {0, 10, 20}, log irreducible error {−1, 0, 1} — 3^(2k+1) starts (243, 2 187 and
     * 19 683 for k = 2, 3, 4).
     */
    public static StartGrid coarseGrid(int arity) {
        List<double[]> axes = new ArrayList<>();
        for (int j = 0; j < arity; j++) {
            axes.add(new double[] {0, 1, 2});
        }
        for (int j = 0; j < arity; j++) {
            axes.add(new double[] {0, 10, 20});
        }
        axes.add(new double[] {-1, 0, 1});
        int[] order = new int[2 * arity + 1];
        Arrays.setAll(order, i -> i);
        return new StartGrid("coarse", axes, order);
    }

    /** How many multi-start fits {@link #run} makes (the reference fit included), for progress reporting. */
    public int fitCount(HoldOut mode, ModelSizes sizes, int[] smallest) {
        return 1 + (mode == HoldOut.LEAVE_ONE_SIZE_OUT ? sizes.count() : smallest.length);
    }

    /**
     * Runs the evaluation. {@code smallest} lists the k of {@link HoldOut#ROLLOUT} (each 1 ≤ k &lt; number of
     * sizes, ascending, no repeats) and is ignored for {@link HoldOut#LEAVE_ONE_SIZE_OUT}; {@code progress} hears
     * of every start run.
     *
     * @throws IllegalArgumentException if the sizes do not describe the observations' points, there are fewer than
     *                                  two sizes, or a k is out of range
     */
    public HeldOutReport run(HoldOut mode, Observations observations, ModelSizes sizes, int[] smallest,
                             Parallelism parallelism, FitProgress progress) {
        if (sizes.points() != observations.size()) {
            throw new IllegalArgumentException("the model sizes cover " + sizes.points() + " points, the data has "
                    + observations.size());
        }
        int m = sizes.count();
        if (m < 2) {
            throw new IllegalArgumentException("a held-out evaluation needs at least two model sizes, the data has "
                    + m);
        }
        if (mode == HoldOut.ROLLOUT) {
            requireRolloutCounts(smallest, m);
        }
        boolean[] all = new boolean[m];
        Arrays.fill(all, true);
        HeldOutFit reference = fitAndPredict(observations, sizes, all, all, parallelism, progress);
        List<HeldOutFit> fits = new ArrayList<>();
        if (mode == HoldOut.LEAVE_ONE_SIZE_OUT) {
            for (int s = 0; s < m; s++) {
                boolean[] fitted = all.clone();
                fitted[s] = false;
                boolean[] predicted = new boolean[m];
                predicted[s] = true;
                fits.add(fitAndPredict(observations, sizes, fitted, predicted, parallelism, progress));
            }
        } else {
            for (int k : smallest) {
                boolean[] fitted = new boolean[m];
                Arrays.fill(fitted, 0, k, true);
                boolean[] predicted = new boolean[m];
                Arrays.fill(predicted, k, m, true);
                fits.add(fitAndPredict(observations, sizes, fitted, predicted, parallelism, progress));
            }
        }
        return new HeldOutReport(mode, law, sizes, reference, fits);
    }

    /** Every k from {@code from} to m − 1: the default roll-out. */
    public static int[] rolloutCounts(int from, ModelSizes sizes) {
        if (from < 1 || from >= sizes.count()) {
            throw new IllegalArgumentException("the roll-out needs 1 ≤ k < " + sizes.count() + " (the number of "
                    + "sizes), was " + from);
        }
        int[] counts = new int[sizes.count() - from];
        Arrays.setAll(counts, i -> from + i);
        return counts;
    }

    private static void requireRolloutCounts(int[] smallest, int m) {
        if (smallest.length == 0) {
            throw new IllegalArgumentException("the roll-out needs at least one number k of smallest sizes to fit");
        }
        for (int i = 0; i < smallest.length; i++) {
            if (smallest[i] < 1 || smallest[i] >= m) {
                throw new IllegalArgumentException("the roll-out fits on the k smallest of " + m + " sizes and "
                        + "predicts the rest: k must be in 1.." + (m - 1) + ", was " + smallest[i]);
            }
            if (i > 0 && smallest[i] <= smallest[i - 1]) {
                throw new IllegalArgumentException("the roll-out's k must be ascending without repeats: "
                        + Arrays.toString(smallest));
            }
        }
    }

    private HeldOutFit fitAndPredict(Observations observations, ModelSizes sizes, boolean[] fitted,
                                     boolean[] predicted, Parallelism parallelism, FitProgress progress) {
        int[] training = sizes.pointsOf(fitted);
        InputRange range = InputRange.of(subset(observations, training));
        HeldOutLaw.Fitted fit = law.fit(observations, training, parallelism, progress);
        int[] fittedSizes = java.util.stream.IntStream.range(0, fitted.length).filter(s -> fitted[s]).toArray();
        List<SizeError> errors = new ArrayList<>();
        if (fit.succeeded()) {
            for (int s = 0; s < predicted.length; s++) {
                if (predicted[s]) {
                    boolean[] one = new boolean[predicted.length];
                    one[s] = true;
                    errors.add(score(observations, s, sizes.pointsOf(one), fit, range));
                }
            }
        }
        return new HeldOutFit(fittedSizes, fit, errors);
    }

    private static SizeError score(Observations observations, int size, int[] points, HeldOutLaw.Fitted fit,
                                   InputRange fitted) {
        List<Prediction> predictions = new ArrayList<>();
        double[][] inputs = new double[points.length][observations.arity()];
        for (int t = 0; t < points.length; t++) {
            for (int j = 0; j < inputs[t].length; j++) {
                inputs[t][j] = observations.input(points[t], j);
            }
            predictions.add(new Prediction(observations.loss(points[t]), fit.predict(inputs[t])));
        }
        return SizeError.of(size, points, predictions, fitted, inputs);
    }

    /** The observations at {@code points}, in that order. */
    static Observations subset(Observations observations, int[] points) {
        double[][] inputs = new double[points.length][];
        double[] losses = new double[points.length];
        for (int t = 0; t < points.length; t++) {
            double[] row = new double[observations.arity()];
            for (int j = 0; j < row.length; j++) {
                row[j] = observations.input(points[t], j);
            }
            inputs[t] = row;
            losses[t] = observations.loss(points[t]);
        }
        return new Observations(observations.source(), observations.inputNames(), inputs, losses);
    }
}
