package org.scalefit.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scalefit.accounting.Architecture;

/**
 * The model shapes one can build near target sizes: Gemstones' search space of feasible shapes
 * ({@code plotters/plot_feasible_model_shapes.ipynb}; McLeish et al. 2025 §2).
 *
 * <p>For each target size N*, every width W from {@code minWidth} to {@code maxWidth} in steps of
 * {@code widthStep} and depth D from {@code minDepth} to {@code maxDepth} such that
 * <pre>
 *   W is a multiple of the head size h;  n_head = W/h is a multiple of the GQA group g and ≥ g (n_groups ≥ 1);
 *   |N(W, D) − N*| ≤ tolerance · N*
 * </pre>
 * with N the exact count of {@link Architecture#parameters} (embedding and LM head included). Gemstones' defaults:
 * targets 50M, 100M, 500M, 1B, 2B, 4B, 7B; W = 256, 384, …, 8192; D = 2 … 255; ±5 %; h = 128, g = 2 (so n_head
 * even, W a multiple of 256). Shapes are listed by target, then width, then depth.
 */
public final class FeasibleShapes {

    /** Gemstones' target sizes: 50M, 100M, 500M, 1B, 2B, 4B, 7B. */
    public static final List<Double> GEMSTONES_TARGETS = List.of(50e6, 100e6, 500e6, 1e9, 2e9, 4e9, 7e9);

    /**
     * One feasible shape.
     *
     * @param target the target size N*
     * @param width  W
     * @param depth  D
     * @param params N(W, D)
     */
    public record Shape(double target, int width, int depth, double params) {

        /** (N − N*)/N*. */
        public double relativeDeviation() {
            return (params - target) / target;
        }

        /** Query heads W/h. */
        public int heads(Architecture architecture) {
            return width / architecture.headSize();
        }
    }

    private FeasibleShapes() {
    }

    /** Gemstones' enumeration: 386 shapes over the seven targets. */
    public static List<Shape> gemstones() {
        return enumerate(Architecture.gemstones(), GEMSTONES_TARGETS, 0.05, 256, 8192, 128, 2, 255);
    }

    /** The feasible shapes of {@code architecture} within ±{@code tolerance} of each target (see the class comment). */
    public static List<Shape> enumerate(Architecture architecture, List<Double> targets, double tolerance,
                                        int minWidth, int maxWidth, int widthStep, int minDepth, int maxDepth) {
        Objects.requireNonNull(architecture, "architecture");
        if (!(tolerance >= 0) || minWidth < 1 || maxWidth < minWidth || widthStep < 1 || minDepth < 1
                || maxDepth < minDepth) {
            throw new IllegalArgumentException("need tolerance ≥ 0, 1 ≤ minWidth ≤ maxWidth, widthStep ≥ 1, "
                    + "1 ≤ minDepth ≤ maxDepth");
        }
        int h = architecture.headSize();
        int g = architecture.queriesPerGroup();
        List<Shape> shapes = new ArrayList<>();
        for (double target : targets) {
            if (!(target > 0) || Double.isInfinite(target)) {
                throw new IllegalArgumentException("target sizes must be positive and finite, got " + target);
            }
            for (int width = minWidth; width <= maxWidth; width += widthStep) {
                int heads = width / h;
                if (width % h != 0 || heads % g != 0 || heads < g) {
                    continue;
                }
                for (int depth = minDepth; depth <= maxDepth; depth++) {
                    double params = architecture.parameters(width, depth);
                    if (Math.abs(params - target) <= tolerance * target) {
                        shapes.add(new Shape(target, width, depth, params));
                    }
                }
            }
        }
        return List.copyOf(shapes);
    }
}
