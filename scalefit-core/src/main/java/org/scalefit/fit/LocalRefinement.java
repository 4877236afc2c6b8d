package org.scalefit.fit;

import java.util.List;

/**
 * Polishes a point to a verified local minimum: rounds of L-BFGS at tight tolerances relative to the objective
 * ({@link LbfgsSettings#scaleFreePolishing()}), then {@link NewtonRefinement}, then the {@link Stationarity} test;
 * while the test finds a step that lowers the objective, the search goes on from the lowest point it found.
 *
 * <p>Why rounds: Approach-3 optima lie in long curved valleys, often with a residual at the Huber loss's kink
 * (|r| = δ, where the Hessian jumps). There L-BFGS can stop on its reduction test and Newton's quadratic model
 * can stall, each while the other (or a plain gradient step) still lowers the objective by percents. Every round
 * only ever lowers the objective, and the answer is reported with the evidence of its stationarity; after
 * {@value #MAX_ROUNDS} rounds without passing the test the last point is returned with the failed test, for the
 * caller to report.
 *
 * <p>A point that fails the test after a round in which L-BFGS and Newton lowered F by nothing, beside an edge of
 * F's domain (a coordinate whose slope runs into a region where F is not defined or jumps up, {@link DomainEdge}),
 * is moved to that edge, with L-BFGS in the other coordinates while it is held there, when that is lower than the
 * test's own step: L-BFGS and Newton steps cannot approach such an edge themselves (see {@code toEdges}). Rounds that
 * make progress are not probed, so the probe's evaluations are spent only where the local methods have stalled.
 */
public final class LocalRefinement {

    static final int MAX_ROUNDS = 300;
    /** The shortest way back from an edge to a point where F and ∇F are finite is 2^−{@value} of the distance. */
    private static final int BACK_OFF = 60;

    private LocalRefinement() {
    }

    /**
     * The refined point, its objective value and the test it passed or failed.
     *
     * @param point        the point reached
     * @param value        f there
     * @param stationarity the test of the point
     * @param rounds       how many rounds of L-BFGS and Newton steps ran
     */
    public record Refined(double[] point, double value, Stationarity stationarity, int rounds) {
    }

    /**
     * Refines a copy of {@code start}, with at most about {@code budget} evaluations of f for L-BFGS and Newton
     * (the stationarity tests come on top): when the budget is spent, the point reached is tested and returned.
     */
    public static Refined refine(DifferentiableObjective f, double[] start, long budget) {
        int n = start.length;
        double[] x = start.clone();
        double[] better = new double[n];
        LbfgsSettings settings = LbfgsSettings.scaleFreePolishing().withValueFloor(f.roundingLevel());
        Stationarity stationarity = null;
        double value = f.value(x);
        long spent = 0;
        int round = 0;
        while (true) {
            round++;
            double roundStart = value;
            double[] saved = x.clone();
            int allowed = (int) Math.min(settings.maxEvaluations(), budget - spent);
            if (allowed >= 2) {
                LbfgsOutcome outcome = new Lbfgs(n, settings.withMaxEvaluations(allowed)).minimize(f, x);
                spent += outcome.evaluations();
                if (!(outcome.value() <= value)) {
                    System.arraycopy(saved, 0, x, 0, n);
                }
            }
            if (budget - spent >= NewtonRefinement.evaluationsPerStep(n)) {
                NewtonRefinement.Refinement newton = NewtonRefinement.refine(f, x, budget - spent);
                spent += newton.evaluations();
            }
            value = f.value(x);
            stationarity = Stationarity.check(f, x, better);
            if (stationarity.holds() || !Double.isFinite(value) || round == MAX_ROUNDS || spent >= budget) {
                break;
            }
            double next = f.value(better);
            if (!(value < roundStart)) {
                EdgeStep edge = toEdges(f, x, value, settings, budget - spent);
                spent += edge.evaluations();
                if (edge.value() < Math.min(next, value)) {
                    System.arraycopy(edge.point(), 0, x, 0, n);
                    value = edge.value();
                    continue;
                }
            }
            if (!(next < value)) {
                break;
            }
            System.arraycopy(better, 0, x, 0, n);
            value = next;
        }
        return new Refined(x, value, stationarity, round);
    }

    /** A point reached by {@link #toEdges}, F there (NaN if none was reached) and the evaluations spent. */
    private record EdgeStep(double[] point, double value, long evaluations) {
    }

    /**
     * From x, which failed the stationarity test: every coordinate that runs into an edge of F's domain ({@link
     * DomainEdge#approached}) set next to its edge, then L-BFGS in the other coordinates with those held there.
     * Why: near such an edge ∂F/∂x_i dominates ∇F, so every step of L-BFGS and of the Newton refinement along it
     * leaves the domain within a sliver (the line search fails, the Hessian's differences cross the edge), and the
     * rounds advance only by the stationarity test's single steps, one unit of another parameter at a time (the
     * data-constrained law on datablations:c4 stopped 300 rounds later at R_N* = 7.7·10⁻⁷, R_D* = 1320, its
     * objective 4·10⁻⁴ of itself above the edge's optimum at R_D* → ∞). Held at the edge, the coordinate is the constraint it
     * is, and the others are minimised as in any other round. The caller takes the point only if F is lower there.
     */
    private static EdgeStep toEdges(DifferentiableObjective f, double[] x, double value, LbfgsSettings settings,
                                    long budget) {
        int n = x.length;
        List<DomainEdge> edges = DomainEdge.approached(f, x);
        if (edges.isEmpty()) {
            return new EdgeStep(x, Double.NaN, 0);
        }
        double[] point = x.clone();
        double[] gradient = new double[n];
        boolean[] held = new boolean[n];
        for (DomainEdge edge : edges) {
            held[edge.coordinate()] = true;
        }
        // next to the edge, or (where F or its gradient is not finite there, e.g. F defined at the edge itself but
        // not differentiable) the nearest of the points 2^−j of the way back to x, j = BACK_OFF … 0: a point the
        // stationarity test can test
        double atEdge = Double.NaN;
        long spent = 0;
        for (int j = BACK_OFF; j >= 0 && !(atEdge < value); j--) {
            double back = Math.scalb(1.0, -j);
            for (DomainEdge edge : edges) {
                int i = edge.coordinate();
                point[i] = edge.inside() + (x[i] - edge.inside()) * back;
            }
            atEdge = f.valueAndGradient(point, gradient);
            spent++;
            for (double component : gradient) {
                if (!Double.isFinite(component)) {
                    atEdge = Double.NaN;
                }
            }
        }
        if (!(atEdge < value)) {
            return new EdgeStep(x, Double.NaN, spent);
        }
        int free = n - edges.size();
        int allowed = (int) Math.min(settings.maxEvaluations(), budget - spent);
        if (free > 0 && allowed >= 2) {
            Held others = new Held(f, point, held, free);
            double[] u = others.free(point);
            LbfgsOutcome outcome = new Lbfgs(free, settings.withMaxEvaluations(allowed)).minimize(others, u);
            spent += outcome.evaluations();
            if (outcome.value() < atEdge) {
                others.full(u, point);
                atEdge = outcome.value();
            }
        }
        return new EdgeStep(point, atEdge, spent);
    }

    /** F with some coordinates held at given values, as a function of the others (in their order). */
    private static final class Held implements DifferentiableObjective {
        private final DifferentiableObjective f;
        private final double[] base;
        private final boolean[] held;
        private final int free;
        private final double[] full;
        private final double[] gradient;

        Held(DifferentiableObjective f, double[] base, boolean[] held, int free) {
            this.f = f;
            this.base = base.clone();
            this.held = held.clone();
            this.free = free;
            this.full = base.clone();
            this.gradient = new double[base.length];
        }

        double[] free(double[] x) {
            double[] u = new double[free];
            for (int i = 0, k = 0; i < x.length; i++) {
                if (!held[i]) {
                    u[k++] = x[i];
                }
            }
            return u;
        }

        void full(double[] u, double[] out) {
            System.arraycopy(base, 0, out, 0, base.length);
            for (int i = 0, k = 0; i < out.length; i++) {
                if (!held[i]) {
                    out[i] = u[k++];
                }
            }
        }

        @Override
        public int dimension() {
            return free;
        }

        @Override
        public double valueAndGradient(double[] u, double[] g) {
            full(u, full);
            double value = f.valueAndGradient(full, gradient);
            for (int i = 0, k = 0; i < full.length; i++) {
                if (!held[i]) {
                    g[k++] = gradient[i];
                }
            }
            return value;
        }

        @Override
        public double value(double[] u) {
            full(u, full);
            return f.value(full);
        }

        @Override
        public double roundingLevel() {
            return f.roundingLevel();
        }

        @Override
        public double exactFitLevel() {
            return f.exactFitLevel();
        }

        @Override
        public DifferentiableObjective copy() {
            return new Held(f.copy(), base, held, free);
        }
    }
}
