package org.scalefit.overtraining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;
import org.scalefit.data.CentredMoments;

/**
 * Fits {@link SigmoidAccuracyLaw} acc(L) = a / (1 + e^(−k·(L − L₀))) + b by ordinary least squares on the
 * accuracies, Σ (âcc_i − acc_i)², unweighted — Gemstones' {@code bhagia_fit.py}: one
 * {@code curve_fit}, i.e. Levenberg–Marquardt, from p0 = (max acc − min acc, 1, median L, min acc)
 * ({@link #bhagiaStart}), at most 10 000 evaluations. Here the Jacobian is analytic; the relative tolerances are
 * MINPACK's as {@code curve_fit} sets them ({@value #CURVE_FIT_TOLERANCE}), not the 1e-12 of
 * {@link DownstreamFitter}: when the sum of squares has no minimum — on Gemstones' Dolma losses only the sigmoid's
 * tail is seen and the sum keeps falling as a → ∞, L₀ → −∞ towards the exponential law — tight tolerances would let
 * LM walk down that valley until its evaluations run out, whereas these stop it where {@code curve_fit} stops, and
 * the fit is reported as degenerate.
 *
 * <p>{@link Solver#VARIABLE_PROJECTION} needs no start: for fixed (k, L₀) the law is linear in (a, b), so the sum
 * of squares is profiled over (k, L₀) on a grid scaled to the data — |k|·ΔL log-spaced over [10⁻², 10³] with both
 * signs ({@value #STEEPNESS_POINTS} values each), L₀ over [min L − 10·ΔL, max L + 10·ΔL] ({@value #MIDPOINT_POINTS}
 * values), ΔL = max L − min L — with (a, b) by linear least squares, and the best grid point is polished by one LM
 * run. Its result is reported with a ≥ 0 ({@link SigmoidAccuracyLaw#withPositiveAmplitude()}).
 *
 * <p>Every fit reports its {@link FitStatistics} (curve_fit's RSS, R², s²·(JᵀJ)⁻¹ standard errors) and is
 * {@link FitReport.Status#DEGENERATE degenerate} when the accuracy does not fall as the loss rises (a·k ≥ 0), when
 * the midpoint L₀ lies outside the fitted losses (only a tail of the sigmoid is seen, where the law is an exponential
 * and a, L₀ are determined only through a·e^(−k·L₀)), when the column-scaled Jacobian's condition number exceeds
 * 1e8 (a flat direction), when there are only 4 points, or when the scan's best point is on the edge of its box.
 *
 * <p>Immutable; {@code with…} methods return modified copies.
 */
public final class SigmoidAccuracyFitter {

    /** MINPACK's default relative tolerances in scipy's {@code curve_fit} (ftol = xtol = 1.49012e-8). */
    public static final double CURVE_FIT_TOLERANCE = 1.49012e-8;

    /** Steepness values |k|·ΔL per sign in the variable-projection scan, log-spaced over [10⁻², 10³]. */
    static final int STEEPNESS_POINTS = 81;
    static final double STEEPNESS_LOW = 1e-2;
    static final double STEEPNESS_HIGH = 1e3;
    /** Midpoints in the scan: (L₀ − min L)/ΔL evenly over [−10, 11]. */
    static final int MIDPOINT_POINTS = 141;
    static final double MIDPOINT_LOW = -10;
    static final double MIDPOINT_HIGH = 11;

    private final Solver solver;
    private final int maxEvaluations;

    private SigmoidAccuracyFitter(Solver solver, int maxEvaluations) {
        this.solver = solver;
        this.maxEvaluations = maxEvaluations;
    }

    /** Gemstones' fit: Levenberg–Marquardt from {@link #bhagiaStart}, 10 000 evaluations. */
    public static SigmoidAccuracyFitter bhagia() {
        return new SigmoidAccuracyFitter(Solver.LEVENBERG_MARQUARDT, 10_000);
    }

    /** This fitter with another solver. */
    public SigmoidAccuracyFitter withSolver(Solver solver) {
        return new SigmoidAccuracyFitter(Objects.requireNonNull(solver, "solver"), maxEvaluations);
    }

    /** This fitter with another cap on model evaluations per LM run. */
    public SigmoidAccuracyFitter withMaxEvaluations(int maxEvaluations) {
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be ≥ 1, got " + maxEvaluations);
        }
        return new SigmoidAccuracyFitter(solver, maxEvaluations);
    }

    public Solver solver() {
        return solver;
    }

    /**
     * Gemstones' start p0 = (max acc − min acc, 1, median L, min acc), the median as numpy's (the mean of the two
     * middle values for an even count).
     */
    public static double[] bhagiaStart(double[] loss, double[] accuracy) {
        double[] sorted = loss.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double max = Arrays.stream(accuracy).max().orElse(Double.NaN);
        double min = Arrays.stream(accuracy).min().orElse(Double.NaN);
        return new double[] {max - min, 1, median, min};
    }

    /**
     * Fits the law to points with losses L_i and accuracies acc_i.
     *
     * @throws IllegalArgumentException if the arrays differ in length, hold fewer than 4 points, a value is not
     *                                  finite, or all losses are equal
     */
    public SigmoidAccuracyFit fit(double[] loss, double[] accuracy) {
        validate(loss, accuracy);
        long[] evaluations = {0};
        MultivariateJacobianFunction function = point -> {
            evaluations[0]++;
            SigmoidAccuracyLaw law = SigmoidAccuracyLaw.of(point.toArray());
            double[] value = new double[loss.length];
            double[][] jacobian = new double[loss.length][];
            for (int i = 0; i < loss.length; i++) {
                value[i] = law.accuracy(loss[i]);
                jacobian[i] = law.gradient(loss[i]);
            }
            return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
        };
        if (solver == Solver.LEVENBERG_MARQUARDT) {
            double[] optimum = SeparableLeastSquares.run(function, accuracy, bhagiaStart(loss, accuracy),
                    maxEvaluations, CURVE_FIT_TOLERANCE);
            if (optimum == null || !Double.isFinite(sumOfSquares(SigmoidAccuracyLaw.of(optimum), loss, accuracy))) {
                return failed(loss.length, evaluations[0], "Levenberg–Marquardt from p0 did not converge ("
                        + maxEvaluations + " evaluations)");
            }
            return finish(SigmoidAccuracyLaw.of(optimum), loss, accuracy, evaluations[0], List.of());
        }
        return variableProjection(function, loss, accuracy, evaluations);
    }

    private SigmoidAccuracyFit variableProjection(MultivariateJacobianFunction function, double[] loss,
                                                  double[] accuracy, long[] evaluations) {
        double low = Arrays.stream(loss).min().orElseThrow();
        double range = Arrays.stream(loss).max().orElseThrow() - low;
        double bestValue = Double.POSITIVE_INFINITY;
        double[] best = null;
        boolean onEdge = false;
        double[] linear = new double[2];
        for (int sign = -1; sign <= 1; sign += 2) {
            for (int s = 0; s < STEEPNESS_POINTS; s++) {
                double steepness = sign * STEEPNESS_LOW
                        * Math.pow(STEEPNESS_HIGH / STEEPNESS_LOW, s / (STEEPNESS_POINTS - 1.0)) / range;
                for (int m = 0; m < MIDPOINT_POINTS; m++) {
                    double midpoint = low + range * (MIDPOINT_LOW
                            + (MIDPOINT_HIGH - MIDPOINT_LOW) * m / (MIDPOINT_POINTS - 1.0));
                    double value = profile(loss, accuracy, steepness, midpoint, linear);
                    evaluations[0]++;
                    if (value < bestValue) {
                        bestValue = value;
                        best = new double[] {linear[0], steepness, midpoint, linear[1]};
                        onEdge = s == 0 || s == STEEPNESS_POINTS - 1 || m == 0 || m == MIDPOINT_POINTS - 1;
                    }
                }
            }
        }
        if (best == null) {
            return failed(loss.length, evaluations[0], "the profiled sum of squares is not finite anywhere on the "
                    + "scanned (k, L0) grid");
        }
        List<String> warnings = new ArrayList<>();
        if (onEdge) {
            warnings.add(String.format(Locale.ROOT, "the best (k, L0) of the scan lies on the edge of the searched "
                    + "box (|k|·ΔL in [%g, %g], L0 in [min L %+g·ΔL, max L %+g·ΔL]): the minimum may lie outside it",
                    STEEPNESS_LOW, STEEPNESS_HIGH, MIDPOINT_LOW, MIDPOINT_HIGH - 1));
        }
        double[] polished = SeparableLeastSquares.run(function, accuracy, best, maxEvaluations,
                SeparableLeastSquares.LM_TOLERANCE);
        double[] optimum = polished != null && sumOfSquares(SigmoidAccuracyLaw.of(polished), loss, accuracy)
                <= sumOfSquares(SigmoidAccuracyLaw.of(best), loss, accuracy) ? polished : best;
        return finish(SigmoidAccuracyLaw.of(optimum).withPositiveAmplitude(), loss, accuracy, evaluations[0],
                warnings);
    }

    /**
     * min over (a, b) of Σ (a·σ_i + b − y_i)² at fixed (k, L₀), in closed form on centred sums; fills
     * {@code linear} with (a, b). A constant σ (a vanishing column) gives a = 0.
     */
    private static double profile(double[] loss, double[] accuracy, double k, double midpoint, double[] linear) {
        int n = loss.length;
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = SigmoidAccuracyLaw.logistic(k * (loss[i] - midpoint));
        }
        CentredMoments moments = CentredMoments.of(sigma, accuracy);
        double sss = moments.sxx();
        double ssy = moments.sxy();
        double a = sss > 0 ? ssy / sss : 0;
        linear[0] = a;
        linear[1] = moments.meanY() - a * moments.meanX();
        return sss > 0 ? moments.syy() - ssy * ssy / sss : moments.syy();
    }

    /** The report and statistics of a fit that found a minimum. */
    private SigmoidAccuracyFit finish(SigmoidAccuracyLaw law, double[] loss, double[] accuracy,
                                             long evaluations, List<String> scanWarnings) {
        int n = loss.length;
        double[][] jacobian = new double[n][];
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            jacobian[i] = law.gradient(loss[i]);
            residuals[i] = law.accuracy(loss[i]) - accuracy[i];
        }
        FitStatistics statistics = FitStatistics.of(jacobian, residuals, accuracy);
        double[][] scaled = new double[n][];
        for (int i = 0; i < n; i++) {
            scaled[i] = jacobian[i].clone();
        }
        double condition = SeparableLeastSquares.scaledCondition(scaled);
        List<String> warnings = new ArrayList<>();
        if (!(law.a() * law.k() < 0)) {
            warnings.add(String.format(Locale.ROOT, "a·k = %.6g ≥ 0: the accuracy does not fall as the loss rises",
                    law.a() * law.k()));
        }
        double low = Arrays.stream(loss).min().orElseThrow();
        double high = Arrays.stream(loss).max().orElseThrow();
        if (!(law.midpoint() >= low && law.midpoint() <= high)) {
            warnings.add(String.format(Locale.ROOT, "the midpoint L0 = %.6g lies outside the fitted losses "
                    + "[%.6g, %.6g]: only a tail of the sigmoid is seen, where a and L0 are determined only through "
                    + "a·exp(−k·L0)", law.midpoint(), low, high));
        }
        if (n == 4) {
            warnings.add("4 points for 4 parameters: the law interpolates them, no residual degrees of freedom "
                    + "test it");
        }
        if (!(condition <= SeparableLeastSquares.FLAT_CONDITION)) {
            warnings.add(String.format(Locale.ROOT, "flat direction: the column-scaled Jacobian has condition "
                    + "number %.3g, so some parameters are not determined by the data", condition));
        }
        warnings.addAll(scanWarnings);
        FitReport.Status status = warnings.isEmpty() ? FitReport.Status.CONVERGED : FitReport.Status.DEGENERATE;
        return new SigmoidAccuracyFit(law, new FitReport(solver, status, n, 4, statistics.sumOfSquares(), 1, 1, 1, 0,
                evaluations, condition, warnings), statistics);
    }

    private SigmoidAccuracyFit failed(int points, long evaluations, String why) {
        double[] nan = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        return new SigmoidAccuracyFit(SigmoidAccuracyLaw.of(nan), new FitReport(solver, FitReport.Status.FAILED,
                points, 4, Double.NaN, 1, 0, 0, -1, evaluations, Double.NaN, List.of(why)),
                FitStatistics.undefined(points, 4));
    }

    private static double sumOfSquares(SigmoidAccuracyLaw law, double[] loss, double[] accuracy) {
        double sum = 0;
        for (int i = 0; i < loss.length; i++) {
            double r = law.accuracy(loss[i]) - accuracy[i];
            sum += r * r;
        }
        return sum;
    }

    private static void validate(double[] loss, double[] accuracy) {
        if (loss.length != accuracy.length) {
            throw new IllegalArgumentException("need one loss per accuracy, got " + loss.length + " and "
                    + accuracy.length);
        }
        if (loss.length < 4) {
            throw new IllegalArgumentException("the sigmoid law has 4 parameters and needs at least 4 points, got "
                    + loss.length);
        }
        for (int i = 0; i < loss.length; i++) {
            if (!Double.isFinite(loss[i]) || !Double.isFinite(accuracy[i])) {
                throw new IllegalArgumentException("point " + i + ": loss = " + loss[i] + ", accuracy = "
                        + accuracy[i] + "; need finite values");
            }
        }
        if (Arrays.stream(loss).min().orElseThrow() == Arrays.stream(loss).max().orElseThrow()) {
            throw new IllegalArgumentException("all " + loss.length + " losses equal " + loss[0]
                    + ": a sigmoid in the loss cannot be fitted");
        }
    }
}
