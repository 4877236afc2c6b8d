package org.scalefit.law.expr;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * How one parameter of an {@link ExpressionLaw} is fitted: free, fixed at a value, or tied to another parameter
 * (θ_p = θ_q, e.g. α = β); on a linear or a logarithmic scale; within optional bounds; and from which start values.
 *
 * <p><b>Bounds are imposed through a change of variables</b>, not by projection: the optimiser (the unconstrained
 * L-BFGS of {@code MultiStartFitter}, with its Newton polish) works on an unbounded u, and
 * the parameter is a smooth function of u that stays inside the bounds. With φ = θ on the linear scale and
 * φ = log θ on the log scale, and [l, h] the bounds in φ:
 * <pre>
 *   both bounds   φ = l + (h − l)·σ(u),  σ(u) = 1/(1 + e^−u)     (logistic)
 *   lower only    φ = l + e^u
 *   upper only    φ = h − e^u
 *   none          φ = u
 * </pre>
 * Why: the same exact gradients (by the chain rule) and the same engine as every other fit, with no constrained
 * line search to maintain. The price: a bound is never attained exactly — an optimum on the boundary is approached
 * as u runs off to ±∞ (the fitted value then sits within rounding of the bound and the fit warns), and the objective
 * in u is flatter near the bounds than in θ. The log scale alone (θ = e^φ, φ free) keeps θ positive; it is the
 * scale on which Hoffmann et al. (2022 §D.2) and Besiroglu et al. (2024) fit A, B and E.
 *
 * <p>Start values are given in the parameter's own units (θ) and must lie strictly inside the bounds; when none
 * are given, {@link #startValues()} picks three (see there). A fixed or tied parameter has no starts, scale or
 * bounds of its own.
 *
 * @param name    the parameter's name in the expression
 * @param scale   linear or logarithmic
 * @param lower   lower bound on θ (−∞ for none; on the log scale 0 means none)
 * @param upper   upper bound on θ (+∞ for none)
 * @param fixed   the fixed value, or NaN when the parameter is fitted
 * @param tiedTo  the parameter this one equals, or null
 * @param starts  start values in θ units; empty for the defaults
 */
public record ParameterSpec(String name, Scale scale, double lower, double upper, double fixed, String tiedTo,
                            double[] starts) implements Serializable {

    /**
     * How near a bound, relative to the bounds' width (in φ), or how far below its smallest start (log scale) a
     * parameter is moved by {@link #inward}.
     */
    static final double INWARD = 1e-4;

    /** The scale a parameter is optimised on. */
    public enum Scale {
        /** θ itself (or its bounded transform). */
        LINEAR,
        /** log θ: θ stays positive, and multiplicative changes are steps of equal size. */
        LOG
    }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scale, "scale");
        starts = starts.clone();
        if (Double.isNaN(lower) || Double.isNaN(upper) || !(lower < upper)) {
            throw new IllegalArgumentException("parameter " + name + ": bounds must satisfy lower < upper, were ["
                    + lower + ", " + upper + "]");
        }
        if (scale == Scale.LOG && lower < 0) {
            throw new IllegalArgumentException("parameter " + name + " is on the log scale, so its lower bound must "
                    + "be ≥ 0, was " + lower);
        }
        boolean isFixed = !Double.isNaN(fixed);
        if (isFixed && (!Double.isFinite(fixed) || fixed < lower || fixed > upper)) {
            throw new IllegalArgumentException("parameter " + name + ": fixed value " + fixed
                    + " is not finite or outside its bounds");
        }
        if (tiedTo != null && (isFixed || starts.length > 0 || scale != Scale.LINEAR || hasBounds(lower, upper))) {
            throw new IllegalArgumentException("parameter " + name + " is tied to " + tiedTo
                    + ", so it has no fixed value, starts, scale or bounds of its own");
        }
        if (name.equals(tiedTo)) {
            throw new IllegalArgumentException("parameter " + name + " cannot be tied to itself");
        }
        for (double start : starts) {
            if (!(start > lower && start < upper) || !Double.isFinite(start)) {
                throw new IllegalArgumentException("parameter " + name + ": start " + start
                        + " must be finite and strictly inside the bounds (" + lower + ", " + upper + ")");
            }
        }
    }

    /** A free parameter on the linear scale, unbounded, with default starts. */
    public static ParameterSpec free(String name) {
        return new ParameterSpec(name, Scale.LINEAR, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN,
                null, new double[0]);
    }

    /** This parameter fitted on the log scale (θ &gt; 0). */
    public ParameterSpec logScale() {
        return new ParameterSpec(name, Scale.LOG, Math.max(lower, 0), upper, fixed, tiedTo, starts);
    }

    /** This parameter within [lower, upper] (either may be infinite). */
    public ParameterSpec withBounds(double lower, double upper) {
        return new ParameterSpec(name, scale, lower, upper, fixed, tiedTo, starts);
    }

    /** This parameter held at {@code value}. */
    public ParameterSpec fixedAt(double value) {
        return new ParameterSpec(name, scale, lower, upper, value, tiedTo, new double[0]);
    }

    /** This parameter equal to {@code other} (which carries the scale, bounds and starts). */
    public ParameterSpec tiedTo(String other) {
        return new ParameterSpec(name, Scale.LINEAR, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN,
                Objects.requireNonNull(other, "other"), new double[0]);
    }

    /** This parameter started from each of {@code values} (θ units), one grid axis. */
    public ParameterSpec withStarts(double... values) {
        return new ParameterSpec(name, scale, lower, upper, fixed, tiedTo, values);
    }

    /** Whether the parameter is held at a value. */
    public boolean isFixed() {
        return !Double.isNaN(fixed);
    }

    /** Whether the parameter equals another one. */
    public boolean isTied() {
        return tiedTo != null;
    }

    /** Whether the parameter is optimised in its own right (neither fixed nor tied). */
    public boolean isFree() {
        return !isFixed() && !isTied();
    }

    /** Whether a finite bound is set. */
    public boolean isBounded() {
        return Double.isFinite(lowerInPhi()) || Double.isFinite(upperInPhi());
    }

    private static boolean hasBounds(double lower, double upper) {
        return lower > Double.NEGATIVE_INFINITY || upper < Double.POSITIVE_INFINITY;
    }

    @Override
    public double[] starts() {
        return starts.clone();
    }

    /**
     * The start values: those given, or by default three values evenly spread in φ (θ or log θ): the quartiles of
     * [l, h] when both bounds are set, l + {0.1, 1, 10}·max(1, |l|) or h − {…} with one bound (on φ), and otherwise
     * θ ∈ {0, 0.5, 1} on the linear scale, θ ∈ {1, e^5, e^10} on the log scale.
     */
    public double[] startValues() {
        if (starts.length > 0) {
            return starts.clone();
        }
        double l = lowerInPhi();
        double h = upperInPhi();
        double[] phi;
        if (Double.isFinite(l) && Double.isFinite(h)) {
            phi = new double[] {l + 0.25 * (h - l), l + 0.5 * (h - l), l + 0.75 * (h - l)};
        } else if (Double.isFinite(l)) {
            double unit = Math.max(1, Math.abs(l));
            phi = new double[] {l + 0.1 * unit, l + unit, l + 10 * unit};
        } else if (Double.isFinite(h)) {
            double unit = Math.max(1, Math.abs(h));
            phi = new double[] {h - 10 * unit, h - unit, h - 0.1 * unit};
        } else {
            phi = scale == Scale.LOG ? new double[] {0, 5, 10} : new double[] {0, 0.5, 1};
        }
        double[] theta = new double[phi.length];
        for (int i = 0; i < phi.length; i++) {
            theta[i] = scale == Scale.LOG ? Math.exp(phi[i]) : phi[i];
        }
        return theta;
    }

    /** l: the lower bound in φ (−∞ for none). */
    double lowerInPhi() {
        return scale == Scale.LOG ? (lower > 0 ? Math.log(lower) : Double.NEGATIVE_INFINITY) : lower;
    }

    /** h: the upper bound in φ (+∞ for none). */
    double upperInPhi() {
        return scale == Scale.LOG ? Math.log(upper) : upper;
    }

    /** θ for internal coordinate u. */
    double toTheta(double u) {
        double phi = phi(u);
        return scale == Scale.LOG ? Math.exp(phi) : phi;
    }

    /** dθ/du at u. */
    double derivative(double u) {
        double l = lowerInPhi();
        double h = upperInPhi();
        double dPhi;
        if (Double.isFinite(l) && Double.isFinite(h)) {
            double s = sigmoid(u);
            dPhi = (h - l) * s * (1 - s);
        } else if (Double.isFinite(l)) {
            dPhi = Math.exp(u);
        } else if (Double.isFinite(h)) {
            dPhi = -Math.exp(u);
        } else {
            dPhi = 1;
        }
        return scale == Scale.LOG ? Math.exp(phi(u)) * dPhi : dPhi;
    }

    /** The internal coordinate u of θ (inverse of {@link #toTheta}); θ strictly inside the bounds. */
    double toInternal(double theta) {
        double phi = scale == Scale.LOG ? Math.log(theta) : theta;
        double l = lowerInPhi();
        double h = upperInPhi();
        if (Double.isFinite(l) && Double.isFinite(h)) {
            return Math.log((phi - l) / (h - phi));
        } else if (Double.isFinite(l)) {
            return Math.log(phi - l);
        } else if (Double.isFinite(h)) {
            return Math.log(h - phi);
        }
        return phi;
    }

    /**
     * u moved to where the transform responds again. Within {@value #INWARD} of a bound (of the bounds' width in φ;
     * one-sided: of max(1, |bound|)) the transform's derivative dφ/du is that small too, so no refinement starting
     * there moves the parameter, whatever the objective wants: the point at that distance from the bound is returned
     * instead. Likewise a parameter on the log scale that ran off towards 0, below {@value #INWARD} times its
     * smallest start value, has dθ/du ∝ θ ≈ 0: its smallest start is returned. u itself otherwise.
     */
    double inward(double u) {
        if (scale == Scale.LOG) {
            double smallest = Arrays.stream(startValues()).min().orElseThrow();
            if (toTheta(u) < INWARD * smallest) {
                return toInternal(smallest);
            }
        }
        double l = lowerInPhi();
        double h = upperInPhi();
        if (Double.isFinite(l) && Double.isFinite(h)) {
            double limit = Math.log((1 - INWARD) / INWARD);
            return Math.max(-limit, Math.min(limit, u));
        } else if (Double.isFinite(l)) {
            return Math.max(Math.log(INWARD * Math.max(1, Math.abs(l))), u);
        } else if (Double.isFinite(h)) {
            return Math.max(Math.log(INWARD * Math.max(1, Math.abs(h))), u);
        }
        return u;
    }

    private double phi(double u) {
        double l = lowerInPhi();
        double h = upperInPhi();
        if (Double.isFinite(l) && Double.isFinite(h)) {
            return l + (h - l) * sigmoid(u);
        } else if (Double.isFinite(l)) {
            return l + Math.exp(u);
        } else if (Double.isFinite(h)) {
            return h - Math.exp(u);
        }
        return u;
    }

    private static double sigmoid(double u) {
        return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterSpec that && name.equals(that.name) && scale == that.scale
                && Double.compare(lower, that.lower) == 0 && Double.compare(upper, that.upper) == 0
                && Double.compare(fixed, that.fixed) == 0 && Objects.equals(tiedTo, that.tiedTo)
                && Arrays.equals(starts, that.starts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, scale, lower, upper, fixed, tiedTo, Arrays.hashCode(starts));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name);
        if (isFixed()) {
            out.append(" = ").append(fixed);
        } else if (isTied()) {
            out.append(" = ").append(tiedTo);
        } else {
            out.append(scale == Scale.LOG ? " (log scale)" : "");
            if (isBounded()) {
                out.append(" in [").append(lower).append(", ").append(upper).append("]");
            }
        }
        return out.toString();
    }
}
