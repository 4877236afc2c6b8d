package org.scalefit.io.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scalefit.data.Observations;
import org.scalefit.data.RunKeys;
import org.scalefit.fit.Identification;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.heldout.HeldOutEvaluation;
import org.scalefit.heldout.HeldOutLaw;
import org.scalefit.heldout.HoldOut;
import org.scalefit.heldout.ModelSizes;
import org.scalefit.io.DataSource;
import org.scalefit.io.FitInputs;
import org.scalefit.io.InputException;
import org.scalefit.io.Transform;
import org.scalefit.law.LawForm;
import org.scalefit.law.expr.LawPoints;

/**
 * Held-out evaluation of a law by model size ({@code scalefit rollout}; {@link HeldOutEvaluation}): leave one size
 * out, or fit on the k smallest sizes and predict the larger ones, reporting the relative error 100·|L̂ − L|/L of the
 * law's loss predictions on the held-out points; every fit is {@code scalefit fit}'s on the points it reads — for a
 * built-in law multi-start L-BFGS on the Huber loss of log-loss residuals, for a law written as text, named or read
 * from a law file ({@link HeldOutLaw.Written}) its own objective on its own input columns (M = tokens/params derived
 * as {@code fit} derives it).
 *
 * @param data       the runs
 * @param law        the law fitted, with its objective and starts (a written law's weights are read from
 *                   {@code weights})
 * @param weights    a written law's column of per-point weights, or null for none (null for a built-in law)
 * @param mode       leave-one-size-out or rollout
 * @param smallest   rollout: the numbers k of smallest sizes fitted on; empty for every k from 3 to sizes − 1 (fewer
 *                   sizes give each input of a built-in law fewer than {@link Identification#MIN_DISTINCT} distinct
 *                   values, which cannot identify it)
 * @param sizeKey    the columns whose equal values make one model size; empty for width,depth if present, else params
 * @param transforms the transforms of the points, as {@code scalefit fit}'s (none for a written law, which
 *                   {@code fit} reads as it is)
 */
public record HeldOutRequest(DataSource data, HeldOutLaw law, String weights, HoldOut mode, List<Integer> smallest,
                             List<String> sizeKey, List<Transform> transforms) {

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
        sizeKey = List.copyOf(sizeKey);
        transforms = List.copyOf(transforms);
        if (mode == HoldOut.LEAVE_ONE_SIZE_OUT && !smallest.isEmpty()) {
            throw new IllegalArgumentException("--smallest applies to --mode rollout");
        }
        if (law instanceof HeldOutLaw.BuiltIn && weights != null) {
            throw new IllegalArgumentException("--weights is for a law written as text or file, not for the "
                    + "built-in law " + law.name());
        }
        if (law instanceof HeldOutLaw.Written && !transforms.isEmpty()) {
            throw new IllegalArgumentException("--no-embeds and --drop-highest-losses are for the built-in laws; a "
                    + "law written as text is fitted to the columns it names");
        }
    }

    /** A built-in law fitted with {@code scalefit fit}'s engine on the Huber loss of threshold δ from {@code grid}. */
    public static HeldOutLaw builtIn(LawForm law, double delta, StartGrid grid) {
        return new HeldOutLaw.BuiltIn(law, delta, grid, MultiStartFitter.Options.defaults());
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
        HeldOutLaw fitted = law;
        FitInputs inputs;
        if (law instanceof HeldOutLaw.Written written) {
            PreparedExpressionFit read = PreparedExpressionFit.read(written.law(), weights, data, data.data(),
                    written.options(), Identification.Limits.DEFAULTS, null, 0, wanted);
            read.request().objective();   // the law against every point, before any fit: as fit checks it
            inputs = inputs(read);
            fitted = written.withWeights(read.points().weights());
        } else {
            inputs = FitInputs.read(data, ((HeldOutLaw.BuiltIn) law).form(), transforms, wanted);
        }
        List<String> lawInputs = law.inputs();
        boolean byShape = !inputs.has("params") && lawInputs.contains("width") && lawInputs.contains("depth");
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
        return new PreparedHeldOut(this, inputs, key, byShape ? WIDTH_SQUARED_DEPTH : "params", sizes, counts,
                new HeldOutEvaluation(fitted));
    }

    /**
     * A written law's points as {@link FitInputs}: the observations' inputs are the law's columns (one point per row
     * of the table read), with the provenance's transforms (row condition, M = tokens/params when derived).
     *
     * @throws InputException if an input or the loss is not positive (a relative error needs a positive loss)
     */
    private static FitInputs inputs(PreparedExpressionFit read) {
        LawPoints points = read.points();
        double[][] values = new double[points.size()][points.columnNames().size()];
        for (int j = 0; j < points.columnNames().size(); j++) {
            double[] column = points.column(points.columnNames().get(j));
            for (int i = 0; i < values.length; i++) {
                values[i][j] = column[i];
            }
        }
        Observations observations;
        try {
            observations = new Observations(read.table().source(), points.columnNames(), values, points.losses());
        } catch (IllegalArgumentException e) {
            throw new InputException(read.table().source(), null, null, "positive inputs and losses (a held-out "
                    + "evaluation scores each point by 100·|L̂ − L|/L)", e.getMessage(), e);
        }
        int[] rows = java.util.stream.IntStream.range(0, points.size()).toArray();
        return new FitInputs(read.table(), observations, rows, read.provenance().transforms(), read.columns(),
                read.repetition());
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
