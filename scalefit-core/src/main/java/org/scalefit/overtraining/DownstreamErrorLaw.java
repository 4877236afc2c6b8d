package org.scalefit.overtraining;

/**
 * Gadre et al. 2024's downstream law: average top-1 error as an exponential decay in the loss L of a model
 * ({@code scaling/laws.py}, {@code decay_ours(x, a, b, e) = e − a·exp(x)^(−b)}; fitted in {@code shared.fit_ds} as
 * {@code E − a·exp(−b·t)}):
 * <pre>
 *   Err(L) = ε − k·e^(−γ·L)
 * </pre>
 * With k, γ &gt; 0 the error rises with the loss towards the ceiling ε (the error of a model that has learnt nothing
 * useful, as L grows) and falls as the loss falls. The parameter order (k, γ, ε) is the code's {@code (a, b, E)}.
 *
 * @param k       the amplitude k
 * @param gamma   the rate γ (per nat of loss)
 * @param epsilon the ceiling ε
 */
public record DownstreamErrorLaw(double k, double gamma, double epsilon) {

    /** The law with parameters in the code's order (k, γ, ε). */
    public static DownstreamErrorLaw of(double[] parameters) {
        if (parameters.length != 3) {
            throw new IllegalArgumentException("the downstream law has 3 parameters (k, gamma, epsilon), got "
                    + parameters.length);
        }
        return new DownstreamErrorLaw(parameters[0], parameters[1], parameters[2]);
    }

    /** The parameters in the code's order (k, γ, ε). */
    public double[] parameters() {
        return new double[] {k, gamma, epsilon};
    }

    /** Err(L) = ε − k·e^(−γ·L). */
    public double error(double loss) {
        return epsilon - k * Math.exp(-gamma * loss);
    }

    /** The gradient of Err(L) in the parameters (k, γ, ε): (−e^(−γ·L), k·L·e^(−γ·L), 1). */
    public double[] gradient(double loss) {
        double decay = Math.exp(-gamma * loss);
        return new double[] {-decay, k * loss * decay, 1};
    }
}
