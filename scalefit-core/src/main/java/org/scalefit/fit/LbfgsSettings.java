package org.scalefit.fit;

import java.io.Serializable;

/**
 * Stopping rules and memory of {@link Lbfgs}.
 *
 * <p>The two convergence tests are those of L-BFGS-B (Zhu, Byrd, Lu &amp; Nocedal 1997) as scipy applies them:
 * stop when the last step reduced f by no more than {@code relativeReduction}·max(|f_k|, |f_k+1|, 1), or when
 * ‖∇f‖<sub>∞</sub> ≤ {@code gradientTolerance}.
 *
 * @param memory                   number of correction pairs kept (scipy {@code maxcor})
 * @param relativeReduction        scipy {@code factr·ε} ({@code ftol})
 * @param gradientTolerance        scipy {@code pgtol} ({@code gtol})
 * @param maxIterations            iteration limit
 * @param maxEvaluations           limit on function-and-gradient evaluations
 * @param maxLineSearchEvaluations evaluations allowed in one line search (scipy {@code maxls})
 */
public record LbfgsSettings(int memory, double relativeReduction, double gradientTolerance, int maxIterations,
                            int maxEvaluations, int maxLineSearchEvaluations) implements Serializable {

    public LbfgsSettings {
        if (memory < 1 || maxIterations < 1 || maxEvaluations < 1 || maxLineSearchEvaluations < 2) {
            throw new IllegalArgumentException("memory, iteration and evaluation limits must be positive");
        }
        if (!(relativeReduction >= 0) || !(gradientTolerance >= 0)) {
            throw new IllegalArgumentException("tolerances must be non-negative");
        }
    }

    /** scipy's {@code minimize(method="L-BFGS-B")} defaults: m = 10, ftol = 2.22e-9, gtol = 1e-5, 15000/15000, 20. */
    public static LbfgsSettings scipyDefaults() {
        return new LbfgsSettings(10, 1e7 * Math.ulp(1.0), 1e-5, 15000, 15000, 20);
    }

    /** Tight tolerances for polishing a final optimum: ftol = 1e-15·… (a few ulps), gtol = 1e-12. */
    public static LbfgsSettings polishing() {
        return new LbfgsSettings(20, 4 * Math.ulp(1.0), 1e-12, 20000, 40000, 40);
    }

    /** The same settings with another relative-reduction tolerance. */
    public LbfgsSettings withRelativeReduction(double tolerance) {
        return new LbfgsSettings(memory, tolerance, gradientTolerance, maxIterations, maxEvaluations,
                maxLineSearchEvaluations);
    }
}
