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
 * −∇f once before giving up; a correction pair is kept only if sᵀy &gt; ε·yᵀy.
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
            double step = lineSearch(f, x, fx, slope, initialStep);
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
