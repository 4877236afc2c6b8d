package org.scalefit.overtraining;

/**
 * Bhagia et al. 2024's task-accuracy law ("Establishing Task Scaling Laws via Compute-Efficient Model Ladders",
 * arXiv 2412.04403, step 2), as Gemstones fits it ({@code benchmarks/bhagia_fit.py}):
 * accuracy as a sigmoid in a loss L,
 * <pre>
 *   acc(L) = a / (1 + e^(−k·(L − L₀))) + b
 * </pre>
 * With a &gt; 0 and k &lt; 0 the accuracy falls from a + b (L → −∞) to the floor b (L → ∞), fastest at the midpoint
 * L₀, where it is b + a/2; acc'(L) = a·k·σ·(1 − σ) with σ = 1 / (1 + e^(−k·(L − L₀))). The parameters
 * (a, k, L₀, b) and (−a, −k, L₀, a + b) describe the same curve. Far from L₀ (k·(L − L₀) ≪ 0) the law is
 * b + a·e^(k·(L − L₀)), Gadre et al.'s {@link DownstreamErrorLaw} in 1 − acc: there a and L₀ are determined only
 * through a·e^(−k·L₀).
 *
 * @param a        the amplitude a (the accuracy gained between L → ∞ and L → −∞)
 * @param k        the steepness k (per nat of loss; negative when accuracy falls as the loss rises)
 * @param midpoint the midpoint L₀
 * @param b        the floor b (the accuracy as L → ∞ when k &lt; 0)
 */
public record SigmoidAccuracyLaw(double a, double k, double midpoint, double b) {

    /** The law with parameters in the fit's order (a, k, L₀, b). */
    public static SigmoidAccuracyLaw of(double[] parameters) {
        if (parameters.length != 4) {
            throw new IllegalArgumentException("the sigmoid law has 4 parameters (a, k, L0, b), got "
                    + parameters.length);
        }
        return new SigmoidAccuracyLaw(parameters[0], parameters[1], parameters[2], parameters[3]);
    }

    /** The parameters in the fit's order (a, k, L₀, b). */
    public double[] parameters() {
        return new double[] {a, k, midpoint, b};
    }

    /** acc(L) = a / (1 + e^(−k·(L − L₀))) + b. */
    public double accuracy(double loss) {
        return a * logistic(k * (loss - midpoint)) + b;
    }

    /**
     * The gradient of acc(L) in (a, k, L₀, b): (σ, a·σ(1−σ)·(L − L₀), −a·σ(1−σ)·k, 1), with σ(1−σ) computed as
     * e^(−|z|) / (1 + e^(−|z|))² so that it stays accurate in both tails.
     */
    public double[] gradient(double loss) {
        double z = k * (loss - midpoint);
        double sigma = logistic(z);
        double tail = Math.exp(-Math.abs(z));
        double slope = tail / ((1 + tail) * (1 + tail));
        return new double[] {sigma, a * slope * (loss - midpoint), -a * slope * k, 1};
    }

    /** The same curve with a ≥ 0: (−a, −k, L₀, a + b) when a &lt; 0, otherwise this law. */
    public SigmoidAccuracyLaw withPositiveAmplitude() {
        return a < 0 ? new SigmoidAccuracyLaw(-a, -k, midpoint, a + b) : this;
    }

    /** σ(z) = 1 / (1 + e^(−z)), evaluated without overflow. */
    static double logistic(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
