package org.scalefit.fit;

/**
 * A {@link DifferentiableObjective} that also computes its Hessian ∇²f, for second-order local methods
 * ({@link TrustRegionNewton}).
 */
public interface TwiceDifferentiableObjective extends DifferentiableObjective {

    /**
     * Computes f(x), writes ∇f(x) into {@code gradient} and ∇²f(x) into {@code hessian} (n·n entries, row-major,
     * symmetric). Where f is not twice differentiable (a Huber residual exactly at its kink) any one-sided value is
     * allowed. Must not allocate and must not keep references to its arguments.
     *
     * @return f(x); {@code NaN} or ±∞ if f is not defined there (the derivatives are then unspecified)
     */
    double valueGradientHessian(double[] x, double[] gradient, double[] hessian);
}
