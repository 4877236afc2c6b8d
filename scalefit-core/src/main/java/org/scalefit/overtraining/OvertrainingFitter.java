package org.scalefit.overtraining;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Fits {@link OvertrainingLaw} L(N, M) = E + α·N^b + β·6^(b/2)·(M·N)^b by ordinary least squares on the losses
 * themselves, Σ (L̂_i − L_i)², unweighted — Gadre et al.'s {@code curve_fit_powlaw_ours} (no log space, no Huber).
 *
 * <p>{@link #gadre()} is the paper's configuration: Levenberg–Marquardt from the 128 starts
 * (α₀, β₀, b₀, E₀) ∈ {1e2, 3e2, 1e3, 3e3} × {1e2, 3e2, 1e3, 3e3} × {−0.1, −0.3} × {0, 1, 2, 10}, in that loop order
 * (α₀ outermost), at most 10 000 evaluations per start, keeping the smallest sum of squares and the first start on
 * exact ties. Unlike scipy's MINPACK (forward differences, tolerances 1.49e-8), the Jacobian is analytic and the
 * tolerances are 1e-12, so every start ends at the exact minimiser rather than near it.
 * {@link Solver#VARIABLE_PROJECTION} profiles the sum of squares over b ∈ (−2, 0) instead.
 *
 * <p>Immutable; {@code with…} methods return modified copies.
 */
public final class OvertrainingFitter {

    private static final double[] ALPHA_STARTS = {1e2, 3e2, 1e3, 3e3};
    private static final double[] BETA_STARTS = {1e2, 3e2, 1e3, 3e3};
    private static final double[] EXPONENT_STARTS = {-1e-1, -3e-1};
    private static final double[] IRREDUCIBLE_STARTS = {0.0, 1.0, 2.0, 10.0};
    /** The variable-projection search interval of the exponent b. */
    static final double EXPONENT_LOWER = -2;
    static final double EXPONENT_UPPER = 0;

    private final double[][] starts;
    private final Solver solver;
    private final int maxEvaluations;

    private OvertrainingFitter(double[][] starts, Solver solver, int maxEvaluations) {
        this.starts = copy(starts);
        this.solver = solver;
        this.maxEvaluations = maxEvaluations;
    }

    /** The paper's fit: Levenberg–Marquardt from the 128-start grid, 10 000 evaluations per start. */
    public static OvertrainingFitter gadre() {
        List<double[]> grid = new ArrayList<>();
        for (double alpha : ALPHA_STARTS) {
            for (double beta : BETA_STARTS) {
                for (double exponent : EXPONENT_STARTS) {
                    for (double irreducible : IRREDUCIBLE_STARTS) {
                        grid.add(new double[] {alpha, beta, exponent, irreducible});
                    }
                }
            }
        }
        return new OvertrainingFitter(grid.toArray(double[][]::new), Solver.LEVENBERG_MARQUARDT, 10_000);
    }

    /** This fitter with another solver. */
    public OvertrainingFitter withSolver(Solver solver) {
        return new OvertrainingFitter(starts, Objects.requireNonNull(solver, "solver"), maxEvaluations);
    }

    /** This fitter with other LM starts, each (α₀, β₀, b₀, E₀), tried in the given order. */
    public OvertrainingFitter withStarts(double[][] starts) {
        if (starts.length == 0) {
            throw new IllegalArgumentException("need at least one start");
        }
        for (double[] start : starts) {
            if (start.length != 4) {
                throw new IllegalArgumentException("a start is (alpha, beta, b, E), got " + start.length + " values");
            }
        }
        return new OvertrainingFitter(starts, solver, maxEvaluations);
    }

    /** This fitter with another cap on model evaluations per LM run. */
    public OvertrainingFitter withMaxEvaluations(int maxEvaluations) {
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be ≥ 1, got " + maxEvaluations);
        }
        return new OvertrainingFitter(starts, solver, maxEvaluations);
    }

    /** The LM starts (α₀, β₀, b₀, E₀) in order; a copy. */
    public double[][] starts() {
        return copy(starts);
    }

    public Solver solver() {
        return solver;
    }

    public int maxEvaluations() {
        return maxEvaluations;
    }

    /**
     * Fits the law to runs with parameters N_i, tokens per parameter M_i and losses L_i.
     *
     * @throws IllegalArgumentException if the arrays differ in length, hold fewer than 4 runs, or a value is not
     *                                  finite or (for N and M) not positive
     */
    public OvertrainingFit fit(double[] params, double[] tokensPerParam, double[] loss) {
        Model model = new Model(params, tokensPerParam, loss);
        SeparableLeastSquares.Result result = solver == Solver.LEVENBERG_MARQUARDT
                ? SeparableLeastSquares.levenbergMarquardt(model, starts, maxEvaluations)
                : SeparableLeastSquares.variableProjection(model, EXPONENT_LOWER, EXPONENT_UPPER, maxEvaluations);
        return new OvertrainingFit(OvertrainingLaw.of(result.parameters()), result.report());
    }

    private static double[][] copy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /** L_i ≈ α·φ_0 + β·φ_1 + E·1 with φ_0 = N^b, φ_1 = 6^(b/2)(MN)^b; θ = b at index 2 of (α, β, b, E). */
    private static final class Model implements SeparableModel {

        private final double[] logParams;
        private final double[] logTokensTerm;
        private final double[] loss;

        Model(double[] params, double[] tokensPerParam, double[] loss) {
            if (params.length != tokensPerParam.length || params.length != loss.length) {
                throw new IllegalArgumentException("need one N, M and loss per run, got " + params.length + ", "
                        + tokensPerParam.length + " and " + loss.length);
            }
            if (params.length < 4) {
                throw new IllegalArgumentException("the over-training law has 4 parameters and needs at least 4 "
                        + "runs, got " + params.length);
            }
            logParams = new double[params.length];
            logTokensTerm = new double[params.length];
            for (int i = 0; i < params.length; i++) {
                if (!(params[i] > 0) || !(tokensPerParam[i] > 0) || !Double.isFinite(params[i] * tokensPerParam[i])
                        || !Double.isFinite(loss[i])) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "run %d: N = %s, M = %s, loss = %s;"
                            + " need N, M positive and finite and a finite loss", i, params[i], tokensPerParam[i],
                            loss[i]));
                }
                logParams[i] = Math.log(params[i]);
                logTokensTerm[i] = OvertrainingLaw.HALF_LN_SIX + Math.log(tokensPerParam[i] * params[i]);
            }
            this.loss = loss.clone();
        }

        @Override
        public int points() {
            return loss.length;
        }

        @Override
        public int linearTerms() {
            return 3;
        }

        @Override
        public int nonlinearIndex() {
            return 2;
        }

        @Override
        public double observed(int i) {
            return loss[i];
        }

        @Override
        public void basis(int i, double theta, double[] phi, double[] dphi) {
            phi[0] = Math.exp(theta * logParams[i]);
            phi[1] = Math.exp(theta * logTokensTerm[i]);
            phi[2] = 1;
            dphi[0] = logParams[i] * phi[0];
            dphi[1] = logTokensTerm[i] * phi[1];
            dphi[2] = 0;
        }

        @Override
        public List<String> degeneracies(double[] p) {
            List<String> why = new ArrayList<>();
            if (!(p[2] < 0)) {
                why.add(String.format(Locale.ROOT, "exponent b = %.6g ≥ 0: the loss does not fall with N or D", p[2]));
            }
            if (!(p[0] > 0)) {
                why.add(String.format(Locale.ROOT, "alpha = %.6g ≤ 0: the N term does not fall with N", p[0]));
            }
            if (!(p[1] > 0)) {
                why.add(String.format(Locale.ROOT, "beta = %.6g ≤ 0: the tokens term does not fall with D", p[1]));
            }
            if (!(p[3] >= 0)) {
                why.add(String.format(Locale.ROOT, "E = %.6g < 0: a negative irreducible loss", p[3]));
            }
            return why;
        }
    }
}
