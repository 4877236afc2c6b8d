package org.scalefit.isoflop;

import java.util.Arrays;
import java.util.Optional;

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
 * {@code trf_no_bounds} step by step, with a one-sided Jacobi SVD of the m × 3 Jacobian for LAPACK's, so solutions agree with SciPy's to about
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
        Trf trf = new Trf(x, y);
        for (double alpha : ALPHAS) {
            for (double e : ES) {
                for (double a : AS) {
                    double[] p = trf.run(new double[] {a, e, alpha});
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
        return hi + Log1p.log1p(Math.exp(-Math.abs(u - e)));
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
        return new Trf(x, y).run(p0);
    }

    /**
     * One TRF run with its work arrays allocated once: residuals, the m × 3 Jacobian (column-major) and the thin SVD
     * J = U·diag(s)·Vᵀ computed by one-sided Jacobi rotations (Hestenes 1958; Demmel &amp; Veselić 1992), where
     * SciPy calls LAPACK's {@code gesdd}. For three columns the rotations orthogonalise the columns of J·V in a few
     * sweeps; s_k = ‖(J·V)_k‖, and only uᵀf = (J·V)ᵀf / s is needed, never U itself.
     */
    private static final class Trf {
        private final double[] x;
        private final double[] y;
        private final int m;
        private final double[] f;
        private final double[] fTrial;
        private final double[] shifted;
        /** Column c of the Jacobian at [c*m, (c+1)*m). */
        private final double[] jacobian;
        /** J·V during the rotations, column-major like {@link #jacobian}. */
        private final double[] work;
        private final double[] v = new double[9];
        private final double[] columnSquares = new double[3];
        private final int[] order = new int[3];
        private final double[] norms = new double[3];
        private final double[] vSorted = new double[9];
        private final double[] ufSorted = new double[3];
        private final double[] probe = new double[3];
        private final boolean[] squaresKnown = new boolean[3];
        private final double[] s = new double[3];
        private final double[] uf = new double[3];
        private final double[] suf = new double[3];
        private final double[] g = new double[3];
        private final double[] step = new double[3];
        private final double[] trial = new double[3];
        private final double[] phi = new double[2];

        Trf(double[] x, double[] y) {
            this.x = x;
            this.y = y;
            this.m = x.length;
            this.f = new double[m];
            this.fTrial = new double[m];
            this.shifted = new double[m];
            this.jacobian = new double[3 * m];
            this.work = new double[3 * m];
        }

        double[] run(double[] p0) {
            double[] p = p0.clone();
            residuals(p, f);
            int evaluations = 1;
            jacobian(p);
            double cost = 0.5 * dot(f, f);
            gradient();
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
                svd();
                double actualReduction = -1;
                double trialCost = 0;
                boolean converged = false;
                while (actualReduction <= 0 && evaluations < MAX_EVALUATIONS) {
                    alpha = trustRegionStep(delta, alpha);
                    double jStepSquared = 0;
                    for (int i = 0; i < m; i++) {
                        double js = jacobian[i] * step[0] + jacobian[m + i] * step[1]
                                + jacobian[2 * m + i] * step[2];
                        jStepSquared += js * js;
                    }
                    double predicted = -(0.5 * jStepSquared + (g[0] * step[0] + g[1] * step[1] + g[2] * step[2]));
                    trial[0] = p[0] + step[0];
                    trial[1] = p[1] + step[1];
                    trial[2] = p[2] + step[2];
                    residuals(trial, fTrial);
                    evaluations++;
                    double stepNorm = Math.sqrt(dot(step, step));
                    boolean finite = true;
                    for (int i = 0; i < m; i++) {
                        finite &= Double.isFinite(fTrial[i]);
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
                        converged = true;
                        break;
                    }
                }
                if (actualReduction > 0) {
                    System.arraycopy(trial, 0, p, 0, 3);
                    System.arraycopy(fTrial, 0, f, 0, m);
                    cost = trialCost;
                    jacobian(p);
                    gradient();
                }
                if (converged) {
                    return p;
                }
            }
        }

        /**
         * The thin SVD of the Jacobian: {@link #s} in descending order, {@link #v} (row-major, column k the right
         * singular vector of s_k) and {@link #uf} = Uᵀf, with u_kᵀf = 0 where s_k = 0 (that component never enters
         * a step, as it is multiplied by s_k or only used when J has full rank).
         */
        private void svd() {
            System.arraycopy(jacobian, 0, work, 0, 3 * m);
            Arrays.fill(squaresKnown, false);
            Arrays.fill(v, 0.0);
            v[0] = 1.0;
            v[4] = 1.0;
            v[8] = 1.0;
            for (int sweep = 0; sweep < 60; sweep++) {
                boolean rotated = false;
                for (int a = 0; a < 2; a++) {
                    for (int b = a + 1; b < 3; b++) {
                        rotated |= rotate(a, b);
                    }
                }
                if (!rotated) {
                    break;
                }
            }
            order[0] = 0;
            order[1] = 1;
            order[2] = 2;
            for (int k = 0; k < 3; k++) {
                double projection = 0;
                for (int i = 0; i < m; i++) {
                    projection += work[k * m + i] * f[i];
                }
                norms[k] = Math.sqrt(squares(k));
                uf[k] = norms[k] > 0 ? projection / norms[k] : 0.0;
            }
            for (int i = 1; i < 3; i++) {
                for (int j = i; j > 0 && norms[order[j]] > norms[order[j - 1]]; j--) {
                    int t = order[j];
                    order[j] = order[j - 1];
                    order[j - 1] = t;
                }
            }
            for (int k = 0; k < 3; k++) {
                int from = order[k];
                s[k] = norms[from];
                ufSorted[k] = uf[from];
                for (int r = 0; r < 3; r++) {
                    vSorted[3 * r + k] = v[3 * r + from];
                }
            }
            System.arraycopy(vSorted, 0, v, 0, 9);
            System.arraycopy(ufSorted, 0, uf, 0, 3);
        }

        /**
         * ‖column k of J·V‖², summed in row order and kept until the column is rotated (so that every use sees the
         * same value as a fresh sum would give).
         */
        private double squares(int k) {
            if (!squaresKnown[k]) {
                double sum = 0;
                int offset = k * m;
                for (int i = 0; i < m; i++) {
                    double w = work[offset + i];
                    sum += w * w;
                }
                columnSquares[k] = sum;
                squaresKnown[k] = true;
            }
            return columnSquares[k];
        }

        /** One Jacobi rotation of columns a and b of J·V making them orthogonal; false if they already are. */
        private boolean rotate(int a, int b) {
            double alpha = squares(a);
            double beta = squares(b);
            double gamma = 0;
            int oa = a * m;
            int ob = b * m;
            for (int i = 0; i < m; i++) {
                gamma += work[oa + i] * work[ob + i];
            }
            if (gamma == 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) {
                return false;
            }
            squaresKnown[a] = false;
            squaresKnown[b] = false;
            double zeta = (beta - alpha) / (2 * gamma);
            double t = Math.copySign(1.0, zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
            double c = 1 / Math.sqrt(1 + t * t);
            double sn = c * t;
            for (int i = 0; i < m; i++) {
                double wa = work[oa + i];
                double wb = work[ob + i];
                work[oa + i] = c * wa - sn * wb;
                work[ob + i] = sn * wa + c * wb;
            }
            for (int r = 0; r < 3; r++) {
                double va = v[3 * r + a];
                double vb = v[3 * r + b];
                v[3 * r + a] = c * va - sn * vb;
                v[3 * r + b] = sn * va + c * vb;
            }
            return true;
        }

        /**
         * {@code solve_lsq_trust_region} (trf, exact SVD-based): the step into {@link #step}; returns the new
         * Levenberg–Marquardt α.
         */
        private double trustRegionStep(double delta, double initialAlpha) {
            int n = 3;
            for (int k = 0; k < n; k++) {
                suf[k] = s[k] * uf[k];
            }
            boolean fullRank = m >= n && s[n - 1] > EPS * m * s[0];
            if (fullRank) {
                for (int r = 0; r < n; r++) {
                    double sum = 0;
                    for (int k = 0; k < n; k++) {
                        sum -= v[3 * r + k] * (uf[k] / s[k]);
                    }
                    step[r] = sum;
                }
                if (Math.sqrt(dot(step, step)) <= delta) {
                    return 0.0;
                }
            }
            double alphaUpper = Math.sqrt(dot(suf, suf)) / delta;
            double alphaLower = 0.0;
            if (fullRank) {
                phi(0.0, delta);
                alphaLower = -phi[0] / phi[1];
            }
            double alpha = !fullRank && initialAlpha == 0
                    ? Math.max(0.001 * alphaUpper, Math.sqrt(alphaLower * alphaUpper)) : initialAlpha;
            for (int it = 0; it < 10; it++) {
                if (alpha < alphaLower || alpha > alphaUpper) {
                    alpha = Math.max(0.001 * alphaUpper, Math.sqrt(alphaLower * alphaUpper));
                }
                phi(alpha, delta);
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
            for (int r = 0; r < n; r++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum -= v[3 * r + k] * (suf[k] / (s[k] * s[k] + alpha));
                }
                step[r] = sum;
            }
            double scale = delta / Math.sqrt(dot(step, step));
            for (int r = 0; r < n; r++) {
                step[r] *= scale;
            }
            return alpha;
        }

        /** φ(α) = ‖p(α)‖ − Δ and φ'(α) into {@link #phi}. */
        private void phi(double alpha, double delta) {
            double norm = 0;
            double derivative = 0;
            for (int k = 0; k < 3; k++) {
                double denominator = s[k] * s[k] + alpha;
                norm += (suf[k] / denominator) * (suf[k] / denominator);
                derivative += suf[k] * suf[k] / (denominator * denominator * denominator);
            }
            norm = Math.sqrt(norm);
            phi[0] = norm - delta;
            phi[1] = -derivative / norm;
        }

        private void residuals(double[] p, double[] into) {
            for (int i = 0; i < m; i++) {
                into[i] = model(x[i], p) - y[i];
            }
        }

        /** {@code approx_derivative(method="2-point")}: h_j = √ε·sign(p_j)·max(1, |p_j|), dx recomputed exactly. */
        private void jacobian(double[] p) {
            double[] probe = this.probe;
            for (int c = 0; c < 3; c++) {
                double sign = p[c] >= 0 ? 1.0 : -1.0;
                double h = SQRT_EPS * sign * Math.max(1.0, Math.abs(p[c]));
                System.arraycopy(p, 0, probe, 0, 3);
                probe[c] = p[c] + h;
                double dx = probe[c] - p[c];
                residuals(probe, shifted);
                for (int i = 0; i < m; i++) {
                    jacobian[c * m + i] = (shifted[i] - f[i]) / dx;
                }
            }
        }

        private void gradient() {
            for (int c = 0; c < 3; c++) {
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    sum += jacobian[c * m + i] * f[i];
                }
                g[c] = sum;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
