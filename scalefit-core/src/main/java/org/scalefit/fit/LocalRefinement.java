package org.scalefit.fit;

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
 */
public final class LocalRefinement {

    static final int MAX_ROUNDS = 300;

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
            if (!(next < value)) {
                break;
            }
            System.arraycopy(better, 0, x, 0, n);
            value = next;
        }
        return new Refined(x, value, stationarity, round);
    }
}
