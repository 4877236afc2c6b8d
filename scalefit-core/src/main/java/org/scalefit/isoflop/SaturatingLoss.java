package org.scalefit.isoflop;

/**
 * The optimal loss as a saturating power law of compute, L*(C) = E + A·C^(−α), fitted in log space as
 * ln L̂ = logaddexp(a − α ln C, e) with A = e^a, E = e^e (Porian et al., {@code analysis.py},
 * {@code fit_loss_with_saturation}).
 *
 * @param a     A (nats·FLOPs^α)
 * @param e     E (nats)
 * @param alpha α
 * @param huber the selection objective Σ huber_δ(ln L_i − ln L̂(C_i)) at the solution, δ = 1e-3
 */
public record SaturatingLoss(double a, double e, double alpha, double huber) {

    /** E + A·C^(−α). */
    public double at(double flops) {
        return e + a * Math.pow(flops, -alpha);
    }
}
