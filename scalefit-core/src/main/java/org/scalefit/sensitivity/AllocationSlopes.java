package org.scalefit.sensitivity;

import org.scalefit.fit.LawFit;

/**
 * The compute-allocation exponents of a params/tokens law L = E + A/N^α + B/D^β (Hoffmann et al. 2022 eq. 4):
 * N_opt ∝ C^a with a = β/(α+β) and D_opt ∝ C^b with b = α/(α+β) = 1 − a. Computed for any exponents (a degenerate
 * fit may give α or β ≤ 0; the slopes are then still reported, as Gemstones' {@code slope_analysis.py} does).
 *
 * @param params a = β/(α+β), the exponent of N_opt — Gemstones' rainbow "slope"
 * @param tokens b = 1 − a (= α/(α+β)), the exponent of D_opt — Gemstones' slope-analysis "slope", computed as
 *               the original does
 */
public record AllocationSlopes(double params, double tokens) {

    /** The slopes of exponents α (params) and β (tokens). */
    public static AllocationSlopes ofExponents(double alpha, double beta) {
        double params = beta / (alpha + beta);
        return new AllocationSlopes(params, 1 - params);
    }

    /** The slopes of a fitted params/tokens law; NaN for both if no start converged. */
    public static AllocationSlopes of(LawFit fit) {
        if (!fit.succeeded()) {
            return new AllocationSlopes(Double.NaN, Double.NaN);
        }
        double[] exponents = fit.exponents();
        return ofExponents(exponents[0], exponents[1]);
    }
}
