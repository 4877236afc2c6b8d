/**
 * Scaling laws as values: the k-input log-sum-exp form of Approach 3 ({@link org.scalefit.law.LawForm},
 * L = E + Σ_j A_j·x_j^(−α_j); for params and tokens Hoffmann et al. 2022 eq. 2, L = E + A/N^α + B/D^β), a form with
 * its fitted parameters ({@link org.scalefit.law.FittedLaw}), and the compute-optimal allocation of a budget
 * C ≈ 6ND between parameters and tokens ({@link org.scalefit.law.AllocationRule}: Chinchilla eq. 4,
 * N_opt = G·(C/6)^(β/(α+β)), D_opt = G⁻¹·(C/6)^(α/(α+β)), G = (αA/(βB))^(1/(α+β)), in
 * {@link org.scalefit.law.ComputeOptimalAllocation}; power-law rules in {@link org.scalefit.law.PowerLawAllocation}).
 * Laws written as text are in {@code law.expr}. Pure numerics, no I/O.
 */
package org.scalefit.law;
