package org.scalefit.fit;

/**
 * Limited-memory BFGS (Nocedal 1980; Liu &amp; Nocedal 1989) with a strong-Wolfe line search (Nocedal &amp; Wright,
 * <i>Numerical Optimization</i>, 2nd ed., Algorithms 3.5–3.6, 7.4–7.5), for unconstrained problems.
 *
 * <p>Hand-written because neither Hipparchus nor any other maintained permissively licensed Java library offers
 * L-BFGS, and because the multi-start engine runs it millions of times: after construction it allocates nothing.
 * One instance per thread; it keeps its workspace between calls.
 *
 * <p>Step rules follow scipy's L-BFGS-B where they matter for results: the first trial step is 1/‖d‖₂ on the
 * first iteration and 1 afterwards; the line search asks for sufficient decrease with c₁ = 10⁻³ and curvature
 * with c₂ = 0.9 (scipy's {@code dcsrch} ftol and gtol); a failed line search resets the memory and retries along
 * −∇f once before giving up; a correction pair is kept only if sᵀy &gt; ε·yᵀy. The line search is Nocedal &amp;
 * Wright's by default, or Moré &amp; Thuente's as scipy runs it ({@link LbfgsSettings.LineSearch}).
 */
public final class Lbfgs implements LocalMinimizer {

    /** Sufficient-decrease constant c₁. */
    private static final double ARMIJO = 1e-3;
    /** Curvature constant c₂. */
    private static final double CURVATURE = 0.9;
    private static final double MAX_STEP = 1e10;

    /** Called after every accepted step; returning true stops the run with {@code STOPPED_BY_CALLER}. */
    @FunctionalInterface
    public interface IterationMonitor {
        boolean shouldStop(int iteration, double[] x, double value);
    }

    private static final IterationMonitor NEVER_STOP = (iteration, x, value) -> false;
    private static final double NaN_STEP = Double.NaN;

    private final int n;
    private final LbfgsSettings settings;
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alpha;
    private final double[] g;
    private final double[] d;
    private final double[] xTrial;
    private final double[] gTrial;
    private int evaluations;
    private double lastTrialValue;
    // Moré–Thuente bracket: best point (stx, fx, gx), other end (sty, fy, gy), whether a minimiser is bracketed
    private double stx;
    private double fx;
    private double gx;
    private double sty;
    private double fy;
    private double gy;
    private boolean bracketed;

    /** A solver for problems of dimension {@code n}. */
    public Lbfgs(int n, LbfgsSettings settings) {
        this.n = n;
        this.settings = settings;
        int m = settings.memory();
        this.s = new double[m][n];
        this.y = new double[m][n];
        this.rho = new double[m];
        this.alpha = new double[m];
        this.g = new double[n];
        this.d = new double[n];
        this.xTrial = new double[n];
        this.gTrial = new double[n];
    }

    /** The dimension this solver was built for. */
    public int dimension() {
        return n;
    }

    /** Minimises f from {@code x}, which is overwritten with the final point. */
    @Override
    public LbfgsOutcome minimize(DifferentiableObjective f, double[] x) {
        return minimize(f, x, NEVER_STOP);
    }

    /**
     * Minimises f from {@code x}, which is overwritten with the final point, calling {@code monitor} after every
     * accepted step.
     */
    @Override
    public LbfgsOutcome minimize(DifferentiableObjective f, double[] x, IterationMonitor monitor) {
        if (f.dimension() != n || x.length != n) {
            throw new IllegalArgumentException("dimension mismatch: solver " + n + ", objective " + f.dimension()
                    + ", start " + x.length);
        }
        evaluations = 0;
        double fx = evaluate(f, x, g);
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new LbfgsOutcome(LbfgsOutcome.Status.NOT_FINITE, fx, 0, evaluations);
        }
        if (infNorm(g) <= settings.gradientLimit(fx)) {
            return new LbfgsOutcome(LbfgsOutcome.Status.CONVERGED_GRADIENT, fx, 0, evaluations);
        }
        int stored = 0;
        int newest = -1;
        boolean restarted = false;
        int iteration = 0;
        while (true) {
            if (iteration >= settings.maxIterations()) {
                return new LbfgsOutcome(LbfgsOutcome.Status.ITERATION_LIMIT, fx, iteration, evaluations);
            }
            direction(stored, newest);
            double slope = dot(g, d);
            if (!(slope < 0)) {
                // not a descent direction (memory gone stale): fall back to steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = dot(g, d);
            }
            double initialStep = (iteration == 0 || stored == 0) ? Math.min(1.0 / norm2(d), MAX_STEP) : 1.0;
            double step = settings.lineSearch() == LbfgsSettings.LineSearch.MORE_THUENTE
                    ? moreThuente(f, x, fx, slope, initialStep)
                    : lineSearch(f, x, fx, slope, initialStep);
            if (Double.isNaN(step)) {
                if (evaluations >= settings.maxEvaluations()) {
                    return new LbfgsOutcome(LbfgsOutcome.Status.EVALUATION_LIMIT, fx, iteration, evaluations);
                }
                if (restarted || stored == 0) {
                    return new LbfgsOutcome(LbfgsOutcome.Status.LINE_SEARCH_FAILED, fx, iteration, evaluations);
                }
                restarted = true;
                stored = 0;
                continue;
            }
            restarted = false;
            double fNew = lastTrialValue;
            // correction pair s = x_new − x, y = g_new − g, written into the ring buffer slot after `newest`
            int slot = (newest + 1) % settings.memory();
            double sy = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                double si = xTrial[i] - x[i];
                double yi = gTrial[i] - g[i];
                s[slot][i] = si;
                y[slot][i] = yi;
                sy += si * yi;
                yy += yi * yi;
                x[i] = xTrial[i];
                g[i] = gTrial[i];
            }
            if (sy > Math.ulp(1.0) * yy) {
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, settings.memory());
            }
            double fOld = fx;
            fx = fNew;
            iteration++;
            if (infNorm(g) <= settings.gradientLimit(fx)) {
                return new LbfgsOutcome(LbfgsOutcome.Status.CONVERGED_GRADIENT, fx, iteration, evaluations);
            }
            if (fOld - fx <= settings.reductionLimit(fOld, fx)) {
                return new LbfgsOutcome(LbfgsOutcome.Status.CONVERGED_REDUCTION, fx, iteration, evaluations);
            }
            if (evaluations >= settings.maxEvaluations()) {
                return new LbfgsOutcome(LbfgsOutcome.Status.EVALUATION_LIMIT, fx, iteration, evaluations);
            }
            if (monitor.shouldStop(iteration, x, fx)) {
                return new LbfgsOutcome(LbfgsOutcome.Status.STOPPED_BY_CALLER, fx, iteration, evaluations);
            }
        }
    }

    /** d = −H∇f by the two-loop recursion over the {@code stored} newest pairs. */
    private void direction(int stored, int newest) {
        int m = settings.memory();
        for (int i = 0; i < n; i++) {
            d[i] = -g[i];
        }
        int slot = newest;
        for (int k = 0; k < stored; k++) {
            alpha[slot] = rho[slot] * dot(s[slot], d);
            axpy(-alpha[slot], y[slot], d);
            slot = (slot - 1 + m) % m;
        }
        if (stored > 0) {
            double gamma = 1.0 / (rho[newest] * dot(y[newest], y[newest]));
            for (int i = 0; i < n; i++) {
                d[i] *= gamma;
            }
        }
        slot = (newest - stored + 1 + m) % m;
        for (int k = 0; k < stored; k++) {
            double beta = rho[slot] * dot(y[slot], d);
            axpy(alpha[slot] - beta, s[slot], d);
            slot = (slot + 1) % m;
        }
    }

    /**
     * Strong-Wolfe line search along d from x. On success returns the step, with the accepted point in xTrial,
     * its gradient in gTrial and its value in lastTrialValue; on failure returns NaN.
     */
    private double lineSearch(DifferentiableObjective f, double[] x, double f0, double slope0, double initialStep) {
        int budget = Math.min(settings.maxLineSearchEvaluations(), settings.maxEvaluations() - evaluations);
        double previousStep = 0;
        double previousValue = f0;
        double previousSlope = slope0;
        double step = initialStep;
        for (int trial = 0; trial < budget; trial++) {
            double value = trialPoint(f, x, step);
            double slope = dot(gTrial, d);
            if (!Double.isFinite(value) || !Double.isFinite(slope)) {
                // overshot into a region where f is not finite: shrink towards the last good step
                step = previousStep + 0.1 * (step - previousStep);
                continue;
            }
            if (value > f0 + ARMIJO * step * slope0 || (trial > 0 && value >= previousValue)) {
                return zoom(f, x, f0, slope0, previousStep, previousValue, previousSlope, step, value, slope,
                        budget - trial - 1);
            }
            if (Math.abs(slope) <= -CURVATURE * slope0) {
                lastTrialValue = value;
                return step;
            }
            if (slope >= 0) {
                return zoom(f, x, f0, slope0, step, value, slope, previousStep, previousValue, previousSlope,
                        budget - trial - 1);
            }
            double next = cubicMinimizer(previousStep, previousValue, previousSlope, step, value, slope);
            double lower = step + 1.1 * (step - previousStep);
            double upper = step + 8.0 * (step - previousStep);
            if (!(next >= lower && next <= upper)) {
                next = Math.min(upper, Math.max(lower, Double.isFinite(next) ? next : upper));
            }
            previousStep = step;
            previousValue = value;
            previousSlope = slope;
            step = Math.min(next, MAX_STEP);
        }
        return NaN_STEP;
    }

    private double zoom(DifferentiableObjective f, double[] x, double f0, double slope0,
                        double low, double lowValue, double lowSlope,
                        double high, double highValue, double highSlope, int budget) {
        for (int trial = 0; trial < budget; trial++) {
            double width = high - low;
            double step = cubicMinimizer(low, lowValue, lowSlope, high, highValue, highSlope);
            double margin = 0.1 * Math.abs(width);
            double a = Math.min(low, high) + margin;
            double b = Math.max(low, high) - margin;
            if (!(step >= a && step <= b)) {
                step = 0.5 * (low + high);
            }
            double value = trialPoint(f, x, step);
            double slope = dot(gTrial, d);
            if (!Double.isFinite(value) || !Double.isFinite(slope)) {
                high = step;
                highValue = Double.POSITIVE_INFINITY;
                highSlope = Double.NaN;
                continue;
            }
            if (value > f0 + ARMIJO * step * slope0 || value >= lowValue) {
                high = step;
                highValue = value;
                highSlope = slope;
            } else {
                if (Math.abs(slope) <= -CURVATURE * slope0) {
                    lastTrialValue = value;
                    return step;
                }
                if (slope * (high - low) >= 0) {
                    high = low;
                    highValue = lowValue;
                    highSlope = lowSlope;
                }
                low = step;
                lowValue = value;
                lowSlope = slope;
            }
            if (Math.abs(high - low) <= Math.ulp(Math.max(Math.abs(low), Math.abs(high))) * 4) {
                break;
            }
        }
        // Out of budget or interval collapsed: accept the best point with sufficient decrease, if any.
        if (low > 0 && lowValue < f0) {
            double value = trialPoint(f, x, low);
            if (Double.isFinite(value)) {
                lastTrialValue = value;
                return low;
            }
        }
        return NaN_STEP;
    }

    /** Interval tolerance of {@link #moreThuente} (scipy's {@code xtol}). */
    private static final double INTERVAL_TOLERANCE = 0.1;

    /**
     * Moré–Thuente line search along d from x (MINPACK-2 {@code dcsrch}). On success returns the step, with the
     * accepted point in xTrial, its gradient in gTrial and its value in lastTrialValue; on failure returns NaN.
     */
    private double moreThuente(DifferentiableObjective f, double[] x, double f0, double slope0, double initialStep) {
        int budget = Math.min(settings.maxLineSearchEvaluations(), settings.maxEvaluations() - evaluations);
        double gtest = ARMIJO * slope0;
        double stepLimit = MAX_STEP;
        double width = stepLimit;
        double width1 = 2 * width;
        stx = 0;
        fx = f0;
        gx = slope0;
        sty = 0;
        fy = f0;
        gy = slope0;
        bracketed = false;
        boolean stageOne = true;
        double step = initialStep;
        double stmin = 0;
        double stmax = step + 4 * step;
        for (int trial = 0; trial < budget; trial++) {
            double value = trialPoint(f, x, step);
            double slope = dot(gTrial, d);
            if (!Double.isFinite(value) || !Double.isFinite(slope)) {
                // overshot into a region where f is not finite: stay below this step, shrink towards the best point
                stepLimit = Math.min(stepLimit, step);
                stmax = Math.min(stmax, stepLimit);
                step = stx + 0.1 * (step - stx);
                continue;
            }
            double ftest = f0 + step * gtest;
            if (stageOne && value <= ftest && slope >= 0) {
                stageOne = false;
            }
            if (value <= ftest && Math.abs(slope) <= -CURVATURE * slope0) {
                lastTrialValue = value;
                return step;
            }
            boolean stalled = (bracketed && (step <= stmin || step >= stmax))
                    || (bracketed && stmax - stmin <= INTERVAL_TOLERANCE * stmax)
                    || (step >= stepLimit && value <= ftest && slope <= gtest);
            if (stalled) {
                if (value <= ftest) {
                    lastTrialValue = value;
                    return step;
                }
                return bestOfBracket(f, x, f0);
            }
            if (stageOne && value <= fx && value > ftest) {
                // the auxiliary function ψ(α) = f(α) − f(0) − c₁·α·f'(0) while no point has ψ ≤ 0 and f' ≥ 0
                fx -= stx * gtest;
                fy -= sty * gtest;
                gx -= gtest;
                gy -= gtest;
                step = nextStep(step, value - step * gtest, slope - gtest, stmin, stmax);
                fx += stx * gtest;
                fy += sty * gtest;
                gx += gtest;
                gy += gtest;
            } else {
                step = nextStep(step, value, slope, stmin, stmax);
            }
            if (bracketed) {
                if (Math.abs(sty - stx) >= 0.66 * width1) {
                    step = stx + 0.5 * (sty - stx);
                }
                width1 = width;
                width = Math.abs(sty - stx);
                stmin = Math.min(stx, sty);
                stmax = Math.max(stx, sty);
            } else {
                stmin = step + 1.1 * (step - stx);
                stmax = Math.min(step + 4.0 * (step - stx), stepLimit);
            }
            step = Math.min(Math.max(step, 0), stepLimit);
            if ((bracketed && (step <= stmin || step >= stmax))
                    || (bracketed && stmax - stmin <= INTERVAL_TOLERANCE * stmax)) {
                step = stx;
            }
            if (step == 0) {
                return bestOfBracket(f, x, f0);
            }
        }
        return bestOfBracket(f, x, f0);
    }

    /** Out of budget or interval exhausted: the best point found with f below f(0), if any (re-evaluated). */
    private double bestOfBracket(DifferentiableObjective f, double[] x, double f0) {
        if (stx > 0 && fx < f0 && evaluations < settings.maxEvaluations()) {
            double value = trialPoint(f, x, stx);
            if (Double.isFinite(value)) {
                lastTrialValue = value;
                return stx;
            }
        }
        return NaN_STEP;
    }

    /**
     * One safeguarded step of Moré–Thuente (MINPACK-2 {@code dcstep}): updates the bracket (stx, fx, gx),
     * (sty, fy, gy) with the trial (stp, fp, dp) and returns the next trial step within [stpmin, stpmax].
     */
    private double nextStep(double stp, double fp, double dp, double stpmin, double stpmax) {
        double sgnd = dp * Math.signum(gx);
        double stpf;
        if (fp > fx) {
            double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
            double sc = Math.max(Math.abs(theta), Math.max(Math.abs(gx), Math.abs(dp)));
            double gamma = sc * Math.sqrt(Math.max(0, (theta / sc) * (theta / sc) - (gx / sc) * (dp / sc)));
            if (stp < stx) {
                gamma = -gamma;
            }
            double p = (gamma - gx) + theta;
            double q = ((gamma - gx) + gamma) + dp;
            double stpc = stx + (p / q) * (stp - stx);
            double stpq = stx + ((gx / ((fx - fp) / (stp - stx) + gx)) / 2) * (stp - stx);
            stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
            bracketed = true;
        } else if (sgnd < 0) {
            double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
            double sc = Math.max(Math.abs(theta), Math.max(Math.abs(gx), Math.abs(dp)));
            double gamma = sc * Math.sqrt(Math.max(0, (theta / sc) * (theta / sc) - (gx / sc) * (dp / sc)));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + gx;
            double stpc = stp + (p / q) * (stx - stp);
            double stpq = stp + (dp / (dp - gx)) * (stx - stp);
            stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
            bracketed = true;
        } else if (Math.abs(dp) < Math.abs(gx)) {
            double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
            double sc = Math.max(Math.abs(theta), Math.max(Math.abs(gx), Math.abs(dp)));
            double gamma = sc * Math.sqrt(Math.max(0, (theta / sc) * (theta / sc) - (gx / sc) * (dp / sc)));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = (gamma + (gx - dp)) + gamma;
            double r = p / q;
            double stpc;
            if (r < 0 && gamma != 0) {
                stpc = stp + r * (stx - stp);
            } else if (stp > stx) {
                stpc = stpmax;
            } else {
                stpc = stpmin;
            }
            double stpq = stp + (dp / (dp - gx)) * (stx - stp);
            if (bracketed) {
                stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
            } else {
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                stpf = Math.max(stpmin, Math.min(stpmax, stpf));
            }
        } else {
            if (bracketed) {
                double theta = 3 * (fp - fy) / (sty - stp) + gy + dp;
                double sc = Math.max(Math.abs(theta), Math.max(Math.abs(gy), Math.abs(dp)));
                double gamma = sc * Math.sqrt(Math.max(0, (theta / sc) * (theta / sc) - (gy / sc) * (dp / sc)));
                if (stp > sty) {
                    gamma = -gamma;
                }
                double p = (gamma - dp) + theta;
                double q = ((gamma - dp) + gamma) + gy;
                stpf = stp + (p / q) * (sty - stp);
            } else {
                stpf = stp > stx ? stpmax : stpmin;
            }
        }
        if (fp > fx) {
            sty = stp;
            fy = fp;
            gy = dp;
        } else {
            if (sgnd < 0) {
                sty = stx;
                fy = fx;
                gy = gx;
            }
            stx = stp;
            fx = fp;
            gx = dp;
        }
        return stpf;
    }

    /** The minimiser of the cubic through (a, fa, ga), (b, fb, gb); NaN if it has none. */
    private static double cubicMinimizer(double a, double fa, double ga, double b, double fb, double gb) {
        if (!Double.isFinite(fb) || !Double.isFinite(gb)) {
            return Double.NaN;
        }
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double radicand = d1 * d1 - ga * gb;
        if (!(radicand >= 0)) {
            return Double.NaN;
        }
        double d2 = Math.copySign(Math.sqrt(radicand), b - a);
        return b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
    }

    private double trialPoint(DifferentiableObjective f, double[] x, double step) {
        for (int i = 0; i < n; i++) {
            xTrial[i] = x[i] + step * d[i];
        }
        return evaluate(f, xTrial, gTrial);
    }

    private double evaluate(DifferentiableObjective f, double[] point, double[] gradient) {
        evaluations++;
        return f.valueAndGradient(point, gradient);
    }

    private double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private void axpy(double a, double[] xs, double[] ys) {
        for (int i = 0; i < n; i++) {
            ys[i] += a * xs[i];
        }
    }

    private double norm2(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private double infNorm(double[] v) {
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(v[i]));
        }
        return max;
    }

    private boolean allFinite(double[] v) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                return false;
            }
        }
        return true;
    }
}
