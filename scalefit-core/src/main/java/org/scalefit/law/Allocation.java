package org.scalefit.law;

/**
 * A training budget split into model size and data: C ≈ 6·N·D.
 *
 * @param compute         C, training FLOPs
 * @param params          N
 * @param tokens          D
 * @param predictedLoss   the law's loss at (N, D); NaN for rules that predict no loss
 */
public record Allocation(double compute, double params, double tokens, double predictedLoss) {

    /** D/N. */
    public double tokensPerParam() {
        return tokens / params;
    }
}
