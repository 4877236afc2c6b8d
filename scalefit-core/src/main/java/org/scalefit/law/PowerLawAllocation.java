package org.scalefit.law;

/**
 * An allocation given directly as a power law in compute, N_opt = k·(C/C₀)^a and D_opt = C/(6·N_opt), e.g. Kaplan
 * et al. 2020's N = 1.6·10⁹·(C / 1 PF-day)^0.88 as Gemstones plots it.
 *
 * @param coefficient  k
 * @param computeUnit  C₀ in FLOPs
 * @param exponent     a
 */
public record PowerLawAllocation(double coefficient, double computeUnit, double exponent) implements AllocationRule {

    public PowerLawAllocation {
        if (!(coefficient > 0) || !(computeUnit > 0) || !Double.isFinite(exponent) || Double.isInfinite(coefficient)
                || Double.isInfinite(computeUnit)) {
            throw new IllegalArgumentException("a power-law allocation needs k, C₀ positive and a finite exponent");
        }
    }

    @Override
    public Allocation at(double compute) {
        ComputeOptimalAllocation.requireBudget(compute);
        double params = coefficient * Math.pow(compute / computeUnit, exponent);
        return new Allocation(compute, params, compute / (6 * params), Double.NaN);
    }
}
