package org.scalefit.law.expr;

import java.io.Serializable;

/**
 * How the residuals r_i of a fit are summed into the objective F = Σ_i w_i·ρ(r_i), with weights w_i (1 unless the
 * data has a weight column).
 */
public sealed interface Penalty extends Serializable {

    /**
     * ρ(r) = huber_δ(r) = r²/2 for |r| ≤ δ, δ·(|r| − δ/2) beyond ({@code scipy.special.huber}; Hoffmann et al. 2022
     * §D.2 with δ = 10⁻³), so ρ′(r) = clamp(r, −δ, δ).
     *
     * @param delta δ &gt; 0
     */
    record Huber(double delta) implements Penalty {
        public Huber {
            if (!(delta > 0) || Double.isInfinite(delta)) {
                throw new IllegalArgumentException("Huber delta must be positive and finite, was " + delta);
            }
        }

        @Override
        public String toString() {
            return "huber(" + delta + ")";
        }
    }

    /** ρ(r) = r², the sum of squared residuals (what {@code scipy.optimize.curve_fit} minimises). */
    record Squared() implements Penalty {
        @Override
        public String toString() {
            return "squared";
        }
    }

    /** Huber with threshold δ. */
    static Penalty huber(double delta) {
        return new Huber(delta);
    }

    /** The plain sum of squares. */
    static Penalty squared() {
        return new Squared();
    }
}
