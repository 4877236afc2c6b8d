package org.scalefit.uncertainty;

import java.util.Arrays;
import java.util.Objects;
import org.scalefit.data.Observations;
import org.scalefit.fit.Lbfgs;
import org.scalefit.fit.LbfgsOutcome;
import org.scalefit.fit.LbfgsSettings;
import org.scalefit.fit.LocalRefinement;
import org.scalefit.fit.Stationarity;
import org.scalefit.law.LawForm;

/**
 * The maximum-likelihood estimate of a law under the {@link HuberLikelihoodObjective}: Epoch AI's main estimate
 * ("Fit B", Besiroglu et al. 2024, cell 24 of {@code data_analysis.ipynb}), minimising NLL(θ, s) from a single start
 * θ₀ with s₀ = 0. The original uses scipy's BFGS; this uses {@link Lbfgs} with tight tolerances
 * ({@link LbfgsSettings#polishing()}), which reaches the same optimum.
 *
 * <p>Where the search ends, (θ, s) is tested as a local minimum of NLL by the {@link Stationarity} test the
 * multi-start fits pass (no tested step along −∇NLL, the Newton direction, a single parameter or a direction of
 * negative curvature lowers NLL by more than 10⁻¹² of itself). The test decides whether the estimate is an optimum, not the optimiser's stopping
 * reason: with δ = 10⁻³ the likelihood is nearly an L1 loss with kinks at the optimum, and L-BFGS often ends there in
 * a failed line search ({@link Convergence#AT_PRECISION_FLOOR}).
 *
 * <p>Polish: where the search's end point fails the test (L-BFGS can stop on its reduction test, a failed line search
 * or its evaluation limit a hair from the minimum, with a step that still lowers NLL by 10⁻¹¹ of itself), it is
 * refined by {@link LocalRefinement} — the polish of the multi-start fits — and the refined point is the estimate,
 * tested again ({@code polished} true). The polish may spend as many evaluations of NLL as the search was allowed
 * ({@link LbfgsSettings#maxEvaluations()}), so a search cut short by its evaluation limit far from the optimum is
 * still reported {@link Convergence#NOT_STATIONARY} unless that second budget reaches a tested minimum. The polish
 * only ever lowers NLL. An end point that passes the test is the estimate as it is (so on Epoch's 240 Chinchilla
 * points, where it passes, Fit B is the search's end point).
 *
 * <p>Scale below precision: on points the law fits almost exactly (e.g. 8 points with 10⁻⁶ noise) the likelihood's
 * maximum lies at a σ so small that rounding alone moves NLL by more than the test resolves; the estimate is then
 * {@link Convergence#SCALE_BELOW_PRECISION}, whatever the test said ({@link ScaleResolution} states the rule).
 *
 * @param theta                   the law's parameters [α_1 … α_k, c_1 … c_k, e]
 * @param logScale                the fitted log-scale s of the residuals (σ = e^s)
 * @param negativeLogLikelihood   NLL(θ, s) at the optimum
 * @param outcome                 how the search (L-BFGS) stopped, before any polish
 * @param stationarity            the test of (θ, s) as a local minimum of NLL
 * @param polished                the search's end point failed the test and the estimate is its polish
 * @param resolution              whether double precision resolves NLL at the estimate finely enough for the test
 */
public record HuberLikelihoodFit(double[] theta, double logScale, double negativeLogLikelihood,
                                 LbfgsOutcome outcome, Stationarity stationarity, boolean polished,
                                 ScaleResolution resolution) {

    /**
     * Whether the residual scale σ of an estimate is large enough for double precision to resolve NLL as finely as
     * the {@link Stationarity} test must.
     *
     * <p>The rule. With x_i = r_i/σ, ∂NLL/∂r_i = −ψ(x_i)/σ (ψ = clamp(·, −δ, δ)). A residual r_i = log L_i −
     * log L̂_i is computed with an absolute rounding error of about ε·max(1, |log L_i|) (ε = 2⁻⁵²: the logarithm of
     * the loss alone is rounded, and the prediction's log-sum-exp adds its own), so NLL carries a rounding error of
     * about ρ = (1/σ)·Σ_i |ψ(x_i)|·ε·max(1, |log L_i|) — a low estimate: no margin is added. The test accepts a
     * minimum only if no tested step lowers NLL by more than τ = {@value Stationarity#DECREASE_TOLERANCE}·|NLL|.
     * When ρ &gt; τ, rounding alone moves NLL by more than τ between neighbouring points: the test can neither
     * certify nor refute a minimum, and the searches follow rounding noise. The scale is resolved when ρ ≤ τ.
     *
     * <p>When it is not. With δ = 10⁻³ the points beyond the quadratic zone (|x_i| &gt; δ) make the likelihood an L1
     * loss in the residuals, and ∂NLL/∂s = n − Σψ(x_i)·x_i = 0 puts its maximum near σ ≈ δ·Σ_i|r_i|/n: σ shrinks
     * with the residuals, ρ grows as 1/σ while τ grows only as −n·log σ. On points a law fits almost exactly (8
     * points with 10⁻⁶ noise: σ ≈ e⁻²², ρ ≈ 50·τ) the maximum exists but is out of double precision's reach; on
     * points exactly on the law (Σ_i|r_i| → 0) it does not exist: NLL → −∞ as σ → 0, with ∂NLL/∂s → n. On Epoch's
     * 240 Chinchilla points (σ = e^{−12.27}) ρ is about 1/80 of τ.
     *
     * @param scale           σ = e^s at the estimate
     * @param roundingError   ρ, the rounding error of NLL there
     * @param tolerance       τ, the decrease of NLL the stationarity test resolves there
     * @param largestResidual max_i |log L_i − log L̂_i| at the estimate
     * @param points          n
     */
    public record ScaleResolution(double scale, double roundingError, double tolerance, double largestResidual,
                                  int points) implements java.io.Serializable {

        /** ρ ≤ τ: double precision resolves NLL as finely as the stationarity test must. */
        public boolean resolved() {
            return !(roundingError > tolerance);
        }

        /** What a result says when the scale is not resolved (empty when it is): what happened, what it means, what to do. */
        public String warning() {
            if (resolved()) {
                return "";
            }
            return String.format(java.util.Locale.ROOT, "the residual scale is below what double precision "
                    + "resolves: the law fits these %d points almost exactly (largest |log L - log L_hat| %.2g), so "
                    + "the fitted sigma = %.3g, where one rounding error of the residuals moves NLL by about %.2g, "
                    + "more than the %.2g (%.0e of |NLL|) the stationarity test must resolve. Fit B cannot be "
                    + "located or verified as a maximum of the likelihood in double precision (for points exactly on "
                    + "the law it has none: NLL falls without bound as sigma -> 0), so its sigma, NLL and likelihood "
                    + "ratios, and the tests and policy computed from it, are not an optimum's. Fit the law with "
                    + "scalefit fit (the Huber sum, which fits no scale) and bootstrap that fit with scalefit bootstrap "
                    + "--fit; more points, or points with measurable noise, make Fit B meaningful", points,
                    largestResidual, scale, roundingError, tolerance, Stationarity.DECREASE_TOLERANCE);
        }
    }

    /** Whether the estimate is an optimum: the optimiser's own test and the {@link Stationarity} test together. */
    public enum Convergence {
        /** The optimiser met its convergence test and the estimate passed the stationarity test. */
        CONVERGED("converged"),
        /**
         * The optimiser stopped without meeting its test (a failed line search: no step lowered NLL in floating
         * point; or its evaluation limit, then polished), at a point that passed the stationarity test: a minimum to
         * working precision.
         */
        AT_PRECISION_FLOOR("converged_at_precision_floor"),
        /** The estimate failed the stationarity test: a tested step still lowers NLL; it is not an optimum. */
        NOT_STATIONARY("not_stationary"),
        /**
         * The residual scale is below what double precision resolves ({@link ScaleResolution}): whatever the test
         * said, it cannot tell a maximum of the likelihood from rounding there; not an optimum.
         */
        SCALE_BELOW_PRECISION("scale_below_precision");

        private final String label;

        Convergence(String label) {
            this.label = label;
        }

        /** The name result documents use. */
        public String label() {
            return label;
        }
    }

    public HuberLikelihoodFit {
        theta = theta.clone();
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(stationarity, "stationarity");
        Objects.requireNonNull(resolution, "resolution");
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /**
     * The verdict: {@link Convergence#SCALE_BELOW_PRECISION} whenever double precision does not resolve NLL as finely
     * as the stationarity test must; else {@link Convergence#NOT_STATIONARY} whenever the test failed, whatever L-BFGS
     * said.
     */
    public Convergence convergence() {
        if (!resolution.resolved()) {
            return Convergence.SCALE_BELOW_PRECISION;
        }
        if (!stationarity.holds()) {
            return Convergence.NOT_STATIONARY;
        }
        return outcome.success() ? Convergence.CONVERGED : Convergence.AT_PRECISION_FLOOR;
    }

    /** The estimate passed the stationarity test, at a scale where the test means something: an optimum. */
    public boolean converged() {
        return convergence() == Convergence.CONVERGED || convergence() == Convergence.AT_PRECISION_FLOOR;
    }

    /** What the result must say when the estimate is not an optimum (empty when it is one). */
    public String warning() {
        return switch (convergence()) {
            case CONVERGED, AT_PRECISION_FLOOR -> "";
            case NOT_STATIONARY -> stationarity.warning();
            case SCALE_BELOW_PRECISION -> "not converged: " + resolution.warning();
        };
    }

    /**
     * Minimises the Huber negative log-likelihood of {@code law} on {@code observations} (threshold {@code delta})
     * from {@code start} (the law's θ) with s = 0, with {@link LbfgsSettings#polishing()}, tests the end point and
     * polishes it if it fails the test.
     */
    public static HuberLikelihoodFit maximise(LawForm law, Observations observations, double delta, double[] start) {
        return maximise(law, observations, delta, start, LbfgsSettings.polishing());
    }

    /**
     * {@link #maximise(LawForm, Observations, double, double[])} with the optimiser's stopping rules {@code settings};
     * a polish may spend {@code settings.maxEvaluations()} evaluations more.
     */
    public static HuberLikelihoodFit maximise(LawForm law, Observations observations, double delta, double[] start,
                                              LbfgsSettings settings) {
        HuberLikelihoodObjective objective = HuberLikelihoodObjective.of(law, observations, delta);
        if (start.length != law.parameterCount()) {
            throw new IllegalArgumentException("start has " + start.length + " parameters, law " + law.name()
                    + " has " + law.parameterCount());
        }
        double[] x = Arrays.copyOf(start, start.length + 1);
        LbfgsOutcome outcome = new Lbfgs(x.length, settings).minimize(objective, x);
        Stationarity stationarity = Stationarity.check(objective, x, new double[x.length]);
        if (stationarity.holds()) {
            return new HuberLikelihoodFit(Arrays.copyOf(x, start.length), x[start.length], objective.value(x),
                    outcome, stationarity, false, objective.scaleResolution(x));
        }
        LocalRefinement.Refined refined = LocalRefinement.refine(objective, x, settings.maxEvaluations());
        double[] point = refined.point();
        return new HuberLikelihoodFit(Arrays.copyOf(point, start.length), point[start.length], refined.value(),
                outcome, refined.stationarity(), true, objective.scaleResolution(point));
    }
}
