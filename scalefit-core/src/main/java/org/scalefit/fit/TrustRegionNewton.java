package org.scalefit.fit;

/**
 * A trust-region Newton method on the exact Hessian, in Levenberg–Marquardt form: each iteration solves
 * <pre>
 *   (∇²f(x) + λ·D) p = −∇f(x)
 * </pre>
 * for the step p, with D = diag(d_i), d_i the largest |∂²f/∂x_i²| seen so far in this run (the scaling of Moré,
 * "The Levenberg–Marquardt algorithm: implementation and theory", 1978; Nocedal &amp; Wright, <i>Numerical
 * Optimization</i>, 2nd ed., §4.3 and Theorem 4.1: for λ ≥ 0 with ∇²f + λD positive definite, p minimises the
 * quadratic model m(p) = f + ∇fᵀp + ½pᵀ∇²f p in the scaled ball of radius Δ = ‖D^{1/2}p‖).
 * λ plays the role of the trust radius and is updated from the ratio ρ = (f(x) − f(x + p)) / (m(0) − m(p)) of the
 * actual to the predicted reduction (N&amp;W eq. 4.4) with Nielsen's rule (H. B. Nielsen, "Damping parameter in
 * Marquardt's method", IMM-REP-1999-05, DTU 1999): if ρ &gt; {@value #ACCEPT}, the step is taken and λ ← λ·max(1/3, 1 − (2ρ − 1)³); otherwise λ ← λ·ν,
 * ν ← 2ν. A λ for which the Cholesky factorisation fails (∇²f indefinite) is raised the same way, without an
 * evaluation. Where ∇²f is positive definite and λ → 0 the steps are Newton's and convergence is quadratic; in flat
 * or indefinite regions the damping turns them towards scaled steepest descent.
 *
 * <p>Every trial step costs one evaluation of f, ∇f and ∇²f together, rejected ones included; accepted steps
 * strictly lower f. On the Approach-3 objective ({@link HuberLogLossObjective}, n = 5–9) with a small Huber δ most
 * residuals lie on the linear part of the loss, where the exact Hessian sees only the points with |r| ≤ δ and the
 * quadratic model holds only until the next residual crosses ±δ; there the method takes more evaluations per start
 * than {@link Lbfgs} (it also runs on from plateaus where L-BFGS's reduction test stops), which is why the multi-start
 * engine does not use it by default (counts in BENCHMARKS.md, "A second-order local method").
 *
 * <p>Stopping rules are those of {@link LbfgsSettings} (relative reduction of an accepted step, relative gradient,
 * iteration and evaluation limits), plus one for the case where no step is accepted: when the model's predicted
 * reduction of a rejected trial is itself within the reduction tolerance, the run has converged to that tolerance
 * ({@code CONVERGED_REDUCTION}); when λ overflows it has failed ({@code LINE_SEARCH_FAILED}, "no acceptable step").
 * The outcome is reported as an {@link LbfgsOutcome} so that both local methods feed the same search.
 *
 * <p>The n×n Cholesky factorisation is hand-written: Hipparchus's {@code CholeskyDecomposition} allocates matrices
 * per call and signals an indefinite matrix by an exception, both costly in a loop run ~10⁷ times, where this solver
 * allocates nothing after construction. One instance per thread.
 */
public final class TrustRegionNewton implements LocalMinimizer {

    /** Smallest ratio of actual to predicted reduction for which a step is accepted (N&amp;W's η). */
    static final double ACCEPT = 1e-4;
    /** Initial λ relative to the largest diagonal scale d_i (Madsen, Nielsen &amp; Tingleff's τ). */
    private static final double INITIAL_DAMPING = 1e-3;
    /** Diagonal scales are floored at this fraction of the largest, so that D stays positive definite. */
    private static final double SCALE_FLOOR = 1e-12;
    private static final double MAX_DAMPING = 1e300;

    private final int n;
    private final LbfgsSettings settings;
    private final double[] g;
    private final double[] h;
    private final double[] gTrial;
    private final double[] hTrial;
    private final double[] scale;
    private final double[] factor;
    private final double[] p;
    private final double[] xTrial;
    private int evaluations;

    /** A solver for problems of dimension {@code n}, stopping by {@code settings} (its memory is not used). */
    public TrustRegionNewton(int n, LbfgsSettings settings) {
        this.n = n;
        this.settings = settings;
        this.g = new double[n];
        this.h = new double[n * n];
        this.gTrial = new double[n];
        this.hTrial = new double[n * n];
        this.scale = new double[n];
        this.factor = new double[n * n];
        this.p = new double[n];
        this.xTrial = new double[n];
    }

    /**
     * Minimises f from {@code x}, which is overwritten with the final point, calling {@code monitor} after every
     * accepted step.
     *
     * @throws IllegalArgumentException if f does not compute its Hessian ({@link TwiceDifferentiableObjective}) or the
     *                                  dimensions differ
     */
    @Override
    public LbfgsOutcome minimize(DifferentiableObjective objective, double[] x, Lbfgs.IterationMonitor monitor) {
        if (!(objective instanceof TwiceDifferentiableObjective f)) {
            throw new IllegalArgumentException("the trust-region Newton method needs the Hessian of the objective");
        }
        if (f.dimension() != n || x.length != n) {
            throw new IllegalArgumentException("dimension mismatch: solver " + n + ", objective " + f.dimension()
                    + ", start " + x.length);
        }
        evaluations = 1;
        double fx = f.valueGradientHessian(x, g, h);
        if (!Double.isFinite(fx) || !allFinite(g) || !allFinite(h)) {
            return new LbfgsOutcome(LbfgsOutcome.Status.NOT_FINITE, fx, 0, evaluations);
        }
        if (infNorm(g) <= settings.gradientLimit(fx)) {
            return new LbfgsOutcome(LbfgsOutcome.Status.CONVERGED_GRADIENT, fx, 0, evaluations);
        }
        java.util.Arrays.fill(scale, 0.0);
        updateScale();
        double lambda = INITIAL_DAMPING * maxScale();
        double nu = 2;
        int iteration = 0;
        while (true) {
            if (iteration >= settings.maxIterations()) {
                return new LbfgsOutcome(LbfgsOutcome.Status.ITERATION_LIMIT, fx, iteration, evaluations);
            }
            if (evaluations >= settings.maxEvaluations()) {
                return new LbfgsOutcome(LbfgsOutcome.Status.EVALUATION_LIMIT, fx, iteration, evaluations);
            }
            // The smallest λ (by doubling) for which ∇²f + λD is positive definite.
            while (!solve(lambda)) {
                lambda = Math.max(lambda * nu, SCALE_FLOOR * maxScale());
                nu *= 2;
                if (!(lambda < MAX_DAMPING)) {
                    return new LbfgsOutcome(LbfgsOutcome.Status.LINE_SEARCH_FAILED, fx, iteration, evaluations);
                }
            }
            // m(0) − m(p) = −∇fᵀp − ½pᵀ∇²f p = ½(−∇fᵀp + λ·pᵀDp) for the solution of (∇²f + λD)p = −∇f.
            double gp = 0;
            double pdp = 0;
            for (int i = 0; i < n; i++) {
                gp += g[i] * p[i];
                pdp += scale[i] * p[i] * p[i];
                xTrial[i] = x[i] + p[i];
            }
            double predicted = 0.5 * (-gp + lambda * pdp);
            evaluations++;
            double fTrial = f.valueGradientHessian(xTrial, gTrial, hTrial);
            double ratio = (fx - fTrial) / predicted;
            boolean finite = Double.isFinite(fTrial) && allFinite(gTrial) && allFinite(hTrial);
            if (finite && fTrial < fx && ratio > ACCEPT) {
                double fOld = fx;
                System.arraycopy(xTrial, 0, x, 0, n);
                System.arraycopy(gTrial, 0, g, 0, n);
                System.arraycopy(hTrial, 0, h, 0, n * n);
                fx = fTrial;
                updateScale();
                double t = 2 * ratio - 1;
                lambda *= Math.max(1.0 / 3, 1 - t * t * t);
                nu = 2;
                iteration++;
                if (infNorm(g) <= settings.gradientLimit(fx)) {
                    return new LbfgsOutcome(LbfgsOutcome.Status.CONVERGED_GRADIENT, fx, iteration, evaluations);
                }
                if (fOld - fx <= settings.reductionLimit(fOld, fx)) {
                    return new LbfgsOutcome(LbfgsOutcome.Status.CONVERGED_REDUCTION, fx, iteration, evaluations);
                }
                if (monitor.shouldStop(iteration, x, fx)) {
                    return new LbfgsOutcome(LbfgsOutcome.Status.STOPPED_BY_CALLER, fx, iteration, evaluations);
                }
            } else {
                if (!(predicted > settings.reductionLimit(fx, fx))) {
                    return new LbfgsOutcome(LbfgsOutcome.Status.CONVERGED_REDUCTION, fx, iteration, evaluations);
                }
                lambda = Math.max(lambda * nu, SCALE_FLOOR * maxScale());
                nu *= 2;
                if (!(lambda < MAX_DAMPING)) {
                    return new LbfgsOutcome(LbfgsOutcome.Status.LINE_SEARCH_FAILED, fx, iteration, evaluations);
                }
            }
        }
    }

    /** d_i ← max(d_i, |∂²f/∂x_i²|). */
    private void updateScale() {
        for (int i = 0; i < n; i++) {
            scale[i] = Math.max(scale[i], Math.abs(h[i * n + i]));
        }
        double floor = SCALE_FLOOR * maxScale();
        if (!(floor > 0)) {
            floor = Double.MIN_NORMAL;
        }
        for (int i = 0; i < n; i++) {
            scale[i] = Math.max(scale[i], floor);
        }
    }

    private double maxScale() {
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, scale[i]);
        }
        return max;
    }

    /**
     * Solves (∇²f + λD) p = −∇f by Cholesky factorisation LLᵀ (lower triangle in {@code factor}); false if the matrix
     * is not (numerically) positive definite.
     */
    private boolean solve(double lambda) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0.5 * (h[i * n + j] + h[j * n + i]) + (i == j ? lambda * scale[i] : 0);
                for (int m = 0; m < j; m++) {
                    sum -= factor[i * n + m] * factor[j * n + m];
                }
                if (i == j) {
                    if (!(sum > 1e-14 * (Math.abs(h[i * n + i]) + lambda * scale[i]))) {
                        return false;
                    }
                    factor[i * n + i] = Math.sqrt(sum);
                } else {
                    factor[i * n + j] = sum / factor[j * n + j];
                }
            }
        }
        // L y = −g, then Lᵀ p = y.
        for (int i = 0; i < n; i++) {
            double sum = -g[i];
            for (int m = 0; m < i; m++) {
                sum -= factor[i * n + m] * p[m];
            }
            p[i] = sum / factor[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = p[i];
            for (int m = i + 1; m < n; m++) {
                sum -= factor[m * n + i] * p[m];
            }
            p[i] = sum / factor[i * n + i];
        }
        return allFinite(p);
    }

    private double infNorm(double[] v) {
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(v[i]));
        }
        return max;
    }

    private static boolean allFinite(double[] v) {
        for (double value : v) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }
}
