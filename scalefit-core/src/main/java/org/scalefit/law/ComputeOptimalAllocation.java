package org.scalefit.law;

import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * The compute-optimal split of a training budget C ≈ 6·N·D under a 2-input law L(N, D) = E + A/N^α + B/D^β
 * (Hoffmann et al. 2022 eq. 4):
 * <pre>
 *   G = (αA / (βB))^(1/(α+β)),  a = β/(α+β),  b = α/(α+β)
 *   N_opt(C) = G·(C/6)^a,  D_opt(C) = G⁻¹·(C/6)^b,  D/N = G⁻²·(C/6)^(b−a)
 * </pre>
 *
 * @param a      A
 * @param b      B
 * @param e      E (only for the predicted loss)
 * @param alpha  α
 * @param beta   β
 */
public record ComputeOptimalAllocation(double a, double b, double e, double alpha, double beta)
        implements AllocationRule {

    public ComputeOptimalAllocation {
        if (!(a > 0) || !(b > 0) || !(alpha > 0) || !(beta > 0) || Double.isInfinite(a) || Double.isInfinite(b)
                || Double.isInfinite(alpha) || Double.isInfinite(beta) || Double.isNaN(e)) {
            throw new IllegalArgumentException("a compute-optimal allocation needs A, B, α, β positive and finite: A = "
                    + a + ", B = " + b + ", α = " + alpha + ", β = " + beta + ", E = " + e);
        }
    }

    /** The allocation of a fitted Chinchilla law θ = [α, β, ln A, ln B, ln E]. */
    public static ComputeOptimalAllocation ofChinchillaParameters(double[] theta) {
        if (theta.length != 5) {
            throw new IllegalArgumentException("a params/tokens law has 5 parameters, got " + theta.length);
        }
        return new ComputeOptimalAllocation(Math.exp(theta[2]), Math.exp(theta[3]), Math.exp(theta[4]), theta[0],
                theta[1]);
    }

    /** The exponent a of N_opt ∝ C^a. */
    public double paramsExponent() {
        return beta / (alpha + beta);
    }

    /** The exponent b of D_opt ∝ C^b. */
    public double tokensExponent() {
        return alpha / (alpha + beta);
    }

    /** G of eq. 4. */
    public double g() {
        return Math.pow(alpha * a / (beta * b), 1 / (alpha + beta));
    }

    /** The law's predicted loss E + A/N^α + B/D^β. */
    public double loss(double params, double tokens) {
        return e + a / Math.pow(params, alpha) + b / Math.pow(tokens, beta);
    }

    @Override
    public Allocation at(double compute) {
        requireBudget(compute);
        double g = g();
        double params = g * Math.pow(compute / 6, paramsExponent());
        double tokens = Math.pow(compute / 6, tokensExponent()) / g;
        return new Allocation(compute, params, tokens, loss(params, tokens));
    }

    /**
     * The same optimum found numerically: L(N, C/(6N)) minimised over ln N by Brent's method (Hipparchus), as a
     * check of the closed form.
     */
    public Allocation numericallyAt(double compute) {
        requireBudget(compute);
        Allocation guess = at(compute);
        double centre = Math.log(guess.params());
        UnivariatePointValuePair best = new BrentOptimizer(1e-15, 1e-300).optimize(new MaxEval(10_000),
                GoalType.MINIMIZE, new SearchInterval(centre - 20, centre + 20, centre),
                new UnivariateObjectiveFunction(logN -> loss(Math.exp(logN), compute / (6 * Math.exp(logN)))));
        double params = Math.exp(best.getPoint());
        double tokens = compute / (6 * params);
        return new Allocation(compute, params, tokens, loss(params, tokens));
    }

    static void requireBudget(double compute) {
        if (!(compute > 0) || Double.isInfinite(compute)) {
            throw new IllegalArgumentException("the compute budget must be positive and finite, was " + compute);
        }
    }
}
