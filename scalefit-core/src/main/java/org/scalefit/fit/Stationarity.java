package org.scalefit.fit;

import java.io.Serializable;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The evidence that a reported optimum θ* is a local minimum of the objective F to working precision.
 *
 * <p>With S = max(F(θ*), ρ) the objective's own scale (ρ its rounding level, {@link DifferentiableObjective#roundingLevel()}):
 * <ul>
 *   <li><b>first order</b>: no step along −∇F(θ*), along the Newton direction −|H|⁻¹∇F(θ*) (H the Hessian by central
 *       differences of the analytic gradient, |H| with its eigenvalues in absolute value) or in one parameter alone,
 *       −sign(∂F/∂θ_i)·e_i, lowers F by more than {@value #DECREASE_TOLERANCE}·S, for any step length t·d,
 *       t = 2⁰, 2⁻¹, …, 2⁻⁸⁰ of the step whose largest coordinate is 1. The steps in one parameter are there because
 *       −∇F can be dominated by a parameter that stands at an edge of the law's domain (e.g. R_D* → 0+ in the
 *       data-constrained law, where every step along −∇F leaves the domain within 10⁻¹²) while another parameter's
 *       slope still lowers F; they are made for every parameter whose slope |∂F/∂θ_i| exceeds the allowed
 *       decrease (below it no step of length ≤ 1 in θ_i lowers F beyond the tolerance to first order);</li>
 *   <li><b>second order</b>: the smallest eigenvalue of H is at least −{@value #CURVATURE_TOLERANCE} of the largest in
 *       magnitude, or else no step along ±its eigenvector lowers F by more than the same amount (negative curvature
 *       that is only the Huber loss's kink or rounding). Where H cannot be formed (not finite) or decomposed, the
 *       second-order test is not made ({@code curvatureRatio} NaN) and counts as passed.</li>
 * </ul>
 * "More than {@value #DECREASE_TOLERANCE}·S" is also never less than the rounding level ρ: a decrease that small
 * is not a decrease. A tested step where F is not defined (NaN, e.g. a law written as text whose prediction turns
 * negative there, so its log residual is not) lowers nothing and is passed over.
 * Both tests are relative to the objective, so they mean the same for a loss of 3 or of 10⁻³, for 10 or 10 000
 * points and for any δ. They are a measurement, not an assumption: the tested steps are evaluated. The gradient's
 * size is reported too, as ‖∇F‖<sub>∞</sub> and as max<sub>i</sub>|∂F/∂θ_i|·max(1, |θ_i|)/S (the relative change
 * of F per relative change of a parameter).
 *
 * @param value              F(θ*)
 * @param scale              S = max(F(θ*), rounding level)
 * @param gradientNorm       ‖∇F(θ*)‖<sub>∞</sub>
 * @param relativeGradient   max<sub>i</sub>|∂F/∂θ_i|·max(1, |θ_i|) / S
 * @param curvatureRatio     smallest eigenvalue of H over the largest magnitude (NaN if the second-order test was not
 *                           made)
 * @param relativeDecrease   the largest decrease of F found by the tested steps, over S (0 if none lowered F)
 * @param firstOrder         the first-order test passed
 * @param secondOrder        the second-order test passed
 */
public record Stationarity(double value, double scale, double gradientNorm, double relativeGradient,
                           double curvatureRatio, double relativeDecrease, boolean firstOrder, boolean secondOrder)
        implements Serializable {

    /** A tested step may lower F by at most this fraction of S. */
    public static final double DECREASE_TOLERANCE = 1e-12;
    /** Negative curvature below this fraction of the largest is looked into. */
    public static final double CURVATURE_TOLERANCE = 1e-6;
    /** The tested steps are 2⁰, 2⁻¹, …, 2^−HALVINGS of the step whose largest coordinate is 1. */
    static final int HALVINGS = 80;

    /**
     * What a result says when this test failed: which step still lowers F, by how much, and that the parameters
     * must not be read as an optimum.
     */
    public String warning() {
        if (!Double.isFinite(value)) {
            return "not converged: the objective is not finite at the reported point, so it cannot be tested as a "
                    + "minimum. Do not read a prescription off these parameters";
        }
        if (Double.isNaN(gradientNorm)) {
            return String.format(java.util.Locale.ROOT, "not converged: the objective's gradient is not finite at "
                    + "the reported point (objective %.6g; a parameter or a term of the law overflows there), so it "
                    + "cannot be tested as a minimum. Do not read a prescription off these parameters", value);
        }
        return String.format(java.util.Locale.ROOT, "not converged: the reported point is not a tested local "
                        + "minimum; a step along %s still lowers the objective by %.3g of itself "
                        + "(tolerance %.0e); gradient ‖∇F‖∞ = %.3g at objective %.6g. Do not read a prescription "
                        + "off these parameters", firstOrder ? "a direction of negative curvature"
                        : "the gradient, the Newton direction or a single parameter", relativeDecrease, DECREASE_TOLERANCE, gradientNorm,
                value);
    }

    /** Both tests passed: θ* is a local minimum to working precision. */
    public boolean holds() {
        return firstOrder && secondOrder;
    }

    /**
     * Tests {@code x} as an optimum of {@code f}. If a tested step lowers F, the lowest point found is written to
     * {@code better} (which must have the length of x) and F there is returned through {@link #relativeDecrease()};
     * otherwise {@code better} receives x.
     */
    public static Stationarity check(DifferentiableObjective f, double[] x, double[] better) {
        int n = x.length;
        double[] point = x.clone();
        double[] g = new double[n];
        double value = f.valueAndGradient(point, g);
        System.arraycopy(x, 0, better, 0, n);
        if (!Double.isFinite(value)) {
            return new Stationarity(value, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, false);
        }
        double scale = Math.max(Math.abs(value), f.roundingLevel());
        double allowed = allowedDecrease(f, value);
        double gradientNorm = 0;
        double relativeGradient = 0;
        boolean finiteGradient = true;
        for (int i = 0; i < n; i++) {
            finiteGradient &= Double.isFinite(g[i]);
            gradientNorm = Math.max(gradientNorm, Math.abs(g[i]));
            relativeGradient = Math.max(relativeGradient, Math.abs(g[i]) * Math.max(1, Math.abs(x[i])));
        }
        relativeGradient = scale > 0 ? relativeGradient / scale : (relativeGradient > 0 ? Double.POSITIVE_INFINITY : 0);
        if (!finiteGradient) {
            return new Stationarity(value, scale, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, false);
        }
        Search search = new Search(f, x, value, better);
        double[] steepest = new double[n];
        for (int i = 0; i < n; i++) {
            steepest[i] = -g[i];
        }
        double firstOrderLowest = search.along(steepest);
        double[] coordinate = new double[n];
        for (int i = 0; i < n; i++) {
            if (Math.abs(g[i]) > allowed) {
                coordinate[i] = -Math.signum(g[i]);
                firstOrderLowest = Math.min(firstOrderLowest, search.along(coordinate));
                coordinate[i] = 0;
            }
        }

        double curvatureRatio = Double.NaN;
        boolean secondOrder = true;
        double[][] h = NewtonRefinement.hessian(f, point, new double[n], new double[n]);
        EigenDecompositionSymmetric eigen = NewtonRefinement.allFinite(h) ? NewtonRefinement.decompose(h) : null;
        if (eigen != null) {
            double[] lambda = eigen.getEigenvalues();
            double largest = 0;
            double smallest = Double.POSITIVE_INFINITY;
            int smallestAt = 0;
            for (int k = 0; k < n; k++) {
                largest = Math.max(largest, Math.abs(lambda[k]));
                if (lambda[k] < smallest) {
                    smallest = lambda[k];
                    smallestAt = k;
                }
            }
            if (largest > 0) {
                curvatureRatio = smallest / largest;
                double[] newton = new double[n];
                for (int k = 0; k < n; k++) {
                    double[] v = eigen.getEigenvector(k).toArray();
                    double along = 0;
                    for (int i = 0; i < n; i++) {
                        along += v[i] * g[i];
                    }
                    double scaleK = -along / Math.max(Math.abs(lambda[k]), 1e-12 * largest);
                    for (int i = 0; i < n; i++) {
                        newton[i] += scaleK * v[i];
                    }
                }
                firstOrderLowest = Math.min(firstOrderLowest, search.along(newton));
                if (curvatureRatio < -CURVATURE_TOLERANCE) {
                    double[] v = eigen.getEigenvector(smallestAt).toArray();
                    double lowest = search.along(v);
                    for (int i = 0; i < n; i++) {
                        v[i] = -v[i];
                    }
                    lowest = Math.min(lowest, search.along(v));
                    secondOrder = value - lowest <= allowed;
                }
            } else {
                curvatureRatio = 0;
            }
        }
        double decrease = Math.max(0, value - search.best);
        double relativeDecrease = scale > 0 ? decrease / scale : (decrease > 0 ? Double.POSITIVE_INFINITY : 0);
        boolean firstOrder = value - firstOrderLowest <= allowed;
        return new Stationarity(value, scale, gradientNorm, relativeGradient, curvatureRatio, relativeDecrease,
                firstOrder, secondOrder);
    }

    /**
     * The largest decrease of F from {@code value} that a tested step may find and still count as none:
     * {@value #DECREASE_TOLERANCE}·S, S = max(|F|, ρ), and never less than the rounding level ρ.
     */
    static double allowedDecrease(DifferentiableObjective f, double value) {
        double scale = Math.max(Math.abs(value), f.roundingLevel());
        return Math.max(DECREASE_TOLERANCE * scale, f.roundingLevel());
    }

    /** Steps of halving length along given directions from x, keeping the lowest point seen. */
    private static final class Search {
        private final DifferentiableObjective f;
        private final double[] x;
        private final double[] trial;
        private final double[] better;
        private final double value;
        private double best;

        Search(DifferentiableObjective f, double[] x, double value, double[] better) {
            this.f = f;
            this.value = value;
            this.x = x;
            this.trial = new double[x.length];
            this.better = better;
            this.best = value;
        }

        /** The lowest F seen along d (F at x if no step lowered it; never NaN: steps where F is NaN are passed over). */
        double along(double[] d) {
            double lowest = value;
            double largest = 0;
            for (double component : d) {
                largest = Math.max(largest, Math.abs(component));
            }
            if (!(largest > 0) || !Double.isFinite(largest)) {
                return lowest;
            }
            double t = 1 / largest;
            for (int k = 0; k <= HALVINGS; k++, t *= 0.5) {
                boolean moved = false;
                for (int i = 0; i < x.length; i++) {
                    trial[i] = x[i] + t * d[i];
                    moved |= trial[i] != x[i];
                }
                if (!moved) { // x + t·d rounds to x, and so does every shorter step: F(x) is no decrease
                    break;
                }
                double at = f.value(trial);
                if (at < lowest) { // a step where F is not defined (NaN: off the law's domain) does not lower it
                    lowest = at;
                }
                if (at < best) {
                    best = at;
                    System.arraycopy(trial, 0, better, 0, x.length);
                }
            }
            return lowest;
        }
    }
}
