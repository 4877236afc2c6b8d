package org.scalefit.isoflop;

/**
 * The compute-optimal observation of one budget as Porian et al. fit it ({@code analysis.py}, {@code bs_median_as_obs
 * = True}): medians of the valid bootstrap draws, not the noiseless optimum. N* and D* are located on their own axes,
 * so t is not C/(6·n) in general, and with an even number of draws a median lies between grid points.
 *
 * @param flops            C
 * @param n                median of N*_b
 * @param t                median of D*_b
 * @param multiplier       median of ρ*_b = C/(6·N*_b²) (tokens per parameter)
 * @param loss             median of L*_b of the token-axis bootstrap
 * @param lossT            noiseless minimum of the token-axis curve
 * @param nSpread          σ_N (log space)
 * @param tSpread          σ_D (log space)
 * @param multiplierSpread 2·σ_N
 * @param lossSpread       σ_L of the size-axis bootstrap (the code keeps this one and the token-axis draws)
 */
public record OptimalPair(double flops, double n, double t, double multiplier, double loss, double lossT,
                          double nSpread, double tSpread, double multiplierSpread, double lossSpread) {
}
