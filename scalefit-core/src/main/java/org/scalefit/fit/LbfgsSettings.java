package org.scalefit.fit;

import java.io.Serializable;

/**
 * Stopping rules and memory of {@link Lbfgs}.
 *
 * <p>The two convergence tests are those of L-BFGS-B (Zhu, Byrd, Lu &amp; Nocedal 1997), with the scale made
 * explicit:
 * <ul>
 *   <li>reduction: stop when the last step reduced f by no more than
 *       {@code relativeReduction}·max(|f_k|, |f_k+1|, {@code valueFloor});</li>
 *   <li>gradient: stop when ‖∇f‖<sub>∞</sub> ≤ {@code gradientTolerance}, times max(|f|, {@code valueFloor}) if
 *       {@code relativeGradient}.</li>
 * </ul>
 * scipy's {@code minimize(method="L-BFGS-B")} is the case {@code valueFloor} = 1 with an absolute gradient test
 * ({@link #scipyDefaults()}): for an objective far below 1, such as a Huber sum of log residuals (10⁻⁵–10⁻³), its
 * "relative" reduction test is in fact absolute and stops a descent while it still gains percents of the objective.
 * {@link #scaleFree()} applies the same tolerances relative to the objective itself, so that stopping does not depend
 * on the units of the loss or on the number of points; its floor is the objective's rounding level, supplied per
 * problem with {@link #withValueFloor(double)}.
 *
 * @param memory                   number of correction pairs kept (scipy {@code maxcor})
 * @param relativeReduction        scipy {@code factr·ε} ({@code ftol})
 * @param gradientTolerance        scipy {@code pgtol} ({@code gtol}); relative to |f| if {@code relativeGradient}
 * @param maxIterations            iteration limit
 * @param maxEvaluations           limit on function-and-gradient evaluations
 * @param maxLineSearchEvaluations evaluations allowed in one line search (scipy {@code maxls})
 * @param valueFloor               the smallest scale the tests measure f against (scipy: 1)
 * @param relativeGradient         the gradient test scales with max(|f|, valueFloor) (scipy: absolute)
 */
public record LbfgsSettings(int memory, double relativeReduction, double gradientTolerance, int maxIterations,
                            int maxEvaluations, int maxLineSearchEvaluations, double valueFloor,
                            boolean relativeGradient) implements Serializable {

    private static final double SCIPY_FTOL = 1e7 * Math.ulp(1.0);

    public LbfgsSettings {
        if (memory < 1 || maxIterations < 1 || maxEvaluations < 1 || maxLineSearchEvaluations < 2) {
            throw new IllegalArgumentException("memory, iteration and evaluation limits must be positive");
        }
        if (!(relativeReduction >= 0) || !(gradientTolerance >= 0) || !(valueFloor >= 0)
                || Double.isInfinite(valueFloor)) {
            throw new IllegalArgumentException("tolerances and the value floor must be finite and non-negative");
        }
    }

    /** scipy's {@code minimize(method="L-BFGS-B")} defaults: m = 10, ftol = 2.22e-9, gtol = 1e-5, 15000/15000, 20. */
    public static LbfgsSettings scipyDefaults() {
        return new LbfgsSettings(10, SCIPY_FTOL, 1e-5, 15000, 15000, 20, 1.0, false);
    }

    /**
     * scipy's tolerances made relative to the objective: a step that lowers f by at most 2.22·10⁻⁹ of itself, or a
     * gradient whose largest component is at most 10⁻⁵ of f, ends the run (floor 0 until
     * {@link #withValueFloor(double)} sets the objective's rounding level).
     */
    public static LbfgsSettings scaleFree() {
        return new LbfgsSettings(10, SCIPY_FTOL, 1e-5, 15000, 15000, 20, 0.0, true);
    }

    /**
     * Screening tolerances relative to the objective: a step that lowers f by at most 10⁻⁶ of itself, or a gradient
     * at most 10⁻⁵ of f, ends the run. Not the multi-start engine's default any more: stopped there, starts on a
     * plateau missed lower optima that a run to {@link #scaleFree()} reaches ({@link MultiStartFitter}).
     */
    public static LbfgsSettings screening() {
        return new LbfgsSettings(10, 1e-6, 1e-5, 15000, 15000, 20, 0.0, true);
    }

    /** Tight tolerances for polishing a final optimum: ftol = 4 ulp of max(|f|, 1), gtol = 1e-12, absolute. */
    public static LbfgsSettings polishing() {
        return new LbfgsSettings(20, 4 * Math.ulp(1.0), 1e-12, 20000, 40000, 40, 1.0, false);
    }

    /**
     * Tight tolerances relative to the objective: a step that lowers f by at most 4 ulp of itself, or a gradient
     * at most 10⁻¹³ of f; used to polish an optimum whatever the scale of the objective.
     */
    public static LbfgsSettings scaleFreePolishing() {
        return new LbfgsSettings(20, 4 * Math.ulp(1.0), 1e-13, 20000, 40000, 40, 0.0, true);
    }

    /** The same settings with another relative-reduction tolerance. */
    public LbfgsSettings withRelativeReduction(double tolerance) {
        return new LbfgsSettings(memory, tolerance, gradientTolerance, maxIterations, maxEvaluations,
                maxLineSearchEvaluations, valueFloor, relativeGradient);
    }

    /** The same settings measured against max(|f|, floor) at least (the larger of this floor and the current). */
    public LbfgsSettings withValueFloor(double floor) {
        return new LbfgsSettings(memory, relativeReduction, gradientTolerance, maxIterations, maxEvaluations,
                maxLineSearchEvaluations, Math.max(valueFloor, floor), relativeGradient);
    }

    /** The same settings with another limit on evaluations (and iterations no more than that). */
    public LbfgsSettings withMaxEvaluations(int evaluations) {
        return new LbfgsSettings(memory, relativeReduction, gradientTolerance, Math.min(maxIterations, evaluations),
                evaluations, Math.max(2, Math.min(maxLineSearchEvaluations, evaluations)), valueFloor,
                relativeGradient);
    }

    /** The largest ‖∇f‖∞ that counts as converged at objective value f. */
    double gradientLimit(double f) {
        return relativeGradient ? gradientTolerance * Math.max(Math.abs(f), valueFloor) : gradientTolerance;
    }

    /** The largest reduction of a step from {@code before} to {@code after} that counts as converged. */
    double reductionLimit(double before, double after) {
        return relativeReduction * Math.max(Math.max(Math.abs(before), Math.abs(after)), valueFloor);
    }
}
