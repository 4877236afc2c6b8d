package org.scalefit.overtraining;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Fits {@link DownstreamErrorLaw} Err(L) = ε − k·e^(−γ·L) by ordinary least squares on the errors,
 * Σ (Êrr_i − Err_i)², unweighted — Gadre et al.'s {@code shared.fit_ds}: one {@code curve_fit} with no p0, i.e.
 * Levenberg–Marquardt from (k, γ, ε) = (1, 1, 1), at most 10 000 evaluations.
 *
 * <p>The minimum is shallow along one direction, and scipy's MINPACK (forward differences, tolerances 1.49e-8)
 * stops up to ~6e-6 (relative) short of it; here the Jacobian is analytic and the tolerances 1e-12, so the fit
 * reaches the exact minimiser. {@link Solver#VARIABLE_PROJECTION} profiles the sum of squares over γ ∈ (0, 10).
 *
 * <p>Immutable; {@code with…} methods return modified copies.
 */
public final class DownstreamFitter {

    /** The variable-projection search interval of the rate γ. */
    static final double RATE_LOWER = 0;
    static final double RATE_UPPER = 10;
    /**
     * The decay term k·e^(−γ·L) is flat on the data when its span over the fitted losses is at most this fraction of
     * the largest |Err_i| (the reciprocal of {@link SeparableLeastSquares#FLAT_CONDITION}): k and γ are then not
     * determined, only ε is.
     */
    static final double FLAT_TERM = 1 / SeparableLeastSquares.FLAT_CONDITION;

    private final double[] start;
    private final Solver solver;
    private final int maxEvaluations;

    private DownstreamFitter(double[] start, Solver solver, int maxEvaluations) {
        this.start = start.clone();
        this.solver = solver;
        this.maxEvaluations = maxEvaluations;
    }

    /** The paper's fit: Levenberg–Marquardt from (k, γ, ε) = (1, 1, 1), 10 000 evaluations. */
    public static DownstreamFitter gadre() {
        return new DownstreamFitter(new double[] {1, 1, 1}, Solver.LEVENBERG_MARQUARDT, 10_000);
    }

    /** This fitter with another solver. */
    public DownstreamFitter withSolver(Solver solver) {
        return new DownstreamFitter(start, Objects.requireNonNull(solver, "solver"), maxEvaluations);
    }

    /** This fitter with another LM start (k₀, γ₀, ε₀). */
    public DownstreamFitter withStart(double[] start) {
        if (start.length != 3) {
            throw new IllegalArgumentException("a start is (k, gamma, epsilon), got " + start.length + " values");
        }
        return new DownstreamFitter(start, solver, maxEvaluations);
    }

    /** This fitter with another cap on model evaluations per LM run. */
    public DownstreamFitter withMaxEvaluations(int maxEvaluations) {
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be ≥ 1, got " + maxEvaluations);
        }
        return new DownstreamFitter(start, solver, maxEvaluations);
    }

    /** The LM start (k₀, γ₀, ε₀); a copy. */
    public double[] start() {
        return start.clone();
    }

    public Solver solver() {
        return solver;
    }

    /**
     * Fits the law to runs with losses L_i and errors Err_i, with the {@link FitStatistics} of the optimum.
     *
     * @throws IllegalArgumentException if the arrays differ in length, hold fewer than 3 runs, or a value is not
     *                                  finite
     */
    public DownstreamFit fit(double[] loss, double[] error) {
        Model model = new Model(loss, error);
        SeparableLeastSquares.Result result = solver == Solver.LEVENBERG_MARQUARDT
                ? SeparableLeastSquares.levenbergMarquardt(model, new double[][] {start}, maxEvaluations)
                : SeparableLeastSquares.variableProjection(model, RATE_LOWER, RATE_UPPER, maxEvaluations);
        DownstreamErrorLaw law = DownstreamErrorLaw.of(result.parameters());
        return new DownstreamFit(law, result.report(), statistics(law, result.report(), model.loss, model.error));
    }

    /** curve_fit's statistics of {@code law} on the fitted points (undefined when the fit failed). */
    private static FitStatistics statistics(DownstreamErrorLaw law, FitReport report, double[] loss, double[] error) {
        if (report.failed()) {
            return FitStatistics.undefined(loss.length, 3);
        }
        double[][] jacobian = new double[loss.length][];
        double[] residuals = new double[loss.length];
        for (int i = 0; i < loss.length; i++) {
            jacobian[i] = law.gradient(loss[i]);
            residuals[i] = law.error(loss[i]) - error[i];
        }
        return FitStatistics.of(jacobian, residuals, error);
    }

    /** Err_i ≈ k·φ_0 + ε·1 with φ_0 = −e^(−γ·L_i); θ = γ at index 1 of (k, γ, ε). */
    private static final class Model implements SeparableModel {

        private final double[] loss;
        private final double[] error;

        Model(double[] loss, double[] error) {
            if (loss.length != error.length) {
                throw new IllegalArgumentException("need one loss per error, got " + loss.length + " and "
                        + error.length);
            }
            if (loss.length < 3) {
                throw new IllegalArgumentException("the downstream law has 3 parameters and needs at least 3 runs, "
                        + "got " + loss.length);
            }
            for (int i = 0; i < loss.length; i++) {
                if (!Double.isFinite(loss[i]) || !Double.isFinite(error[i])) {
                    throw new IllegalArgumentException("run " + i + ": loss = " + loss[i] + ", error = " + error[i]
                            + "; need finite values");
                }
            }
            this.loss = loss.clone();
            this.error = error.clone();
        }

        @Override
        public int points() {
            return loss.length;
        }

        @Override
        public int linearTerms() {
            return 2;
        }

        @Override
        public int nonlinearIndex() {
            return 1;
        }

        @Override
        public double observed(int i) {
            return error[i];
        }

        @Override
        public void basis(int i, double theta, double[] phi, double[] dphi) {
            double decay = Math.exp(-theta * loss[i]);
            phi[0] = -decay;
            phi[1] = 1;
            dphi[0] = loss[i] * decay;
            dphi[1] = 0;
        }

        @Override
        public List<String> degeneracies(double[] p) {
            List<String> why = new ArrayList<>();
            if (!(p[1] > 0)) {
                why.add(String.format(Locale.ROOT, "rate gamma = %.6g ≤ 0: not a decay", p[1]));
            }
            if (!(p[0] > 0)) {
                why.add(String.format(Locale.ROOT, "k = %.6g ≤ 0: the error does not fall as the loss falls", p[0]));
            }
            if (!(p[2] > 0)) {
                why.add(String.format(Locale.ROOT, "epsilon = %.6g ≤ 0: a non-positive error ceiling", p[2]));
            }
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            double largestError = 0;
            for (int i = 0; i < loss.length; i++) {
                double decay = Math.exp(-p[1] * loss[i]);
                lowest = Math.min(lowest, decay);
                highest = Math.max(highest, decay);
                largestError = Math.max(largestError, Math.abs(error[i]));
            }
            double span = Math.abs(p[0]) * (highest - lowest);
            if (!(span > FLAT_TERM * largestError)) {
                why.add(String.format(Locale.ROOT, "the decay k·e^(−γ·L) changes by %.3g over the fitted losses: the "
                        + "law is flat on the data, so k and gamma are not determined (are the errors the same at "
                        + "every run, e.g. at chance?)", span));
            }
            return why;
        }
    }
}
