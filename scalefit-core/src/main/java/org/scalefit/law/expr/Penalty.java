package org.scalefit.law.expr;

import java.io.Serializable;

/**
 * How the residuals r_i of a fit are summed into the objective F = Σ_i w_i·ρ(r_i), with weights w_i (1 unless the
 * data has a weight column). A residual is observed minus predicted ({@link Residual}): r &lt; 0 where the law
 * over-estimates the loss.
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

    /**
     * The over-estimate penalty: Huber's ρ with the over-estimates weighted κ times more,
     * <pre>
     *   ρ(r) = huber_δ(r)        for r &gt; 0   (observation above the prediction: an under-estimate)
     *   ρ(r) = κ·huber_δ(r)      for r ≤ 0   (prediction above the observation: an over-estimate)
     * </pre>
     * so ρ′(r) = clamp(r, −δ, δ) for r &gt; 0 and κ·clamp(r, −δ, δ) for r ≤ 0: ρ is C¹ (ρ′(0) = 0 from both sides;
     * ρ″ jumps from κ to 1 at 0, as Huber's does at ±δ) and convex, and κ = 1 is {@link Huber} exactly. With κ &gt; 1
     * the fitted law moves below the points, towards the lower envelope of the losses.
     *
     * <p>Where it comes from: no formula for an "OLMo-style over-estimate penalty" was found in OLMo's or
     * OLMo-ladder's code or papers, so no published OLMo definition is implied by the name. The published definition of this asymmetry is kyo-takano/chinchilla's default fitting
     * loss, {@code chinchilla/_metrics.py}, {@code asymmetric_mae(y_true, y_pred, w=10)}: with e = y − ŷ,
     * f(e) = e for e &gt; 0 and w·|e| otherwise ({@code docs/changes.md} §1, "Loss function: Symmetric →
     * Asymmetric": it "penalizes negative errors more significantly than positive ones" so that the law fits "the
     * lower bound of" the achievable losses; there on raw losses, {@link Residual#RAW} here). This penalty is that
     * loss with Huber's quadratic core of width δ around 0: for |r| &gt; δ, ρ(r)/δ = f(r) − δ/2 (under-estimates) or
     * κ·(|r| − δ/2) (over-estimates), so ρ/δ → f as δ → 0 with κ = w. The core keeps the objective differentiable at
     * r = 0, which the engine's L-BFGS and its stationarity test (a gradient and its central differences) need; the
     * absolute error itself has a kink at every point the law passes through. kyo-takano/chinchilla's default is
     * w = 10; κ must be given.
     *
     * @param delta δ &gt; 0, the width of the quadratic core
     * @param kappa κ ≥ 1, finite: the weight of over-estimates relative to under-estimates
     */
    record OverEstimate(double delta, double kappa) implements Penalty {
        public OverEstimate {
            if (!(delta > 0) || Double.isInfinite(delta)) {
                throw new IllegalArgumentException("Huber delta must be positive and finite, was " + delta);
            }
            if (!(kappa >= 1) || Double.isInfinite(kappa)) {
                throw new IllegalArgumentException("the over-estimate weight kappa must be a finite number ≥ 1 "
                        + "(1 is Huber; kyo-takano/chinchilla's asymmetric loss uses 10), was " + kappa);
            }
        }

        @Override
        public String toString() {
            return "over-estimate(" + delta + ", kappa " + kappa + ")";
        }
    }

    /** Huber with threshold δ. */
    static Penalty huber(double delta) {
        return new Huber(delta);
    }

    /** Huber with threshold δ and over-estimates weighted κ ≥ 1 times ({@link OverEstimate}). */
    static Penalty overEstimate(double delta, double kappa) {
        return new OverEstimate(delta, kappa);
    }

    /** The plain sum of squares. */
    static Penalty squared() {
        return new Squared();
    }
}
