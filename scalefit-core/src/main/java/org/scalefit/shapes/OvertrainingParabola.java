package org.scalefit.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;
import org.scalefit.law.FittedLaw;

/**
 * Gemstones' overtraining parabola for one FLOPs budget ({@code plotters/overtrained_single_parabola.py}; McLeish et
 * al. 2025): how the predicted loss rises when a budget's tokens are
 * scaled by √f and the model shrunk (or grown) to spend the same FLOPs.
 *
 * <p>From a budget's optimum — C FLOPs on t tokens, a row of the relaxed shape search ({@link RelaxedShape}) — and
 * each factor f, {@link #solve} finds
 * <pre>
 *   t′ = t·√f,   T = C / t′
 *   min over w ≥ 256, d ≥ 1 of  L̂(w, d, Ñ(w, d), t′)   subject to  flops_per_token(w, d) = T
 * </pre>
 * with Ñ the relaxed parameter count of the {@link ShapeAccounting} (Gemstones: {@code param_counter_relaxed} with
 * its default vocabulary, i.e. embeddings included, even where its search counted none). Gemstones runs SLSQP from
 * 71 × 17 = 1207 starts; here the constraint is solved exactly instead. FLOPs per token are affine in depth,
 * flops_per_token(w, d) = F₁(w) + (d − 1)·S(w) with F₁(w) = flops_per_token(w, 1) and S(w) = flops_per_token(w, 2) −
 * F₁(w) > 0, so on the constraint
 * <pre>
 *   d(w) = 1 + (T − F₁(w)) / S(w),   256 ≤ w ≤ w_max,   F₁(w_max) = T
 * </pre>
 * (F₁ grows with w; no shape fits if F₁(256) > T), and one Newton step on the computed count makes the constraint
 * hold to rounding. The remaining 1-D problem in ln w is scanned at {@value #SCAN_POINTS} evenly spaced points; every
 * local minimum of the scan (end points included) is refined by Brent's method between its neighbours, and the least
 * value wins (the smallest width on ties). {@link OvertrainedShape#edge()} flags results at the edge of Gemstones'
 * box, which its script drops.
 *
 * <p>The box d ≥ 1 is Gemstones' and wider than the box d ≥ 2 of the optimum it starts from ({@link RelaxedShape});
 * {@link #belowOptimumOutsideItsBox()} names the shapes that exploit the difference.
 *
 * @param bucket            the index of the budget's FLOPs bucket
 * @param optimum           the budget's optimum: C = {@code optimum.flops()}, t = {@code optimum.tokens()}
 * @param shapes            one result per feasible factor, in the order the factors were given
 * @param infeasibleFactors the factors for which even the smallest shape, 256 × 1, costs more than C / t′ per token
 */
public record OvertrainingParabola(int bucket, ShapePoint optimum, List<OvertrainedShape> shapes,
                                   List<Double> infeasibleFactors) {

    /** The smallest width of the constrained problem (Gemstones' bound). */
    public static final double MIN_WIDTH = 256;
    /** The smallest depth of the constrained problem (Gemstones' bound). */
    public static final double MIN_DEPTH = 1;
    /** Results with width at or below this are at the edge of the box (Gemstones keeps width &gt; 257). */
    public static final double EDGE_WIDTH = 257;
    /** Results with depth at or below this are at the edge of the box (Gemstones keeps depth &gt; 2). */
    public static final double EDGE_DEPTH = 2;
    /** Points of the scan in ln w that brackets the constrained minimum. */
    public static final int SCAN_POINTS = 1025;
    /** Gemstones' overtraining factors 2⁻⁴, 2⁻³, …, 2⁴. */
    public static final List<Double> GEMSTONES_FACTORS = powersOfTwo(-4, 4);

    public OvertrainingParabola {
        Objects.requireNonNull(optimum, "optimum");
        shapes = List.copyOf(shapes);
        infeasibleFactors = List.copyOf(infeasibleFactors);
    }

    /** The factors 2^low, 2^(low+1), …, 2^high. */
    public static List<Double> powersOfTwo(int low, int high) {
        if (low > high) {
            throw new IllegalArgumentException("overtraining exponents must satisfy low <= high, were " + low + " and "
                    + high);
        }
        List<Double> factors = new ArrayList<>();
        for (int i = low; i <= high; i++) {
            factors.add(Math.scalb(1.0, i));
        }
        return List.copyOf(factors);
    }

    /** The shapes not at the edge of the box: the points Gemstones plots. */
    public List<OvertrainedShape> interior() {
        return shapes.stream().filter(shape -> !shape.edge()).toList();
    }

    /**
     * The shapes shallower than the optimum's box allows (depth &lt; {@value RelaxedShape#MIN_DEPTH}) whose loss is
     * below the optimum's, in factor order. Gemstones searches the two with different boxes: the budget's optimum
     * over w ≥ 256, d ≥ 2 ({@code approach_3_brute_force_optim.py}, {@code optimize_row}; {@link RelaxedShape}), the
     * factors' shapes over w ≥ 256, d ≥ 1 ({@code overtrained_single_parabola.py}), and then drops every shape with
     * d ≤ 2 as the edge of the box. Both boxes are kept here as Gemstones has them; a shape listed here is at the edge
     * ({@link OvertrainedShape#edge()}), and its existence means the optimum is not the least loss of the set the
     * parabola searches — a law that rewards parameters regardless of shape (params/tokens, e.g. Chinchilla) puts its
     * shapes at depth 1. (Its loss may also differ from the optimum's through the parameter count: the parabola
     * always counts embeddings, the optimum with its search's count.)
     */
    public List<OvertrainedShape> belowOptimumOutsideItsBox() {
        return shapes.stream().filter(shape -> shape.shape().depth() < RelaxedShape.MIN_DEPTH
                && shape.shape().loss() < optimum.loss()).toList();
    }

    /**
     * The parabola of {@code law} through the budget {@code optimum} for each of {@code factors}; {@code second}, if
     * present, is evaluated at every shape found (Gemstones' params/tokens law).
     */
    public static OvertrainingParabola trace(FittedLaw law, Optional<FittedLaw> second, ShapeAccounting accounting,
                                             int bucket, ShapePoint optimum, List<Double> factors) {
        List<OvertrainedShape> shapes = new ArrayList<>();
        List<Double> infeasible = new ArrayList<>();
        for (double factor : factors) {
            Optional<OvertrainedShape> solved = solve(law, second, accounting, optimum.flops(), optimum.tokens(),
                    factor);
            if (solved.isPresent()) {
                shapes.add(solved.get());
            } else {
                infeasible.add(factor);
            }
        }
        return new OvertrainingParabola(bucket, optimum, shapes, infeasible);
    }

    /**
     * The shape of least predicted loss that spends {@code budget} FLOPs on tokens·√factor tokens, or empty if no
     * shape in the box can (F₁(256) &gt; budget / (tokens·√factor)).
     */
    public static Optional<OvertrainedShape> solve(FittedLaw law, Optional<FittedLaw> second,
                                                   ShapeAccounting accounting, double budget, double tokens,
                                                   double factor) {
        requirePositive("budget", budget);
        requirePositive("tokens", tokens);
        requirePositive("overtraining factor", factor);
        ShapeLaw minimised = ShapeLaw.of(law);
        double overtrainedTokens = tokens * Math.sqrt(factor);
        double target = budget / overtrainedTokens;
        if (!(accounting.flopsPerToken(MIN_WIDTH, MIN_DEPTH) <= target)) {
            return Optional.empty();
        }
        double low = Math.log(MIN_WIDTH);
        double high = Math.log(widestWidth(accounting, target));
        double logWidth = argmin(x -> lossAt(minimised, accounting, target, overtrainedTokens, Math.exp(x)), low,
                high);
        double width = Math.exp(logWidth);
        double depth = depthAt(accounting, target, width);
        double params = accounting.relaxedParameters(width, depth);
        ShapePoint shape = new ShapePoint(width, depth, overtrainedTokens, params,
                accounting.flopsPerToken(width, depth) * overtrainedTokens,
                minimised.loss(width, depth, params, overtrainedTokens));
        Optional<ShapeLaw> other = second.map(ShapeLaw::of);
        return Optional.of(new OvertrainedShape(factor, budget, shape,
                minimised.loss(width, depth, params, tokens),
                other.map(s -> OptionalDouble.of(s.loss(width, depth, params, overtrainedTokens)))
                        .orElse(OptionalDouble.empty()),
                other.map(s -> OptionalDouble.of(s.loss(width, depth, params, tokens))).orElse(OptionalDouble.empty()),
                width <= EDGE_WIDTH || depth <= EDGE_DEPTH));
    }

    /** The depth d ≥ 1 with flops_per_token(w, d) = target (rounding aside), for w ≤ w_max. */
    static double depthAt(ShapeAccounting accounting, double target, double width) {
        double one = accounting.flopsPerToken(width, 1);
        double slope = accounting.flopsPerToken(width, 2) - one;
        double depth = 1 + (target - one) / slope;
        if (depth > MIN_DEPTH) {
            depth -= (accounting.flopsPerToken(width, depth) - target) / slope;
        }
        return Math.max(MIN_DEPTH, depth);
    }

    private static double lossAt(ShapeLaw law, ShapeAccounting accounting, double target, double tokens,
                                 double width) {
        double depth = depthAt(accounting, target, width);
        return law.loss(width, depth, accounting.relaxedParameters(width, depth), tokens);
    }

    /** w_max: the width at which a single layer costs {@code target} per token (≥ 256, as F₁(256) ≤ target). */
    private static double widestWidth(ShapeAccounting accounting, double target) {
        double low = Math.log(MIN_WIDTH);
        if (accounting.flopsPerToken(MIN_WIDTH, MIN_DEPTH) == target) {
            return MIN_WIDTH;
        }
        double high = low + Math.log(2);
        while (accounting.flopsPerToken(Math.exp(high), MIN_DEPTH) < target) {
            low = high;
            high += Math.log(2);
        }
        double root = new BrentSolver(1e-15, 1e-15, 0).solve(1000,
                x -> accounting.flopsPerToken(Math.exp(x), MIN_DEPTH) / target - 1, low, high);
        return Math.max(MIN_WIDTH, Math.exp(root));
    }

    /** The least point of {@code f} on [low, high]: a scan, then Brent between the neighbours of each local minimum. */
    private static double argmin(DoubleUnaryOperator f, double low, double high) {
        if (!(high > low)) {
            return low;
        }
        double[] x = new double[SCAN_POINTS];
        double[] y = new double[SCAN_POINTS];
        for (int i = 0; i < SCAN_POINTS; i++) {
            x[i] = i == SCAN_POINTS - 1 ? high : low + (high - low) * i / (SCAN_POINTS - 1);
            y[i] = f.applyAsDouble(x[i]);
        }
        double bestX = Double.NaN;
        double bestY = Double.POSITIVE_INFINITY;
        for (int i = 0; i < SCAN_POINTS; i++) {
            boolean leftOk = i == 0 || y[i] <= y[i - 1];
            boolean rightOk = i == SCAN_POINTS - 1 || y[i] <= y[i + 1];
            if (!(leftOk && rightOk) || Double.isNaN(y[i])) {
                continue;
            }
            double pointX = x[i];
            double pointY = y[i];
            double left = x[Math.max(0, i - 1)];
            double right = x[Math.min(SCAN_POINTS - 1, i + 1)];
            UnivariatePointValuePair refined = new BrentOptimizer(1e-13, 1e-15).optimize(new MaxEval(2000),
                    new UnivariateObjectiveFunction(f::applyAsDouble), GoalType.MINIMIZE,
                    new SearchInterval(left, right, pointX));
            if (refined.getValue() < pointY) {
                pointX = refined.getPoint();
                pointY = refined.getValue();
            }
            if (pointY < bestY) {
                bestX = pointX;
                bestY = pointY;
            }
        }
        if (Double.isNaN(bestX)) {
            throw new IllegalArgumentException("the law's predicted loss is not finite anywhere on the FLOPs constraint");
        }
        return bestX;
    }

    private static void requirePositive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be positive and finite, was " + value);
        }
    }
}
