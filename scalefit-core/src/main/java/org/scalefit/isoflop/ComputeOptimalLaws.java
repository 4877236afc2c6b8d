package org.scalefit.isoflop;

/**
 * The three compute-optimal power laws of one fit: N*(C), D*(C) and ρ*(C) = D* ÷ N* (tokens per parameter), each
 * y = coef·C^exponent (Porian et al., {@code analysis.py}, {@code fit_compute_optimal_power_laws}; keys
 * {@code n_*}, {@code t_*}, {@code multiplier_*}).
 *
 * @param n          N*(C)
 * @param t          D*(C)
 * @param multiplier ρ*(C)
 */
public record ComputeOptimalLaws(PowerLaw n, PowerLaw t, PowerLaw multiplier) {

    /** Which law. */
    public enum Quantity {
        /** N*(C), parameters. */
        N,
        /** D*(C), tokens. */
        T,
        /** ρ*(C), tokens per parameter. */
        MULTIPLIER
    }

    /** The law of one quantity. */
    public PowerLaw law(Quantity quantity) {
        return switch (quantity) {
            case N -> n;
            case T -> t;
            case MULTIPLIER -> multiplier;
        };
    }
}
