package org.scalefit.shapes;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.scalefit.law.FittedLaw;
import org.scalefit.parallel.Parallelism;

/**
 * A bucket optimum refined over real-valued shapes at its exact FLOPs, and rounded back to a shape one can build
 * (Gemstones {@code approach_3_brute_force_optim.py}, {@code optimize_row}).
 *
 * <p>Gemstones solves min L(w, d, N(w, d), t) subject to t · flops_per_token(w, d) = C with SLSQP from 7×7×7
 * starts (w, d, t)·2^i, i = −3…3, bounds w ≥ 256, d ≥ 2, t ≥ 1, C the grid optimum's FLOPs, and keeps the result if
 * it beats the grid optimum. Here the constraint is eliminated exactly, t = C / flops_per_token(w, d), leaving a
 * smooth problem in (ln w, ln d):
 * <pre>
 *   min over 256 ≤ w ≤ 2²⁴, 2 ≤ d ≤ 2²⁴ of  L(w, d, Ñ(w, d), C / flops_per_token(w, d))
 * </pre>
 * with Ñ the relaxed parameter count (real-valued heads, the vocabulary of the search's {@link ParameterCount}),
 * solved by BOBYQA (Powell 2009) from the grid optimum's (w, d)·(2^i, 2^j), i, j = −3…3 (49 starts, clamped to the
 * box, duplicates skipped), keeping the least. The FLOP constraint then holds to rounding. As in Gemstones the
 * result is accepted only if its loss is below the grid optimum's; otherwise {@link #relaxed()} is the grid optimum
 * and {@link #improved()} is false. (Gemstones' SLSQP objective uses the relaxed count with embeddings even when its
 * grid used {@code vocab_size=0}; here both use the same vocabulary. Gemstones refines only the width–depth law's
 * optima; any law can be refined here.)
 *
 * <p>{@link #rounded()}: the best of the integer-feasible shapes next to the relaxed one — width a multiple of
 * head size × queries per group (so the head count is a whole number of GQA groups), ⌊w⌋ or ⌈w⌉ to that step, depth
 * ⌊d⌋ or ⌈d⌉ (at least 1) — with the search's parameter count and t = C / flops_per_token again.
 *
 * @param grid     the grid optimum refined
 * @param relaxed  the relaxed optimum (or the grid optimum, if no real-valued shape beats it)
 * @param improved whether the relaxed optimum beats the grid optimum
 * @param rounded  the best integer-feasible neighbour of the relaxed optimum
 */
public record RelaxedShape(BucketOptimum grid, ShapePoint relaxed, boolean improved, ShapePoint rounded) {

    /** Width lower bound of the continuous problem. */
    public static final double MIN_WIDTH = 256;
    /** Depth lower bound of the continuous problem. */
    public static final double MIN_DEPTH = 2;
    /** Upper bound of width and depth (far outside the grid; keeps BOBYQA's box finite). */
    public static final double MAX_SIZE = 1 << 24;

    private static final int[] SCALINGS = {-3, -2, -1, 0, 1, 2, 3};

    public RelaxedShape {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(relaxed, "relaxed");
        Objects.requireNonNull(rounded, "rounded");
    }

    /** The FLOPs budget C: the grid optimum's FLOPs. */
    public double budget() {
        return grid.point().flops();
    }

    /**
     * Whether {@link #relaxed()} sits on a bound of the box (w = 256, d = 2, or 2²⁴) — or outside it, when it is a
     * kept grid row such as depth 1: the law wants a shape beyond the box.
     */
    public boolean atBound() {
        double w = relaxed.width();
        double d = relaxed.depth();
        double tolerance = 1e-6;
        return w <= MIN_WIDTH * (1 + tolerance) || d <= MIN_DEPTH * (1 + tolerance)
                || w >= MAX_SIZE * (1 - tolerance) || d >= MAX_SIZE * (1 - tolerance);
    }

    /** Refines each of {@code optima} (one task each on {@code parallelism}), in order. */
    public static List<RelaxedShape> refineAll(FittedLaw law, List<BucketOptimum> optima, ShapeAccounting accounting,
                                               Parallelism parallelism) {
        return List.copyOf(parallelism.map(optima.size(), i -> refine(law, optima.get(i), accounting)));
    }

    /** Refines {@code grid}, an optimum of {@code law} found by a search costed by {@code accounting}. */
    public static RelaxedShape refine(FittedLaw law, BucketOptimum grid, ShapeAccounting accounting) {
        ShapeLaw compiled = ShapeLaw.of(law);
        double budget = grid.point().flops();
        double[] lower = {Math.log(MIN_WIDTH), Math.log(MIN_DEPTH)};
        double[] upper = {Math.log(MAX_SIZE), Math.log(MAX_SIZE)};
        ObjectiveFunction objective = new ObjectiveFunction(x -> continuous(compiled, accounting, budget,
                clamp(Math.exp(x[0]), MIN_WIDTH, MAX_SIZE), clamp(Math.exp(x[1]), MIN_DEPTH, MAX_SIZE)).loss());
        PointValuePair best = null;
        Set<List<Double>> started = new HashSet<>();
        for (int i : SCALINGS) {
            for (int j : SCALINGS) {
                double[] start = {clamp(Math.log(grid.point().width()) + i * Math.log(2), lower[0], upper[0]),
                        clamp(Math.log(grid.point().depth()) + j * Math.log(2), lower[1], upper[1])};
                if (!started.add(List.of(start[0], start[1]))) {
                    continue; // scalings clamped to the same corner of the box
                }
                try {
                    PointValuePair found = new BOBYQAOptimizer(5, 0.25, 1e-10).optimize(new MaxEval(4000),
                            objective, GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper));
                    if (best == null || found.getValue() < best.getValue()) {
                        best = found;
                    }
                } catch (MathIllegalStateException e) {
                    // this start used up its evaluations; the others decide
                }
            }
        }
        ShapePoint relaxed = grid.point();
        boolean improved = false;
        if (best != null && best.getValue() < grid.point().loss()) {
            double[] x = best.getPointRef();
            relaxed = continuous(compiled, accounting, budget, clamp(Math.exp(x[0]), MIN_WIDTH, MAX_SIZE),
                    clamp(Math.exp(x[1]), MIN_DEPTH, MAX_SIZE));
            improved = relaxed.loss() < grid.point().loss();
            if (!improved) {
                relaxed = grid.point();
            }
        }
        return new RelaxedShape(grid, relaxed, improved, rounded(compiled, accounting, budget, relaxed));
    }

    /** The real-valued shape w × d trained on the whole budget. */
    private static ShapePoint continuous(ShapeLaw law, ShapeAccounting accounting, double budget, double width,
                                         double depth) {
        double flopsPerToken = accounting.flopsPerToken(width, depth);
        double tokens = budget / flopsPerToken;
        double params = accounting.relaxedParameters(width, depth);
        return new ShapePoint(width, depth, tokens, params, tokens * flopsPerToken,
                law.loss(width, depth, params, tokens));
    }

    private static ShapePoint rounded(ShapeLaw law, ShapeAccounting accounting, double budget, ShapePoint relaxed) {
        int step = accounting.widthStep();
        int[] widths = {Math.max(step, (int) Math.floor(relaxed.width() / step) * step),
                Math.max(step, (int) Math.ceil(relaxed.width() / step) * step)};
        int[] depths = {Math.max(1, (int) Math.floor(relaxed.depth())), Math.max(1, (int) Math.ceil(relaxed.depth()))};
        ShapePoint best = null;
        for (int width : widths) {
            for (int depth : depths) {
                double flopsPerToken = accounting.flopsPerToken(width, depth);
                double tokens = budget / flopsPerToken;
                double params = accounting.parameters(width, depth);
                ShapePoint candidate = new ShapePoint(width, depth, tokens, params, tokens * flopsPerToken,
                        law.loss(width, depth, params, tokens));
                if (best == null || candidate.loss() < best.loss()) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
