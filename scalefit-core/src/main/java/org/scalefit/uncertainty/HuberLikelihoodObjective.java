package org.scalefit.uncertainty;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.special.Erf;
import org.scalefit.data.Observations;
import org.scalefit.fit.DifferentiableObjective;
import org.scalefit.fit.HuberLogLossObjective;
import org.scalefit.law.LawForm;

/**
 * The negative log-likelihood of the log-loss residuals under a Huber density with a fitted scale, the objective of
 * Epoch AI's main estimate ("Fit B"; Besiroglu et al. 2024, <i>Chinchilla Scaling: A replication attempt</i>, §2 and
 * the {@code objective} function of their {@code data_analysis.ipynb}):
 * <pre>
 *   r_i = log L_i − log L̂_θ(x_i),   σ = e^s,   x_i = r_i / σ,
 *   NLL(θ, s) = Σ_i [ h_δ(x_i) + log Z(δ) + s ],
 *   h_δ(x) = x²/2 if |x| ≤ δ, else δ·(|x| − δ/2),
 *   Z(δ) = √(2π)·(1 − 2·Φ̄(δ)) + 2·e^{−δ²/2}/δ          (the normaliser of e^{−h_δ}; Φ̄ the normal survival function)
 * </pre>
 * with log L̂_θ the {@link LawForm} log-sum-exp power law. The parameter vector is the law's θ followed by s:
 * [α_1 … α_k, c_1 … c_k, e, s] (for Chinchilla [α, β, ln A, ln B, ln E, s]).
 *
 * <p>The gradient is analytic: with ψ(x) = clamp(x, −δ, δ) and w the softmax weights of the law's terms,
 * ∂NLL/∂θ = Σ_i (−ψ(x_i)/σ)·∂log L̂_i/∂θ, where ∂log L̂/∂c_j = w_j, ∂log L̂/∂α_j = −w_j·log x_j,
 * ∂log L̂/∂e = w_e; and ∂NLL/∂s = n − Σ_i ψ(x_i)·x_i.
 *
 * <p>Keeps scratch space: one instance per thread, see {@link #copy()}.
 */
public final class HuberLikelihoodObjective implements DifferentiableObjective {

    private final LawForm law;
    private final double delta;
    private final double logNormaliser;
    /** logInputs[i][j] = log x_ij. */
    private final double[][] logInputs;
    private final double[] logLosses;
    private final double[] terms;

    private HuberLikelihoodObjective(LawForm law, double delta, double[][] logInputs, double[] logLosses) {
        this.law = law;
        this.delta = delta;
        this.logNormaliser = Math.log(logNormaliser(delta));
        this.logInputs = logInputs;
        this.logLosses = logLosses;
        this.terms = new double[law.arity() + 1];
    }

    /**
     * The likelihood of {@code law} on {@code observations} with Huber threshold {@code delta} (on the standardised
     * residual x, as in the original).
     *
     * @throws IllegalArgumentException if the inputs do not match the law's, there are no points, or δ ≤ 0
     */
    public static HuberLikelihoodObjective of(LawForm law, Observations observations, double delta) {
        HuberLogLossObjective.requireFittable(law, observations, delta);
        int n = observations.size();
        double[][] logInputs = new double[n][law.arity()];
        double[] logLosses = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < law.arity(); j++) {
                logInputs[i][j] = Math.log(observations.input(i, j));
            }
            logLosses[i] = Math.log(observations.loss(i));
        }
        return new HuberLikelihoodObjective(law, delta, logInputs, logLosses);
    }

    /** log Z(δ), with Z(δ) = √(2π)·(1 − 2·Φ̄(δ)) + 2·e^{−δ²/2}/δ the integral of e^{−h_δ(x)} over ℝ. */
    public static double logNormaliserOf(double delta) {
        return Math.log(logNormaliser(delta));
    }

    private static double logNormaliser(double delta) {
        double survival = 0.5 * Erf.erfc(delta / Math.sqrt(2));
        return Math.sqrt(2 * Math.PI) * (1 - 2 * survival) + 2 * Math.exp(-0.5 * delta * delta) / delta;
    }

    /** The law whose residuals are modelled. */
    public LawForm law() {
        return law;
    }

    /** The Huber threshold δ on the standardised residual. */
    public double delta() {
        return delta;
    }

    /** Number of points. */
    public int points() {
        return logLosses.length;
    }

    /**
     * The scale refitted for a fixed law: the s minimising NLL(θ, s) with θ held at {@code theta} (the law's
     * parameters, without s), as Epoch AI's {@code scale_objective} fits it for the likelihood-ratio tests. NLL is
     * convex in s (h_δ is convex and increasing in |x|, and |x| = |r|·e^{−s} is convex in s), so the optimum is the
     * root of ∂NLL/∂s = n − Σ_i ψ(x_i)·x_i, which increases with s; it is bracketed and solved by Brent's method to
     * 10⁻¹³ in s.
     *
     * @throws IllegalArgumentException if every residual is 0 (the likelihood grows without bound as σ → 0)
     */
    public double bestLogScale(double[] theta) {
        if (theta.length != law.parameterCount()) {
            throw new IllegalArgumentException("law " + law.name() + " has " + law.parameterCount()
                    + " parameters, got " + theta.length);
        }
        int n = logLosses.length;
        double[] residuals = new double[n];
        double sumSquares = 0;
        double sumAbsolute = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            residuals[i] = logLosses[i] - law.logPrediction(theta, logInputs[i]);
            double size = Math.abs(residuals[i]);
            sumSquares += size * size;
            sumAbsolute += size;
            if (size > 0) {
                smallest = Math.min(smallest, size);
            }
        }
        if (!(sumAbsolute > 0)) {
            throw new IllegalArgumentException("every residual is 0 (or not finite): the scale has no "
                    + "maximum-likelihood value");
        }
        org.hipparchus.analysis.UnivariateFunction slope = s -> {
            double inverseScale = Math.exp(-s);
            double sum = 0;
            for (double r : residuals) {
                double x = r * inverseScale;
                double psi = x > delta ? delta : (x < -delta ? -delta : x);
                sum += psi * x;
            }
            return n - sum;
        };
        // Σψ(x)·x ≤ Σx² < n above `high`; every nonzero |x| > δ and δ·Σ|x| > n below `low`.
        double high = 0.5 * Math.log(sumSquares / n) + 1;
        double low = Math.min(Math.log(smallest / delta), Math.log(delta * sumAbsolute / n)) - 1;
        return new BrentSolver(1e-13).solve(1000, slope, low, high);
    }

    /**
     * Whether double precision resolves NLL at {@code point} ([θ, s]) finely enough for the stationarity test: the
     * evidence of {@link HuberLikelihoodFit.ScaleResolution} (its rule and figures).
     */
    public HuberLikelihoodFit.ScaleResolution scaleResolution(double[] point) {
        final int k = law.arity();
        final double sigma = Math.exp(point[2 * k + 1]);
        final double[] theta = java.util.Arrays.copyOf(point, 2 * k + 1);
        double weightedRounding = 0;
        double largest = 0;
        for (int i = 0; i < logLosses.length; i++) {
            double r = logLosses[i] - law.logPrediction(theta, logInputs[i]);
            double x = Math.abs(r) / sigma;
            weightedRounding += Math.min(x, delta) * Math.ulp(1.0) * Math.max(1, Math.abs(logLosses[i]));
            largest = Math.max(largest, Math.abs(r));
        }
        double tolerance = org.scalefit.fit.Stationarity.DECREASE_TOLERANCE * Math.abs(value(point));
        return new HuberLikelihoodFit.ScaleResolution(sigma, weightedRounding / sigma, tolerance, largest,
                logLosses.length);
    }

    @Override
    public int dimension() {
        return law.parameterCount() + 1;
    }

    @Override
    public DifferentiableObjective copy() {
        return new HuberLikelihoodObjective(law, delta, logInputs, logLosses);
    }

    @Override
    public double value(double[] theta) {
        return evaluate(theta, null);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        return evaluate(theta, gradient);
    }

    private double evaluate(double[] theta, double[] gradient) {
        final int k = law.arity();
        final int n = logLosses.length;
        final double s = theta[2 * k + 1];
        final double inverseScale = Math.exp(-s);
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0.0);
        }
        double f = 0;
        double scaleGradient = n;
        for (int i = 0; i < n; i++) {
            double[] logX = logInputs[i];
            double max = theta[2 * k];
            for (int j = 0; j < k; j++) {
                terms[j] = theta[k + j] - theta[j] * logX[j];
                max = Math.max(max, terms[j]);
            }
            terms[k] = theta[2 * k];
            double sum = 0;
            for (int j = 0; j <= k; j++) {
                terms[j] = Math.exp(terms[j] - max);
                sum += terms[j];
            }
            double r = logLosses[i] - (max + Math.log(sum));
            double x = r * inverseScale;
            double psi = x > delta ? delta : (x < -delta ? -delta : x);
            f += psi * (x - 0.5 * psi);
            if (gradient != null) {
                scaleGradient -= psi * x;
                double factor = -psi * inverseScale / sum;
                for (int j = 0; j < k; j++) {
                    double w = factor * terms[j];
                    gradient[k + j] += w;
                    gradient[j] -= w * logX[j];
                }
                gradient[2 * k] += factor * terms[k];
            }
        }
        if (gradient != null) {
            gradient[2 * k + 1] = scaleGradient;
        }
        return f + n * (logNormaliser + s);
    }
}
