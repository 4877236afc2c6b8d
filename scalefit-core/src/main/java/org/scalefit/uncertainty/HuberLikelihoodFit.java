package org.scalefit.uncertainty;

import org.scalefit.data.Observations;
import org.scalefit.fit.Lbfgs;
import org.scalefit.fit.LbfgsOutcome;
import org.scalefit.fit.LbfgsSettings;
import org.scalefit.law.LawForm;

/**
 * The maximum-likelihood estimate of a law under the {@link HuberLikelihoodObjective}: Epoch AI's main estimate
 * ("Fit B", Besiroglu et al. 2024, cell 24 of {@code data_analysis.ipynb}), minimising NLL(θ, s) from a single start
 * θ₀ with s₀ = 0. The original uses scipy's BFGS; this uses {@link Lbfgs} with tight tolerances
 * ({@link LbfgsSettings#polishing()}), which reaches the same optimum.
 *
 * @param theta                   the law's parameters [α_1 … α_k, c_1 … c_k, e]
 * @param logScale                the fitted log-scale s of the residuals (σ = e^s)
 * @param negativeLogLikelihood   NLL(θ, s) at the optimum
 * @param outcome                 how the optimiser stopped
 */
public record HuberLikelihoodFit(double[] theta, double logScale, double negativeLogLikelihood,
                                 LbfgsOutcome outcome) {

    public HuberLikelihoodFit {
        theta = theta.clone();
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /**
     * Minimises the Huber negative log-likelihood of {@code law} on {@code observations} (threshold {@code delta})
     * from {@code start} (the law's θ) with s = 0.
     */
    public static HuberLikelihoodFit maximise(LawForm law, Observations observations, double delta, double[] start) {
        HuberLikelihoodObjective objective = HuberLikelihoodObjective.of(law, observations, delta);
        if (start.length != law.parameterCount()) {
            throw new IllegalArgumentException("start has " + start.length + " parameters, law " + law.name()
                    + " has " + law.parameterCount());
        }
        double[] x = java.util.Arrays.copyOf(start, start.length + 1);
        LbfgsOutcome outcome = new Lbfgs(x.length, LbfgsSettings.polishing()).minimize(objective, x);
        return new HuberLikelihoodFit(java.util.Arrays.copyOf(x, start.length), x[start.length],
                objective.value(x), outcome);
    }
}
