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
 * multi-start fits pass (no tested step along −∇NLL, the Newton direction or a direction of negative curvature lowers
 * NLL by more than 10⁻¹² of itself). The test decides whether the estimate is an optimum, not the optimiser's stopping
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
 * @param theta                   the law's parameters [α_1 … α_k, c_1 … c_k, e]
 * @param logScale                the fitted log-scale s of the residuals (σ = e^s)
 * @param negativeLogLikelihood   NLL(θ, s) at the optimum
 * @param outcome                 how the search (L-BFGS) stopped, before any polish
 * @param stationarity            the test of (θ, s) as a local minimum of NLL
 * @param polished                the search's end point failed the test and the estimate is its polish
 */
public record HuberLikelihoodFit(double[] theta, double logScale, double negativeLogLikelihood,
                                 LbfgsOutcome outcome, Stationarity stationarity, boolean polished) {

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
        NOT_STATIONARY("not_stationary");

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
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** The verdict: {@link Convergence#NOT_STATIONARY} whenever the stationarity test failed, whatever L-BFGS said. */
    public Convergence convergence() {
        if (!stationarity.holds()) {
            return Convergence.NOT_STATIONARY;
        }
        return outcome.success() ? Convergence.CONVERGED : Convergence.AT_PRECISION_FLOOR;
    }

    /** The estimate passed the stationarity test: a local minimum of NLL to working precision. */
    public boolean converged() {
        return convergence() != Convergence.NOT_STATIONARY;
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
                    outcome, stationarity, false);
        }
        LocalRefinement.Refined refined = LocalRefinement.refine(objective, x, settings.maxEvaluations());
        double[] point = refined.point();
        return new HuberLikelihoodFit(Arrays.copyOf(point, start.length), point[start.length], refined.value(),
                outcome, refined.stationarity(), true);
    }
}
