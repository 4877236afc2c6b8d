package org.scalefit.isoflop;

import java.util.Optional;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Fits {@link SaturatingLoss} as Porian et al. do ({@code analysis.py}, {@code fit_loss_with_saturation}): least
 * squares of r_i = logaddexp(a − α ln C_i, e) − ln L_i from every start of the grid
 * (α, e, a) ∈ {0, 0.1, 0.2, 0.3} × {−1, −0.5, 0, 0.5, 1} × {0, 5, …, 25} (α outermost, a innermost), then, among
 * the starts that converged, the solution with the smallest Huber objective Σ huber_δ(r_i), δ = 10⁻³,
 * huber_δ(r) = r²/2 for |r| ≤ δ and δ(|r| − δ/2) otherwise; the first wins ties.
 *
 * <p>Each start runs SciPy's trust-region reflective method as {@code curve_fit(method="trf")} does (2-point
 * finite-difference Jacobian, ftol = xtol = 10⁻⁶, gtol = 10⁻⁸, at most 100 evaluations of the residuals; a start
 * that reaches the limit is discarded, as {@code curve_fit} raises for it). The port follows SciPy's
 * {@code trf_no_bounds} step by step, with Hipparchus' SVD for LAPACK's, so solutions agree with SciPy's to about
 * the precision its tolerances allow (10⁻⁶ relative where the problem is well determined). Where E runs towards 0
 * the objective is flat and any two implementations stop at different points of the valley.
 *
 * <p>The authors' "weighted" variant passes {@code sigma = 1/σ_L²} to {@code curve_fit}, which scales residuals by
 * σ_L² ≈ 10⁻⁷ so that TRF stops at its first gradient test and returns a grid start; it is not a fit and is not
 * offered here.
 */
public final class SaturatingLossFitter {

    /** Huber δ of the selection. */
    public static final double HUBER_DELTA = 1e-3;

    static final int MAX_EVALUATIONS = 100;

    private static final double EPS = Math.ulp(1.0);
    private static final double SQRT_EPS = Math.sqrt(EPS);

    private static final double[] ALPHAS = {0.0, 0.1, 0.2, 0.30000000000000004};
    private static final double[] ES = {-1, -0.5, 0, 0.5, 1};
    private static final double[] AS = {0, 5, 10, 15, 20, 25};

    private SaturatingLossFitter() {
    }

    /**
     * The best fit over the start grid, or empty if no start converged.
     *
     * @throws IllegalArgumentException for fewer than one point or lengths that differ
     */
    public static Optional<SaturatingLoss> fit(double[] flops, double[] losses) {
        int n = flops.length;
        if (losses.length != n || n < 1) {
            throw new IllegalArgumentException("saturating fit: need as many losses as budgets, at least one");
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.log(flops[i]);
            y[i] = Math.log(losses[i]);
        }
        double[] best = null;
        double bestHuber = Double.POSITIVE_INFINITY;
        for (double alpha : ALPHAS) {
            for (double e : ES) {
                for (double a : AS) {
                    double[] p = trf(x, y, new double[] {a, e, alpha});
                    if (p == null) {
                        continue;
                    }
                    double h = huber(x, y, p);
                    if (h < bestHuber) {
                        bestHuber = h;
                        best = p;
                    }
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new SaturatingLoss(Math.exp(best[0]), Math.exp(best[1]), best[2], bestHuber));
    }

    /** The selection objective Σ huber_δ(ln L_i − ln L̂(C_i)) of the law E + A·C^(−α) on these points. */
    public static double huberOf(double[] flops, double[] losses, double a, double e, double alpha) {
        double[] x = new double[flops.length];
        double[] y = new double[flops.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.log(flops[i]);
            y[i] = Math.log(losses[i]);
        }
        return huber(x, y, new double[] {Math.log(a), Math.log(e), alpha});
    }

    /** The least-squares objective Σ (ln L̂(C_i) − ln L_i)² of the law E + A·C^(−α) on these points. */
    public static double sumOfSquaresOf(double[] flops, double[] losses, double a, double e, double alpha) {
        double[] x = new double[flops.length];
        double[] y = new double[flops.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.log(flops[i]);
            y[i] = Math.log(losses[i]);
        }
        return cost(x, y, new double[] {Math.log(a), Math.log(e), alpha});
    }

    /** Σ huber_δ(ln L_i − ln L̂_i). */
    static double huber(double[] x, double[] y, double[] p) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double r = Math.abs(y[i] - model(x[i], p));
            sum += r <= HUBER_DELTA ? 0.5 * r * r : HUBER_DELTA * (r - 0.5 * HUBER_DELTA);
        }
        return sum;
    }

    private static double model(double x, double[] p) {
        double u = p[0] - p[2] * x;
        double e = p[1];
        double hi = Math.max(u, e);
        return hi + Math.log1p(Math.exp(-Math.abs(u - e)));
    }

    private static double cost(double[] x, double[] y, double[] p) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double r = model(x[i], p) - y[i];
            sum += r * r;
        }
        return sum;
    }

    /**
     * SciPy's {@code least_squares(method="trf")} without bounds ({@code scipy/optimize/_lsq/trf.py},
     * {@code trf_no_bounds}) with a 2-point finite-difference Jacobian ({@code _numdiff.approx_derivative}), unit
     * x_scale, linear loss, ftol = xtol = 10⁻⁶, gtol = 10⁻⁸, at most {@value #MAX_EVALUATIONS} evaluations of the
     * residuals; null when that budget runs out before a tolerance is met ({@code curve_fit} raises then).
     */
    static double[] trf(double[] x, double[] y, double[] p0) {
        int m = x.length;
        double[] p = p0.clone();
        double[] f = residuals(x, y, p);
        int evaluations = 1;
        double[][] jacobian = jacobian(x, y, p, f);
        double cost = 0.5 * dot(f, f);
        double[] g = gradient(jacobian, f);
        double delta = Math.sqrt(dot(p, p));
        if (delta == 0) {
            delta = 1.0;
        }
        double alpha = 0.0;
        while (true) {
            double gNorm = Math.max(Math.abs(g[0]), Math.max(Math.abs(g[1]), Math.abs(g[2])));
            if (gNorm < 1e-8) {
                return p;
            }
            if (evaluations == MAX_EVALUATIONS) {
                return null;
            }
            SingularValueDecomposition svd = new SingularValueDecomposition(MatrixUtils.createRealMatrix(jacobian));
            double[] s = svd.getSingularValues();
            RealMatrix u = svd.getU();
            RealMatrix v = svd.getV();
            int rank = s.length;
            double[] uf = new double[rank];
            for (int k = 0; k < rank; k++) {
                for (int i = 0; i < m; i++) {
                    uf[k] += u.getEntry(i, k) * f[i];
                }
            }
            double actualReduction = -1;
            double[] trial = null;
            double[] fTrial = null;
            double trialCost = 0;
            Integer status = null;
            while (actualReduction <= 0 && evaluations < MAX_EVALUATIONS) {
                double[] solved = trustRegionStep(m, uf, s, v, delta, alpha);
                double[] step = {solved[0], solved[1], solved[2]};
                alpha = solved[3];
                double[] jStep = new double[m];
                for (int i = 0; i < m; i++) {
                    jStep[i] = jacobian[i][0] * step[0] + jacobian[i][1] * step[1] + jacobian[i][2] * step[2];
                }
                double predicted = -(0.5 * dot(jStep, jStep) + dot(g, step));
                trial = new double[] {p[0] + step[0], p[1] + step[1], p[2] + step[2]};
                fTrial = residuals(x, y, trial);
                evaluations++;
                double stepNorm = Math.sqrt(dot(step, step));
                boolean finite = true;
                for (double r : fTrial) {
                    finite &= Double.isFinite(r);
                }
                if (!finite) {
                    delta = 0.25 * stepNorm;
                    continue;
                }
                trialCost = 0.5 * dot(fTrial, fTrial);
                actualReduction = cost - trialCost;
                double ratio;
                if (predicted > 0) {
                    ratio = actualReduction / predicted;
                } else if (predicted == actualReduction && predicted == 0) {
                    ratio = 1;
                } else {
                    ratio = 0;
                }
                if (ratio < 0.25) {
                    delta = 0.25 * stepNorm;
                } else if (ratio > 0.75 && stepNorm > 0.95 * delta) {
                    delta *= 2.0;
                }
                boolean ftol = actualReduction < 1e-6 * cost && ratio > 0.25;
                boolean xtol = stepNorm < 1e-6 * (1e-6 + Math.sqrt(dot(p, p)));
                if (ftol || xtol) {
                    status = 1;
                    break;
                }
            }
            if (actualReduction > 0) {
                p = trial;
                f = fTrial;
                cost = trialCost;
                jacobian = jacobian(x, y, p, f);
                g = gradient(jacobian, f);
            }
            if (status != null) {
                return p;
            }
        }
    }

    /** {@code solve_lsq_trust_region} (trf, exact SVD-based): the step and the new Levenberg–Marquardt α. */
    private static double[] trustRegionStep(int m, double[] uf, double[] s, RealMatrix v, double delta,
                                            double initialAlpha) {
        int n = 3;
        double[] suf = new double[n];
        for (int k = 0; k < n; k++) {
            suf[k] = s[k] * uf[k];
        }
        boolean fullRank = m >= n && s[n - 1] > EPS * m * s[0];
        if (fullRank) {
            double[] p = new double[n];
            for (int r = 0; r < n; r++) {
                for (int k = 0; k < n; k++) {
                    p[r] -= v.getEntry(r, k) * (uf[k] / s[k]);
                }
            }
            if (Math.sqrt(dot(p, p)) <= delta) {
                return new double[] {p[0], p[1], p[2], 0.0};
            }
        }
        double alphaUpper = Math.sqrt(dot(suf, suf)) / delta;
        double alphaLower = 0.0;
        if (fullRank) {
            double[] phi = phi(0.0, suf, s, delta);
            alphaLower = -phi[0] / phi[1];
        }
        double alpha = !fullRank && initialAlpha == 0
                ? Math.max(0.001 * alphaUpper, Math.sqrt(alphaLower * alphaUpper)) : initialAlpha;
        for (int it = 0; it < 10; it++) {
            if (alpha < alphaLower || alpha > alphaUpper) {
                alpha = Math.max(0.001 * alphaUpper, Math.sqrt(alphaLower * alphaUpper));
            }
            double[] phi = phi(alpha, suf, s, delta);
            if (phi[0] < 0) {
                alphaUpper = alpha;
            }
            double ratio = phi[0] / phi[1];
            alphaLower = Math.max(alphaLower, alpha - ratio);
            alpha -= (phi[0] + delta) * ratio / delta;
            if (Math.abs(phi[0]) < 0.01 * delta) {
                break;
            }
        }
        double[] p = new double[n];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < n; k++) {
                p[r] -= v.getEntry(r, k) * (suf[k] / (s[k] * s[k] + alpha));
            }
        }
        double scale = delta / Math.sqrt(dot(p, p));
        return new double[] {p[0] * scale, p[1] * scale, p[2] * scale, alpha};
    }

    private static double[] phi(double alpha, double[] suf, double[] s, double delta) {
        double norm = 0;
        double derivative = 0;
        for (int k = 0; k < suf.length; k++) {
            double denominator = s[k] * s[k] + alpha;
            norm += (suf[k] / denominator) * (suf[k] / denominator);
            derivative += suf[k] * suf[k] / (denominator * denominator * denominator);
        }
        norm = Math.sqrt(norm);
        return new double[] {norm - delta, -derivative / norm};
    }

    private static double[] residuals(double[] x, double[] y, double[] p) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = model(x[i], p) - y[i];
        }
        return r;
    }

    /** {@code approx_derivative(method="2-point")}: h_j = √ε·sign(p_j)·max(1, |p_j|), dx recomputed exactly. */
    private static double[][] jacobian(double[] x, double[] y, double[] p, double[] f) {
        double[][] j = new double[x.length][3];
        for (int c = 0; c < 3; c++) {
            double sign = p[c] >= 0 ? 1.0 : -1.0;
            double h = SQRT_EPS * sign * Math.max(1.0, Math.abs(p[c]));
            double[] shifted = p.clone();
            shifted[c] = p[c] + h;
            double dx = shifted[c] - p[c];
            double[] fs = residuals(x, y, shifted);
            for (int i = 0; i < x.length; i++) {
                j[i][c] = (fs[i] - f[i]) / dx;
            }
        }
        return j;
    }

    private static double[] gradient(double[][] j, double[] f) {
        double[] g = new double[3];
        for (int i = 0; i < f.length; i++) {
            for (int c = 0; c < 3; c++) {
                g[c] += j[i][c] * f[i];
            }
        }
        return g;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
