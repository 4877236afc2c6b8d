package org.scalefit.io.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scalefit.data.RunKeys;
import org.scalefit.fit.Identification;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.heldout.HeldOutEvaluation;
import org.scalefit.heldout.HoldOut;
import org.scalefit.heldout.ModelSizes;
import org.scalefit.io.DataSource;
import org.scalefit.io.FitInputs;
import org.scalefit.io.InputException;
import org.scalefit.io.Transform;
import org.scalefit.law.LawForm;

/**
 * Held-out evaluation of an Approach-3 law by model size ({@code scalefit rollout}; {@link HeldOutEvaluation}): leave
 * one size out, or fit on the k smallest sizes and predict the larger ones, reporting the relative error
 * 100·|L̂ − L|/L of the law's loss predictions on the held-out points; every fit is {@code scalefit fit}'s (multi-start
 * L-BFGS on the Huber loss of log-loss residuals) on the points it reads.
 *
 * @param data       the runs
 * @param law        the law fitted
 * @param delta      the Huber threshold on log-loss residuals
 * @param mode       leave-one-size-out or rollout
 * @param smallest   rollout: the numbers k of smallest sizes fitted on; empty for every k from 3 to sizes − 1 (fewer
 *                   sizes give each input of a built-in law fewer than {@link Identification#MIN_DISTINCT} distinct
 *                   values, which cannot identify it)
 * @param grid       the starts of every fit
 * @param sizeKey    the columns whose equal values make one model size; empty for width,depth if present, else params
 * @param transforms the transforms of the points, as {@code scalefit fit}'s
 */
public record HeldOutRequest(DataSource data, LawForm law, double delta, HoldOut mode, List<Integer> smallest,
                             StartGrid grid, List<String> sizeKey, List<Transform> transforms) {

    /**
     * The size order of data without a params column, for a law with width and depth inputs: width²·depth, the
     * non-embedding parameter count of a transformer up to its constant (Kaplan et al. 2020 §2.1, N ≈ 12·depth·width²
     * with the usual d_ff = 4·width); the sizes are numbered, not weighted, by it.
     */
    public static final String WIDTH_SQUARED_DEPTH = "width^2*depth";

    public HeldOutRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(mode, "mode");
        smallest = List.copyOf(smallest);
        Objects.requireNonNull(grid, "grid");
        sizeKey = List.copyOf(sizeKey);
        transforms = List.copyOf(transforms);
        if (mode == HoldOut.LEAVE_ONE_SIZE_OUT && !smallest.isEmpty()) {
            throw new IllegalArgumentException("--smallest applies to --mode rollout");
        }
    }

    /**
     * The starts of {@code grid}: {@code coarse} (every other value of each Gemstones axis, 3^(2k+1) starts) or a
     * named grid ({@link StartGrid#named}).
     */
    public static StartGrid grid(String name, LawForm law) {
        return name.equals("coarse") ? HeldOutEvaluation.coarseGrid(law.arity()) : StartGrid.named(name, law.arity());
    }

    /**
     * Reads the points and groups them into model sizes, ordered by params when the data has a params column, else,
     * for a law with width and depth inputs, by {@value #WIDTH_SQUARED_DEPTH}.
     *
     * @throws InputException if the data is bad, or has no params column and the law no width and depth inputs
     */
    public PreparedHeldOut prepare() {
        List<String> wanted = new ArrayList<>(FitInputs.runKeyCandidates(sizeKey));
        wanted.add("params");
        FitInputs inputs = FitInputs.read(data, law, transforms, wanted);
        boolean byShape = !inputs.has("params") && law.inputs().contains("width") && law.inputs().contains("depth");
        if (!inputs.has("params") && !byShape) {
            throw new InputException(inputs.table().source(), null, "params", "a params column to order the model "
                    + "sizes by (map one with --column params=…), or a law with width and depth inputs",
                    "only the columns " + inputs.table().columnNames());
        }
        List<String> key = inputs.runKey(sizeKey);
        double[] scale = byShape ? widthSquaredDepth(inputs.column("width"), inputs.column("depth"))
                : inputs.column("params");
        ModelSizes sizes = ModelSizes.of(RunKeys.of(inputs.columns(key)), scale);
        int[] counts = smallest.isEmpty()
                ? (mode == HoldOut.ROLLOUT && sizes.count() >= 2
                        ? HeldOutEvaluation.rolloutCounts(Math.min(Identification.MIN_DISTINCT, sizes.count() - 1),
                                sizes) : new int[0])
                : smallest.stream().mapToInt(Integer::intValue).toArray();
        HeldOutEvaluation evaluation = new HeldOutEvaluation(law, delta, grid, MultiStartFitter.Options.defaults());
        return new PreparedHeldOut(this, inputs, key, byShape ? WIDTH_SQUARED_DEPTH : "params", sizes, counts,
                evaluation);
    }

    /** width_i²·depth_i for every point. */
    private static double[] widthSquaredDepth(double[] width, double[] depth) {
        double[] scale = new double[width.length];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = width[i] * width[i] * depth[i];
        }
        return scale;
    }
}
