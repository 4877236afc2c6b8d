package org.scalefit.fit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An optimum at an edge of the objective's domain in one coordinate x_i: at the reported point x*, F still falls
 * along −sign(∂F/∂x_i)·e_i — its slope |∂F/∂x_i| exceeds the decrease the {@link Stationarity} test allows — but
 * every step that way long enough to lower F by more than that allowance leaves the domain: F there is not defined
 * (NaN or ±∞: e.g. the data-constrained law at R_D* = 0, 0/0 at its one-epoch runs) or jumps above F(x*) (e.g. the
 * same law at R_D* &lt; 0, where e^(−R_D/R_D*) overflows and its data term vanishes). The infimum of F that way is
 * at the edge, x_i → edge (attained only if F is defined at the edge itself): the data want x_i at the edge, and
 * x_i's value is that limit, not a value the data determine inside the domain (multiplying it by e may change F by
 * nothing measurable, yet the data pin it).
 *
 * <p>Found ({@link #of}) by the steps of the stationarity test's one-parameter search, t·d with d =
 * −sign(∂F/∂x_i)·e_i, t = 2^−{@value Stationarity#HALVINGS}, …, 2⁻¹, 2⁰, for every x_i whose slope exceeds the
 * allowance: the shortest step where F is not defined or above F(x*) + ε is past the edge (ε the allowance, or the
 * objective's exact-fit level {@link DifferentiableObjective#exactFitLevel()} where that is larger: beside an exact
 * fit F is rounding), provided no shorter step lowered F by more than the allowance (else x* is not stationary that
 * way, and nothing is said). Bisection then brackets the edge between {@code inside} (F defined, at most F(x*) + ε)
 * and {@code outside} to rounding of x_i. A bracket across which F is defined on both sides and rises by no more
 * than ε plus twice its local slope times the bracket's width is smooth curvature turning F up, not an edge.
 *
 * @param coordinate i
 * @param value      x_i*
 * @param slope      ∂F/∂x_i at x*
 * @param inside     the last x_i towards the edge where F is defined and not above F(x*) + ε
 * @param outside    the first x_i past it (adjacent to {@code inside} to rounding)
 * @param beyond     F at {@code outside}: NaN or ±∞ where F is not defined, otherwise the value it jumps to
 */
public record DomainEdge(int coordinate, double value, double slope, double inside, double outside, double beyond)
        implements Serializable {

    /** Bisection steps at most (x_i's rounding ends it much sooner: about 60 halvings). */
    private static final int MAX_BISECTIONS = 1100;

    /**
     * The edges at which x is an optimum of f, one per coordinate, in coordinate order; empty when F is not finite
     * at x or no slope runs into an edge.
     */
    public static List<DomainEdge> of(DifferentiableObjective f, double[] x) {
        return find(f, x, true);
    }

    /**
     * The edges that x approaches, one per coordinate, in coordinate order: as {@link #of}, but F may still fall
     * towards the edge by more than the allowance (x_i is short of it), so {@link #inside()} is the point next to
     * the edge, where F may be lower than at x. For {@link LocalRefinement}, which moves such coordinates to their
     * edge when a search that runs into it stalls short of it.
     */
    static List<DomainEdge> approached(DifferentiableObjective f, double[] x) {
        return find(f, x, false);
    }

    private static List<DomainEdge> find(DifferentiableObjective f, double[] x, boolean stationary) {
        int n = x.length;
        double[] g = new double[n];
        double[] trial = x.clone();
        double value = f.valueAndGradient(trial, g);
        List<DomainEdge> edges = new ArrayList<>();
        if (!Double.isFinite(value)) {
            return edges;
        }
        double allowed = Stationarity.allowedDecrease(f, value);
        double material = Math.max(allowed, f.exactFitLevel());
        for (int i = 0; i < n; i++) {
            if (!(Math.abs(g[i]) > allowed) || !Double.isFinite(g[i])) {
                continue;
            }
            DomainEdge edge = along(f, x, trial, i, g[i], value, stationary ? allowed : Double.POSITIVE_INFINITY,
                    material);
            if (edge != null) {
                edges.add(edge);
            }
            trial[i] = x[i];
        }
        return List.copyOf(edges);
    }

    /**
     * The edge along −sign(slope)·e_i, or null if F falls by more than {@code allowed} first (never, for an
     * infinite {@code allowed}: the edge approached, {@link #approached}), or never leaves the
     * domain: never turns non-finite or rises by more than {@code material} (the allowance, or the exact-fit level
     * where that is larger: beside a law that fits its points exactly F is rounding, which moves by that much
     * without any edge).
     */
    private static DomainEdge along(DifferentiableObjective f, double[] x, double[] trial, int i, double slope,
                                    double value, double allowed, double material) {
        double direction = -Math.signum(slope);
        double open = 0;
        double blocked = Double.NaN;
        for (int k = Stationarity.HALVINGS; k >= 0; k--) {
            double t = Math.scalb(1.0, -k);
            trial[i] = x[i] + t * direction;
            if (trial[i] == x[i]) {
                continue;
            }
            double at = f.value(trial);
            if (!(at <= value + material)) {
                blocked = t;
                break;
            }
            if (value - at > allowed) {
                return null;
            }
            open = t;
        }
        if (Double.isNaN(blocked)) {
            return null;
        }
        double low = open;
        double high = blocked;
        double insideValue = open == 0 ? value : f.value(at(trial, x, i, open, direction));
        double beyond = f.value(at(trial, x, i, blocked, direction));
        for (int step = 0; step < MAX_BISECTIONS; step++) {
            double middle = 0.5 * (low + high);
            double xi = x[i] + middle * direction;
            if (xi == x[i] + low * direction || xi == x[i] + high * direction) {
                break;
            }
            double at = f.value(at(trial, x, i, middle, direction));
            if (at <= value + material) {
                if (value - at > allowed) {
                    return null;
                }
                low = middle;
                insideValue = at;
            } else {
                high = middle;
                beyond = at;
            }
        }
        double inside = x[i] + low * direction;
        double outside = x[i] + high * direction;
        if (Double.isFinite(beyond)) {
            double[] localGradient = new double[x.length];
            trial[i] = inside;
            f.valueAndGradient(trial, localGradient);
            double localSlope = Double.isFinite(localGradient[i]) ? Math.abs(localGradient[i]) : Math.abs(slope);
            if (beyond - insideValue <= material + 2 * localSlope * Math.abs(outside - inside)) {
                return null;
            }
        }
        return new DomainEdge(i, x[i], slope, inside, outside, beyond);
    }

    private static double[] at(double[] trial, double[] x, int i, double t, double direction) {
        trial[i] = x[i] + t * direction;
        return trial;
    }

    /**
     * The value x_i approaches: 0 when the bracket's ends straddle or touch it (the edge is 0 to rounding), else the
     * last value inside the domain.
     */
    public double limit() {
        return inside * outside <= 0 ? 0 : inside;
    }

    /** The limit with the side it is approached from: "0+", "0−", or e.g. "2 (from above)". */
    public String approach() {
        boolean fromAbove = inside > outside;
        double limit = limit();
        return limit == 0 ? (fromAbove ? "0+" : "0−")
                : String.format(Locale.ROOT, "%.6g (from %s)", limit, fromAbove ? "above" : "below");
    }

    /**
     * What a fit says of this edge, its coordinate named {@code name}: the value, the slope, the limit, what lies
     * past it, and how to read it.
     */
    public String warning(String name) {
        String past = Double.isNaN(beyond) ? "the objective is not defined there (NaN)"
                : Double.isInfinite(beyond) ? "the objective is " + (beyond > 0 ? "+∞" : "−∞") + " there"
                : String.format(Locale.ROOT, "the objective jumps to %.6g there", beyond);
        return String.format(Locale.ROOT, "edge: %s = %.6g lies at an edge of the law's domain: the objective still "
                        + "falls towards %s → %s (∂F/∂%s = %.3g), but a step past the edge leaves the domain (%s), and "
                        + "no step inside it lowers the objective by more than %.0e of itself: the optimum is that "
                        + "edge, which the value reported approaches to within the tolerance. Read it as \"the data "
                        + "want %s → %s\", not as a value they determine inside the domain",
                name, value, name, approach(), name, slope, past, Stationarity.DECREASE_TOLERANCE, name, approach());
    }
}
