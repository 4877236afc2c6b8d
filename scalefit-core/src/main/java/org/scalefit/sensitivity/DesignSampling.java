package org.scalefit.sensitivity;

import java.util.List;
import java.util.stream.IntStream;
import org.scalefit.data.RunTable;

/**
 * Sampling one's own runs like a reference design (Gemstones {@code chinchilla_reduced_sampling.py}:
 * "our runs sampled like Chinchilla"): from every run's checkpoints keep those whose token count, rounded to a unit
 * u (Gemstones: 10⁹, {@code tokens.round(−9)}), equals one of the rounded token counts of the reference runs of the
 * same {@link ReferenceDesign#sizeClass size class}. A run whose size class the design lacks contributes nothing.
 *
 * <p>The sample carries the rounded token counts (the original fits on them) and a {@code size_class} column, and
 * keeps the table's row order and source lines. Restricting the runs to some shapes first
 * ({@link #onlyShapes}) reproduces the original's hand-picked list of models.
 */
public final class DesignSampling {

    /** The column the sample adds: each row's size class (Gemstones' {@code rounded_params}). */
    public static final String SIZE_CLASS = "size_class";

    private DesignSampling() {
    }

    /**
     * The checkpoints of {@code runs} (columns {@code params}, {@code tokens}) that match {@code design}, with
     * tokens rounded to {@code tokenUnit}.
     *
     * @throws IllegalArgumentException if no checkpoint matches
     */
    public static RunTable sample(RunTable runs, ReferenceDesign design, double tokenUnit) {
        if (!(tokenUnit > 0) || Double.isInfinite(tokenUnit)) {
            throw new IllegalArgumentException("the token unit must be positive and finite, was " + tokenUnit);
        }
        double[] params = runs.column("params");
        double[] tokens = runs.column("tokens");
        double[] rounded = new double[runs.rows()];
        double[] classes = new double[runs.rows()];
        for (int i = 0; i < rounded.length; i++) {
            rounded[i] = ReferenceDesign.round(tokens[i], tokenUnit);
            classes[i] = ReferenceDesign.sizeClass(params[i]);
        }
        int[] kept = IntStream.range(0, runs.rows()).filter(i -> design.contains(classes[i], rounded[i])).toArray();
        if (kept.length == 0) {
            throw new IllegalArgumentException("no checkpoint of " + runs.source() + " matches the reference design");
        }
        return Rows.subset(runs.withColumn("tokens", rounded).withColumn(SIZE_CLASS, classes), kept);
    }

    /**
     * The rows of {@code runs} (columns {@code width}, {@code depth}) whose shape is one of {@code shapes}; shapes
     * without a run are passed over (as the original's {@code isin}), see {@link #absentShapes}.
     *
     * @throws IllegalArgumentException if no row has any of the shapes
     */
    public static RunTable onlyShapes(RunTable runs, List<ModelShape> shapes) {
        double[] width = runs.column("width");
        double[] depth = runs.column("depth");
        int[] kept = IntStream.range(0, runs.rows())
                .filter(i -> shapes.stream().anyMatch(shape -> shape.matches(width[i], depth[i]))).toArray();
        if (kept.length == 0) {
            throw new IllegalArgumentException("no run of " + runs.source() + " has any of the shapes " + shapes);
        }
        return Rows.subset(runs, kept);
    }

    /** The shapes of {@code shapes} that no row of {@code runs} has (a mistyped shape, or a run the table lacks). */
    public static List<ModelShape> absentShapes(RunTable runs, List<ModelShape> shapes) {
        double[] width = runs.column("width");
        double[] depth = runs.column("depth");
        return shapes.stream().filter(shape -> IntStream.range(0, runs.rows())
                .noneMatch(i -> shape.matches(width[i], depth[i]))).toList();
    }
}
