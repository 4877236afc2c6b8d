package org.scalefit.overtraining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;
import org.hipparchus.util.Pair;

/**
 * Ordinary least squares for a {@link SeparableModel}: multi-start Levenberg–Marquardt, or variable projection,
 * and the diagnostics of the optimum. Stateless; every call builds its own optimiser.
 */
final class SeparableLeastSquares {

    /** Relative cost and parameter tolerances of each LM run (MINPACK's scipy defaults are 1.49012e-8). */
    static final double LM_TOLERANCE = 1e-12;
    /** MINPACK's {@code factor}: the initial step bound, relative to the scaled start. */
    static final double LM_STEP_BOUND_FACTOR = 100;
    /** Converged starts whose parameters agree with the optimum to this relative distance count as at it. */
    static final double AGREEMENT = 1e-6;
    /** Another start this close in SSR (relative) but this far in parameters means the optimum is not unique. */
    static final double SAME_SSR = 1e-9;
    static final double DIFFERENT_PARAMETERS = 1e-3;
    /** A column-scaled Jacobian condition number above this is reported as a flat direction. */
    static final double FLAT_CONDITION = 1e8;
    /** Interior points of the variable-projection scan. */
    static final int SCAN_POINTS = 2000;

    private SeparableLeastSquares() {
    }

    /** An optimum and its report. */
    record Result(double[] parameters, FitReport report) {
    }

    /**
     * Runs LM from every start (law-order parameter vectors) and keeps the smallest SSR, the first in order on
     * exact ties.
     */
    static Result levenbergMarquardt(SeparableModel model, double[][] starts, int maxEvaluations) {
        long[] evaluations = {0};
        double[][] optima = new double[starts.length][];
        double[] ssr = new double[starts.length];
        int best = -1;
        for (int s = 0; s < starts.length; s++) {
            optima[s] = run(model, starts[s], maxEvaluations, evaluations);
            ssr[s] = optima[s] == null ? Double.NaN : sumOfSquares(model, optima[s]);
            if (optima[s] != null && !Double.isFinite(ssr[s])) {
                optima[s] = null;
            }
            if (optima[s] != null && (best < 0 || ssr[s] < ssr[best])) {
                best = s;
            }
        }
        if (best < 0) {
            return failed(model, Solver.LEVENBERG_MARQUARDT, starts.length, evaluations[0],
                    "none of the " + starts.length + " Levenberg–Marquardt starts converged (" + maxEvaluations
                            + " evaluations each)");
        }
        List<String> warnings = new ArrayList<>();
        int converged = 0;
        int atOptimum = 0;
        for (int s = 0; s < starts.length; s++) {
            if (optima[s] == null) {
                continue;
            }
            converged++;
            double distance = relativeDistance(optima[s], optima[best]);
            if (distance <= AGREEMENT) {
                atOptimum++;
            } else if (distance > DIFFERENT_PARAMETERS && ssr[s] <= ssr[best] * (1 + SAME_SSR)
                    && warnings.isEmpty()) {
                warnings.add(String.format(Locale.ROOT, "start %d reaches the same sum of squares (%.6g) at "
                        + "parameters %s, %.2g away: the optimum is not unique", s, ssr[s],
                        format(optima[s]), distance));
            }
        }
        return finish(model, Solver.LEVENBERG_MARQUARDT, optima[best], starts.length, converged, atOptimum, best,
                evaluations[0], warnings);
    }

    /**
     * Variable projection over θ in the open interval (lo, hi): a scan of {@link #SCAN_POINTS} interior points,
     * Brent's method between the neighbours of the best one, then one LM polish.
     */
    static Result variableProjection(SeparableModel model, double lo, double hi, int maxEvaluations) {
        long[] evaluations = {0};
        double step = (hi - lo) / (SCAN_POINTS + 1);
        int bestIndex = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 1; i <= SCAN_POINTS; i++) {
            double value = profile(model, lo + i * step, null);
            evaluations[0]++;
            if (value < bestValue) {
                bestValue = value;
                bestIndex = i;
            }
        }
        if (bestIndex < 0) {
            return failed(model, Solver.VARIABLE_PROJECTION, 1, evaluations[0],
                    "the profiled sum of squares is not finite anywhere on (" + lo + ", " + hi + ")");
        }
        List<String> warnings = new ArrayList<>();
        if (bestIndex == 1 || bestIndex == SCAN_POINTS) {
            warnings.add(String.format(Locale.ROOT, "the best exponent lies at the edge of the search interval "
                    + "(%g, %g): the minimum may lie outside it", lo, hi));
        }
        double left = lo + (bestIndex - 1) * step;
        double right = lo + (bestIndex + 1) * step;
        UnivariatePointValuePair brent = new BrentOptimizer(1e-12, 1e-15).optimize(new MaxEval(1000),
                new UnivariateObjectiveFunction(theta -> {
                    evaluations[0]++;
                    return profile(model, theta, null);
                }), GoalType.MINIMIZE, new SearchInterval(left, right, lo + bestIndex * step));
        double theta = brent.getValue() <= bestValue ? brent.getPoint() : lo + bestIndex * step;
        double[] coefficients = new double[model.linearTerms()];
        profile(model, theta, coefficients);
        double[] projected = model.parameters(theta, coefficients);
        double[] polished = run(model, projected, maxEvaluations, evaluations);
        double[] optimum = polished != null && sumOfSquares(model, polished) <= sumOfSquares(model, projected)
                ? polished : projected;
        if (!Double.isFinite(sumOfSquares(model, optimum))) {
            return failed(model, Solver.VARIABLE_PROJECTION, 1, evaluations[0],
                    "variable projection ended at a non-finite sum of squares");
        }
        return finish(model, Solver.VARIABLE_PROJECTION, optimum, 1, 1, 1, 0, evaluations[0], warnings);
    }

    /** One LM run from {@code start}; null if it did not converge or ended at a non-finite point. */
    private static double[] run(SeparableModel model, double[] start, int maxEvaluations, long[] evaluations) {
        double[] target = new double[model.points()];
        for (int i = 0; i < target.length; i++) {
            target[i] = model.observed(i);
        }
        MultivariateJacobianFunction function = point -> {
            evaluations[0]++;
            return valueAndJacobian(model, point.toArray());
        };
        return run(function, target, start, maxEvaluations, LM_TOLERANCE);
    }

    /**
     * One LM run (MINPACK's step bound, the given relative cost, parameter and orthogonality tolerance) of
     * ŷ(p) ≈ {@code target} from {@code start}, for any model given by its values and Jacobian; null if it did not
     * converge or ended at a non-finite point.
     */
    static double[] run(MultivariateJacobianFunction function, double[] target, double[] start, int maxEvaluations,
                        double tolerance) {
        LeastSquaresProblem problem = new LeastSquaresBuilder().model(function).target(target).start(start)
                .maxEvaluations(maxEvaluations).maxIterations(maxEvaluations).lazyEvaluation(false).build();
        LevenbergMarquardtOptimizer optimizer = new LevenbergMarquardtOptimizer()
                .withInitialStepBoundFactor(LM_STEP_BOUND_FACTOR).withCostRelativeTolerance(tolerance)
                .withParameterRelativeTolerance(tolerance).withOrthoTolerance(tolerance);
        try {
            LeastSquaresOptimizer.Optimum optimum = optimizer.optimize(problem);
            double[] point = optimum.getPoint().toArray();
            for (double p : point) {
                if (!Double.isFinite(p)) {
                    return null;
                }
            }
            return point;
        } catch (MathRuntimeException e) {
            return null;
        }
    }

    /** ŷ and the Jacobian ∂ŷ_i/∂p (law order) at {@code parameters}. */
    private static Pair<RealVector, org.hipparchus.linear.RealMatrix> valueAndJacobian(SeparableModel model,
                                                                                      double[] parameters) {
        int n = model.points();
        int q = model.linearTerms();
        int nonlinear = model.nonlinearIndex();
        double theta = model.theta(parameters);
        double[] c = model.coefficients(parameters);
        double[] phi = new double[q];
        double[] dphi = new double[q];
        double[] value = new double[n];
        double[][] jacobian = new double[n][q + 1];
        for (int i = 0; i < n; i++) {
            model.basis(i, theta, phi, dphi);
            double y = 0;
            double dTheta = 0;
            for (int j = 0, p = 0; j < q; j++, p++) {
                if (p == nonlinear) {
                    p++;
                }
                y += c[j] * phi[j];
                dTheta += c[j] * dphi[j];
                jacobian[i][p] = phi[j];
            }
            jacobian[i][nonlinear] = dTheta;
            value[i] = y;
        }
        return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
    }

    /** Σ (ŷ_i − y_i)² at {@code parameters}. */
    static double sumOfSquares(SeparableModel model, double[] parameters) {
        double theta = model.theta(parameters);
        double[] c = model.coefficients(parameters);
        double[] phi = new double[c.length];
        double[] dphi = new double[c.length];
        double sum = 0;
        for (int i = 0; i < model.points(); i++) {
            model.basis(i, theta, phi, dphi);
            double y = 0;
            for (int j = 0; j < c.length; j++) {
                y += c[j] * phi[j];
            }
            double r = y - model.observed(i);
            sum += r * r;
        }
        return sum;
    }

    /**
     * The smallest SSR over the linear coefficients at fixed θ (least squares on unit-norm columns by SVD, so
     * that collinear columns get the minimum-norm solution); fills {@code coefficients} if it is not null.
     */
    private static double profile(SeparableModel model, double theta, double[] coefficients) {
        int n = model.points();
        int q = model.linearTerms();
        double[][] design = new double[n][q];
        double[] phi = new double[q];
        double[] dphi = new double[q];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            model.basis(i, theta, phi, dphi);
            design[i] = phi.clone();
            y[i] = model.observed(i);
        }
        double[] scale = columnNorms(design);
        for (double s : scale) {
            if (!Double.isFinite(s)) {
                return Double.NaN;
            }
        }
        for (double[] row : design) {
            for (int j = 0; j < q; j++) {
                row[j] = scale[j] > 0 ? row[j] / scale[j] : 0;
            }
        }
        double[] solution = new SingularValueDecomposition(new Array2DRowRealMatrix(design, false)).getSolver()
                .solve(new ArrayRealVector(y, false)).toArray();
        for (int j = 0; j < q; j++) {
            solution[j] = scale[j] > 0 ? solution[j] / scale[j] : 0;
        }
        if (coefficients != null) {
            System.arraycopy(solution, 0, coefficients, 0, q);
        }
        return sumOfSquares(model, model.parameters(theta, solution));
    }

    /** The report of a fit that found a minimum: degeneracy checks and the Jacobian's conditioning. */
    private static Result finish(SeparableModel model, Solver solver, double[] optimum, int starts, int converged,
                                 int atOptimum, int best, long evaluations, List<String> warnings) {
        int n = model.points();
        int parameters = model.linearTerms() + 1;
        List<String> all = new ArrayList<>(model.degeneracies(optimum));
        int distinct = distinctPoints(model, optimum);
        if (constantObservations(model)) {
            all.add("constant data: the observed value is " + model.observed(0) + " at every point, so the law's "
                    + "constant term fits it alone and its other parameters are not determined");
        }
        if (n == parameters) {
            all.add(n + " points for " + parameters + " parameters: the law interpolates them, no residual degrees "
                    + "of freedom test it");
        } else if (distinct <= parameters) {
            all.add(distinct + " distinct points for " + parameters + " parameters (" + n + " points, some at the "
                    + "same inputs): the law interpolates them, only the repeated points' scatter is left over");
        }
        double condition = scaledCondition(model, optimum);
        if (!(condition <= FLAT_CONDITION)) {
            all.add(String.format(Locale.ROOT, "flat direction: the column-scaled Jacobian has condition number "
                    + "%.3g, so some parameters are not determined by the data", condition));
        }
        all.addAll(warnings);
        FitReport.Status status = all.isEmpty() ? FitReport.Status.CONVERGED : FitReport.Status.DEGENERATE;
        return new Result(optimum.clone(), new FitReport(solver, status, n, parameters, sumOfSquares(model, optimum),
                starts, converged, atOptimum, best, evaluations, condition, all));
    }

    /** How many points differ in their inputs: points at the same inputs have the same Jacobian row. */
    private static int distinctPoints(SeparableModel model, double[] parameters) {
        double[][] rows = valueAndJacobian(model, parameters).getSecond().getData();
        List<double[]> seen = new ArrayList<>();
        for (double[] row : rows) {
            if (seen.stream().noneMatch(other -> Arrays.equals(other, row))) {
                seen.add(row);
            }
        }
        return seen.size();
    }

    private static Result failed(SeparableModel model, Solver solver, int starts, long evaluations, String why) {
        double[] nan = new double[model.linearTerms() + 1];
        Arrays.fill(nan, Double.NaN);
        return new Result(nan, new FitReport(solver, FitReport.Status.FAILED, model.points(), nan.length,
                Double.NaN, starts, 0, 0, -1, evaluations, Double.NaN, List.of(why)));
    }

    /** Whether every observed value equals the first (R² is then undefined). */
    private static boolean constantObservations(SeparableModel model) {
        for (int i = 1; i < model.points(); i++) {
            if (model.observed(i) != model.observed(0)) {
                return false;
            }
        }
        return true;
    }

    /** s_max / s_min of the Jacobian with unit-norm columns; ∞ if a column is zero or not finite. */
    private static double scaledCondition(SeparableModel model, double[] parameters) {
        return scaledCondition(valueAndJacobian(model, parameters).getSecond().getData());
    }

    /** s_max / s_min of {@code jacobian} (modified in place) with unit-norm columns; ∞ if a column is zero. */
    static double scaledCondition(double[][] jacobian) {
        double[] norms = columnNorms(jacobian);
        for (double norm : norms) {
            if (!(norm > 0) || !Double.isFinite(norm)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (double[] row : jacobian) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= norms[j];
            }
        }
        double[] singular = new SingularValueDecomposition(new Array2DRowRealMatrix(jacobian, false))
                .getSingularValues();
        double smallest = singular[singular.length - 1];
        return smallest > 0 ? singular[0] / smallest : Double.POSITIVE_INFINITY;
    }

    private static double[] columnNorms(double[][] matrix) {
        double[] norms = new double[matrix[0].length];
        for (double[] row : matrix) {
            for (int j = 0; j < row.length; j++) {
                norms[j] = Math.hypot(norms[j], row[j]);
            }
        }
        return norms;
    }

    /** max_j |a_j − b_j| / max(|b_j|, 1e-300). */
    private static double relativeDistance(double[] a, double[] b) {
        double distance = 0;
        for (int j = 0; j < a.length; j++) {
            distance = Math.max(distance, Math.abs(a[j] - b[j]) / Math.max(Math.abs(b[j]), 1e-300));
        }
        return distance;
    }

    private static String format(double[] values) {
        StringBuilder text = new StringBuilder("(");
        for (int j = 0; j < values.length; j++) {
            text.append(j > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.6g", values[j]));
        }
        return text.append(')').toString();
    }
}
