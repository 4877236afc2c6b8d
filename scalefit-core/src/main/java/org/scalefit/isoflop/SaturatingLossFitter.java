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
 * <p>Each start runs SciPy's trust-region reflective method as {@code curve_fit(method="trf")} does (ftol = xtol =
 * 10⁻⁶, gtol = 10⁻⁸, at most 100 evaluations of the residuals; a start that reaches the limit is discarded, as
 * {@code curve_fit} raises for it). The port follows SciPy's {@code trf_no_bounds} step by step with two
 * substitutions: the Jacobian is analytic where {@code curve_fit} takes 2-point differences (three evaluations of
 * the law per iteration saved; the differences' error, about √ε relative, is what the two steps differ by), and the
 * thin SVD's s, V and Uᵀf come from a Jacobi eigen-decomposition of the 3 × 3 matrix JᵀJ, started from the previous
 * iteration's V, where SciPy calls LAPACK on J (see {@code Trf} for the accuracy argument). Solutions agree with SciPy's to the precision its tolerances allow (10⁻⁶ relative where the problem
 * is well determined; the 15 published fits to 9·10⁻⁶ relative or better, the finite-difference port reached 1.4·10⁻⁵). Where E runs towards 0 the
 * objective is flat and any two implementations stop at different points of the valley.
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

    /**
     * From this |ζ| on, a Jacobi rotation's √(1 + ζ²) and 1/√(1 + t²) round to |ζ| and 1 (1 + ζ² rounds to ζ² once
     * ζ² ≥ 2⁵⁴, and √(fl(ζ²)) = |ζ| in round-to-nearest), so they need not be computed.
     */
    private static final double LARGE_ZETA = 0x1p27;

    /**
     * The largest condition number of the column-scaled JᵀJ at which a TRF step's SVD is taken from JᵀJ: its
     * eigenvalues are then found to about m·u·κ ≤ 7·10⁻⁸ relative (m ≤ 6 here, u = 2⁻⁵³), of the order of SciPy's
     * 2-point Jacobian error.
     */
    static final double MAX_CONDITION = 1e8;

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
     * {@code trf_no_bounds}) with the analytic Jacobian of the residuals, unit
     * x_scale, linear loss, ftol = xtol = 10⁻⁶, gtol = 10⁻⁸, at most {@value #MAX_EVALUATIONS} evaluations of the
     * residuals; null when that budget runs out before a tolerance is met ({@code curve_fit} raises then).
     */
    static double[] trf(double[] x, double[] y, double[] p0) {
        return new Trf(x, y).run(p0);
    }

    /**
     * One TRF run with its work arrays allocated once. SciPy's step needs only the singular values s, the right
     * singular vectors V and Uᵀf of the m × 3 Jacobian J = U·diag(s)·Vᵀ, and these are the eigen-decomposition of
     * the 3 × 3 Gram matrix: JᵀJ = V·diag(s²)·Vᵀ and diag(s)·Uᵀf = VᵀJᵀf = Vᵀg. So each iteration forms
     * A = JᵀJ and g = Jᵀf in the pass that computes J, and diagonalises A by cyclic Jacobi rotations (Golub &amp;
     * Van Loan, Matrix Computations, §8.5), started from the previous iteration's V; where SciPy calls LAPACK's
     * {@code gesdd} on J, no pass over the m rows is needed beyond the one forming A.
     *
     * <p>Accuracy: each computed entry of A is off by at most about m·u·‖J_a‖·‖J_b‖ (u = 2⁻⁵³ the unit roundoff;
     * Cauchy–Schwarz), a perturbation that is small relative to the column scaling D = diag(‖J_a‖); Jacobi on a
     * positive definite matrix computes its eigenvalues to relative accuracy u·κ(D⁻¹AD⁻¹) (Demmel &amp; Veselić, SIAM
     * J. Matrix Anal. Appl. 13 (1992) 1204–1245), so s² is found to about m·u·κ(D⁻¹AD⁻¹) relative whatever the columns'
     * scales (the e column goes to 0 as E → 0). Where a cheap bound on κ(D⁻¹AD⁻¹) exceeds {@value #MAX_CONDITION} (a
     * relative error of 7·10⁻⁸ for m = 6, of the order of the error of SciPy's own 2-point Jacobian, √ε ≈ 1.5·10⁻⁸, and
     * far inside the tolerances of 10⁻⁶ at which a run stops) the iteration falls back to a one-sided Jacobi SVD of J
     * itself, accurate to about u·κ(J·D⁻¹): on the bundled fits about 97 % of the iterations have κ(J·D⁻¹) between 10²
     * and 10⁴, 3.5 % fall back, and the latter include the exactly rank-deficient first iterations of the α = 0 starts
     * (there a and e enter only through logaddexp(a, e)), where SciPy's rank test must see a singular value at the
     * rounding level, not √ε. The predicted reduction still uses ‖J·step‖² from J itself, as SciPy's {@code
     * evaluate_quadratic} does.
     */
    private static final class Trf {
        private final double[] x;
        private final double[] y;
        private final int m;
        private final double[] f;
        private final double[] fTrial;
        /** w_i = exp(−|u_i − e|) at the current point and at the trial point, for the Jacobian. */
        private final double[] w;
        private final double[] wTrial;
        /** Column c of the Jacobian at [c*m, (c+1)*m). */
        private final double[] jacobian;
        /** J·V during the one-sided rotations of {@link #columnSvd()}, column-major like {@link #jacobian}. */
        private final double[] work;
        private final double[] columnSquares = new double[3];
        /** (J·V)_aᵀ(J·V)_b for the pairs (0, 1), (0, 2), (1, 2), kept while neither column is rotated. */
        private final double[] columnProducts = new double[3];
        private final boolean[] productsKnown = new boolean[3];
        private final boolean[] squaresKnown = new boolean[3];
        private final double[] norms = new double[3];
        private final double[] ufSorted = new double[3];
        /** A = JᵀJ, upper triangle row by row: a00, a01, a02, a11, a12, a22. */
        private final double[] gram = new double[6];
        /** The symmetric 3 × 3 matrix VᵀAV being diagonalised (row-major). */
        private final double[] h = new double[9];
        /** V of the last decomposition (row-major); the next one starts its rotations from it once {@link #warm}. */
        private final double[] v = new double[9];
        private boolean warm;
        private final int[] order = new int[3];
        private final double[] vSorted = new double[9];
        private final double[] s = new double[3];
        private final double[] uf = new double[3];
        private final double[] suf = new double[3];
        private final double[] g = new double[3];
        private final double[] step = new double[3];
        private final double[] trial = new double[3];
        private final double[] phi = new double[2];
        /**
         * What {@link #trustRegionStep} computes from the decomposition alone, kept while it is unchanged (a rejected
         * trial step retries with a smaller radius on the same s, V, Uᵀf): whether J has full rank, the Gauss–Newton
         * step and its norm, ‖diag(s)·Uᵀf‖, and ‖p(0)‖ and φ'(0) of the secular equation (φ(0) = ‖p(0)‖ − Δ).
         */
        private boolean stepFresh;
        private boolean fullRank;
        private final double[] gaussNewton = new double[3];
        private double gaussNewtonNorm;
        private double sufNorm;
        private double phiNorm0;
        private double phiDerivative0;

        Trf(double[] x, double[] y) {
            this.x = x;
            this.y = y;
            this.m = x.length;
            this.f = new double[m];
            this.fTrial = new double[m];
            this.w = new double[m];
            this.wTrial = new double[m];
            this.jacobian = new double[3 * m];
            this.work = new double[3 * m];
        }

        double[] run(double[] p0) {
            double[] p = p0.clone();
            warm = false;
            double cost = 0.5 * residuals(p, f, w);
            int evaluations = 1;
            jacobian(p);
            double delta = norm(p);
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
                stepFresh = false;
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
                    double trialSquares = residuals(trial, fTrial, wTrial);
                    evaluations++;
                    double stepNorm = norm(step);
                    if (Double.isNaN(trialSquares) || trialSquares == Double.POSITIVE_INFINITY && !allFinite(fTrial)) {
                        delta = 0.25 * stepNorm;
                        continue;
                    }
                    trialCost = 0.5 * trialSquares;
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
                    boolean xtol = stepNorm < 1e-6 * (1e-6 + norm(p));
                    if (ftol || xtol) {
                        converged = true;
                        break;
                    }
                }
                if (actualReduction > 0) {
                    System.arraycopy(trial, 0, p, 0, 3);
                    System.arraycopy(fTrial, 0, f, 0, m);
                    System.arraycopy(wTrial, 0, w, 0, m);
                    cost = trialCost;
                    jacobian(p);
                }
                if (converged) {
                    return p;
                }
            }
        }

        /**
         * The thin SVD of the Jacobian from the eigen-decomposition of A = JᵀJ, or from {@link #columnSvd()} when A
         * is too ill-conditioned ({@link #wellConditioned}): {@link #s} in descending order,
         * {@link #v} (row-major, column k the right singular vector of s_k), {@link #suf} = diag(s)·Uᵀf = Vᵀg and
         * {@link #uf} = Uᵀf, with u_kᵀf = 0 where s_k = 0 (that component never enters a step, as it is multiplied
         * by s_k or only used when J has full rank).
         */
        private void svd() {
            double[] a = gram;
            if (!wellConditioned(a)) {
                columnSvd();
                return;
            }
            if (warm) {
                // H = Vᵀ·A·V, with A·V formed column by column
                double av00 = a[0] * v[0] + a[1] * v[3] + a[2] * v[6];
                double av10 = a[1] * v[0] + a[3] * v[3] + a[4] * v[6];
                double av20 = a[2] * v[0] + a[4] * v[3] + a[5] * v[6];
                double av01 = a[0] * v[1] + a[1] * v[4] + a[2] * v[7];
                double av11 = a[1] * v[1] + a[3] * v[4] + a[4] * v[7];
                double av21 = a[2] * v[1] + a[4] * v[4] + a[5] * v[7];
                double av02 = a[0] * v[2] + a[1] * v[5] + a[2] * v[8];
                double av12 = a[1] * v[2] + a[3] * v[5] + a[4] * v[8];
                double av22 = a[2] * v[2] + a[4] * v[5] + a[5] * v[8];
                h[0] = v[0] * av00 + v[3] * av10 + v[6] * av20;
                h[1] = v[0] * av01 + v[3] * av11 + v[6] * av21;
                h[2] = v[0] * av02 + v[3] * av12 + v[6] * av22;
                h[4] = v[1] * av01 + v[4] * av11 + v[7] * av21;
                h[5] = v[1] * av02 + v[4] * av12 + v[7] * av22;
                h[8] = v[2] * av02 + v[5] * av12 + v[8] * av22;
            } else {
                h[0] = a[0];
                h[1] = a[1];
                h[2] = a[2];
                h[4] = a[3];
                h[5] = a[4];
                h[8] = a[5];
                Arrays.fill(v, 0.0);
                v[0] = 1.0;
                v[4] = 1.0;
                v[8] = 1.0;
                warm = true;
            }
            h[3] = h[1];
            h[6] = h[2];
            h[7] = h[5];
            for (int sweep = 0; sweep < 60; sweep++) {
                boolean rotated = rotate(0, 1);
                rotated |= rotate(0, 2);
                rotated |= rotate(1, 2);
                if (!rotated) {
                    break;
                }
            }
            order[0] = 0;
            order[1] = 1;
            order[2] = 2;
            for (int i = 1; i < 3; i++) {
                for (int j = i; j > 0 && h[4 * order[j]] > h[4 * order[j - 1]]; j--) {
                    int t = order[j];
                    order[j] = order[j - 1];
                    order[j - 1] = t;
                }
            }
            for (int k = 0; k < 3; k++) {
                int from = order[k];
                for (int r = 0; r < 3; r++) {
                    vSorted[3 * r + k] = v[3 * r + from];
                }
            }
            System.arraycopy(vSorted, 0, v, 0, 9);
            for (int k = 0; k < 3; k++) {
                double sk = Math.sqrt(Math.max(h[4 * order[k]], 0.0));
                double projection = v[k] * g[0] + v[3 + k] * g[1] + v[6 + k] * g[2];
                s[k] = sk;
                suf[k] = sk > 0 ? projection : 0.0;
                uf[k] = sk > 0 ? projection / sk : 0.0;
            }
        }

        /**
         * Whether the Jacobi eigen-decomposition of A = JᵀJ gives s to about √ε: κ(D⁻¹AD⁻¹) ≤ {@value #MAX_CONDITION}
         * with D² = diag(A). With μ₁ ≥ μ₂ ≥ μ₃ the eigenvalues of the unit-diagonal S = D⁻¹AD⁻¹ (trace 3), its
         * determinant d = μ₁μ₂μ₃ and the sum of its principal 2 × 2 minors M = μ₁μ₂ + μ₁μ₃ + μ₂μ₃ ≤ 3μ₁μ₂ give
         * μ₃ ≥ d/M and κ(S) ≤ 3M/d, which must be at most the bound. d is formed from A's entries with an absolute
         * error of a few ε, so near the bound (d ≥ 10⁻⁸·M) it is accurate to about 10⁻⁷ relative. A zero column
         * (d = 0) or a non-finite entry also fails.
         */
        private static boolean wellConditioned(double[] a) {
            double a00 = a[0];
            double a01 = a[1];
            double a02 = a[2];
            double a11 = a[3];
            double a12 = a[4];
            double a22 = a[5];
            double product = a00 * a11 * a22;
            double determinant = (a00 * (a11 * a22 - a12 * a12) - a01 * (a01 * a22 - a12 * a02)
                    + a02 * (a01 * a12 - a11 * a02)) / product;
            double minors = (a00 * a11 - a01 * a01) / (a00 * a11) + (a00 * a22 - a02 * a02) / (a00 * a22)
                    + (a11 * a22 - a12 * a12) / (a11 * a22);
            return determinant > 3 * minors / MAX_CONDITION;
        }

        /**
         * One Jacobi rotation in the plane (a, b) of the symmetric {@link #h}, zeroing h_ab, accumulated into
         * {@link #v}; false if h_ab is already negligible (h_ab² ≤ ε²·|h_aa·h_bb|, the relative test of Demmel &amp;
         * Veselić). The rotation is Golub &amp; Van Loan's {@code sym.schur2}: τ = (h_bb − h_aa)/(2h_ab),
         * t = sign(τ)/(|τ| + √(1 + τ²)), c = 1/√(1 + t²), s = t·c.
         */
        private boolean rotate(int a, int b) {
            double haa = h[4 * a];
            double hbb = h[4 * b];
            double hab = h[3 * a + b];
            if (hab == 0 || hab * hab <= EPS * EPS * Math.abs(haa * hbb)) {
                return false;
            }
            int k = 3 - a - b;
            double zeta = (hbb - haa) / (2 * hab);
            double t;
            double c;
            double sn;
            if (Math.abs(zeta) >= LARGE_ZETA) {
                // what the general formulas round to here: 1 + ζ² rounds to ζ², whose square root is |ζ| exactly;
                // then t² < 2⁻⁵⁴, so 1 + t² rounds to 1 and c = 1
                t = Math.copySign(1.0, zeta) / (Math.abs(zeta) + Math.abs(zeta));
                c = 1.0;
                sn = t;
            } else {
                t = Math.copySign(1.0, zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                c = 1 / Math.sqrt(1 + t * t);
                sn = c * t;
            }
            h[4 * a] = haa - t * hab;
            h[4 * b] = hbb + t * hab;
            h[3 * a + b] = 0;
            h[3 * b + a] = 0;
            double hka = h[3 * k + a];
            double hkb = h[3 * k + b];
            double nka = c * hka - sn * hkb;
            double nkb = sn * hka + c * hkb;
            h[3 * k + a] = nka;
            h[3 * a + k] = nka;
            h[3 * k + b] = nkb;
            h[3 * b + k] = nkb;
            for (int r = 0; r < 3; r++) {
                double va = v[3 * r + a];
                double vb = v[3 * r + b];
                v[3 * r + a] = c * va - sn * vb;
                v[3 * r + b] = sn * va + c * vb;
            }
            return true;
        }

        /**
         * The thin SVD of the Jacobian itself, for the iterations where JᵀJ is too ill-conditioned (see
         * {@link #svd()}): one-sided Jacobi rotations (Hestenes 1958; Demmel &amp; Veselić 1992) orthogonalise the
         * columns of J·V, starting from the last V; s_k = ‖(J·V)_k‖ and Uᵀf = (J·V)ᵀf / s, U never formed; as
         * {@link #svd()}, {@link #s} descending, {@link #v}, {@link #uf} and {@link #suf} = s·Uᵀf.
         */
        private void columnSvd() {
            Arrays.fill(squaresKnown, false);
            Arrays.fill(productsKnown, false);
            if (warm) {
                for (int k = 0; k < 3; k++) {
                    double v0 = v[k];
                    double v1 = v[3 + k];
                    double v2 = v[6 + k];
                    for (int i = 0; i < m; i++) {
                        work[k * m + i] = jacobian[i] * v0 + jacobian[m + i] * v1 + jacobian[2 * m + i] * v2;
                    }
                }
            } else {
                System.arraycopy(jacobian, 0, work, 0, 3 * m);
                Arrays.fill(v, 0.0);
                v[0] = 1.0;
                v[4] = 1.0;
                v[8] = 1.0;
                warm = true;
            }
            for (int sweep = 0; sweep < 60; sweep++) {
                boolean rotated = false;
                for (int a = 0; a < 2; a++) {
                    for (int b = a + 1; b < 3; b++) {
                        rotated |= rotateColumns(a, b);
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
            for (int k = 0; k < 3; k++) {
                suf[k] = s[k] * uf[k];
            }
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

        /**
         * One Jacobi rotation of columns a and b of J·V making them orthogonal; false if they already are. The pass
         * that rotates the columns also sums their new squares and their products with the third column, in row
         * order as a fresh sum would, so the next rotations start from known values.
         */
        private boolean rotateColumns(int a, int b) {
            double alpha = squares(a);
            double beta = squares(b);
            double gamma = product(a, b);
            if (gamma == 0 || gamma * gamma <= EPS * EPS * alpha * beta) {
                return false;
            }
            int k = 3 - a - b;
            double zeta = (beta - alpha) / (2 * gamma);
            double t = Math.copySign(1.0, zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
            double c = 1 / Math.sqrt(1 + t * t);
            double sn = c * t;
            int oa = a * m;
            int ob = b * m;
            int ok = k * m;
            double squaresA = 0;
            double squaresB = 0;
            double productAk = 0;
            double productBk = 0;
            for (int i = 0; i < m; i++) {
                double wa = work[oa + i];
                double wb = work[ob + i];
                double wk = work[ok + i];
                double na = c * wa - sn * wb;
                double nb = sn * wa + c * wb;
                work[oa + i] = na;
                work[ob + i] = nb;
                squaresA += na * na;
                squaresB += nb * nb;
                productAk += na * wk;
                productBk += nb * wk;
            }
            columnSquares[a] = squaresA;
            columnSquares[b] = squaresB;
            squaresKnown[a] = true;
            squaresKnown[b] = true;
            productsKnown[pair(a, b)] = false;
            columnProducts[pair(a, k)] = productAk;
            productsKnown[pair(a, k)] = true;
            columnProducts[pair(b, k)] = productBk;
            productsKnown[pair(b, k)] = true;
            for (int r = 0; r < 3; r++) {
                double va = v[3 * r + a];
                double vb = v[3 * r + b];
                v[3 * r + a] = c * va - sn * vb;
                v[3 * r + b] = sn * va + c * vb;
            }
            return true;
        }

        /** (J·V)_aᵀ(J·V)_b, summed in row order and kept until column a or b is rotated. */
        private double product(int a, int b) {
            int pair = pair(a, b);
            if (!productsKnown[pair]) {
                double sum = 0;
                int oa = a * m;
                int ob = b * m;
                for (int i = 0; i < m; i++) {
                    sum += work[oa + i] * work[ob + i];
                }
                columnProducts[pair] = sum;
                productsKnown[pair] = true;
            }
            return columnProducts[pair];
        }

        /** 0, 1, 2 for the column pairs {0, 1}, {0, 2}, {1, 2}. */
        private static int pair(int a, int b) {
            return a + b - 1;
        }


        /**
         * {@code solve_lsq_trust_region} (trf, exact SVD-based): the step into {@link #step}; returns the new
         * Levenberg–Marquardt α.
         */
        private double trustRegionStep(double delta, double initialAlpha) {
            int n = 3;
            if (!stepFresh) {
                decompositionTerms();
            }
            if (fullRank) {
                if (gaussNewtonNorm <= delta) {
                    System.arraycopy(gaussNewton, 0, step, 0, 3);
                    return 0.0;
                }
            }
            double alphaUpper = sufNorm / delta;
            double alphaLower = 0.0;
            if (fullRank) {
                alphaLower = -(phiNorm0 - delta) / phiDerivative0;
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
            double q0 = suf[0] / (s[0] * s[0] + alpha);
            double q1 = suf[1] / (s[1] * s[1] + alpha);
            double q2 = suf[2] / (s[2] * s[2] + alpha);
            for (int r = 0; r < n; r++) {
                step[r] = 0.0 - v[3 * r] * q0 - v[3 * r + 1] * q1 - v[3 * r + 2] * q2;
            }
            double scale = delta / norm(step);
            for (int r = 0; r < n; r++) {
                step[r] *= scale;
            }
            return alpha;
        }

        /**
         * The terms of {@link #trustRegionStep} that depend on the decomposition only, computed by the same
         * operations as there (φ at α = 0 divides by s_k² + 0, which is s_k²), so that reusing them for a retried
         * step changes no bit.
         */
        private void decompositionTerms() {
            int n = 3;
            fullRank = m >= n && s[n - 1] > EPS * m * s[0];
            if (fullRank) {
                double q0 = uf[0] / s[0];
                double q1 = uf[1] / s[1];
                double q2 = uf[2] / s[2];
                for (int r = 0; r < n; r++) {
                    gaussNewton[r] = 0.0 - v[3 * r] * q0 - v[3 * r + 1] * q1 - v[3 * r + 2] * q2;
                }
                gaussNewtonNorm = norm(gaussNewton);
                phi(0.0, 0.0);
                phiNorm0 = phi[0];
                phiDerivative0 = phi[1];
            }
            sufNorm = norm(suf);
            stepFresh = true;
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

        /**
         * The residuals r_i = logaddexp(u_i, e) − y_i, u_i = a − α·x_i, at p into {@code into} and
         * w_i = exp(−|u_i − e|) into {@code weights}; returns Σ r_i², summed in row order.
         */
        private double residuals(double[] p, double[] into, double[] weights) {
            double squares = 0;
            double e = p[1];
            for (int i = 0; i < m; i++) {
                double u = p[0] - p[2] * x[i];
                double wi = Math.exp(-Math.abs(u - e));
                double r = Math.max(u, e) + Log1p.log1p(wi) - y[i];
                into[i] = r;
                weights[i] = wi;
                squares += r * r;
            }
            return squares;
        }

        private boolean allFinite(double[] values) {
            for (int i = 0; i < m; i++) {
                if (!Double.isFinite(values[i])) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The Jacobian of the residuals, analytic where SciPy differentiates by 2-point differences: with
         * σ_i = ∂ logaddexp(u_i, e)/∂u_i = 1/(1 + w_i) if u_i ≥ e and w_i/(1 + w_i) otherwise, the columns are
         * ∂r_i/∂a = σ_i, ∂r_i/∂e = 1 − σ_i, ∂r_i/∂α = −x_i·σ_i; the gradient g = Jᵀf into {@link #g} and the
         * Gram matrix JᵀJ into {@link #gram} in the same pass.
         * It needs no evaluation of the law beyond the one that gave f (w_i is kept from it), where the differences
         * take three; the steps differ from SciPy's by the differences' error (about √ε relative), well inside the
         * tolerances (10⁻⁶) at which either run stops.
         */
        private void jacobian(double[] p) {
            double e = p[1];
            double ga = 0;
            double ge = 0;
            double gAlpha = 0;
            double a00 = 0;
            double a01 = 0;
            double a02 = 0;
            double a11 = 0;
            double a12 = 0;
            double a22 = 0;
            for (int i = 0; i < m; i++) {
                double u = p[0] - p[2] * x[i];
                double wi = w[i];
                double near = 1 / (1 + wi);
                double far = wi / (1 + wi);
                double du = u >= e ? near : far;
                double de = u >= e ? far : near;
                double dAlpha = -x[i] * du;
                jacobian[i] = du;
                jacobian[m + i] = de;
                jacobian[2 * m + i] = dAlpha;
                ga += du * f[i];
                ge += de * f[i];
                gAlpha += dAlpha * f[i];
                a00 += du * du;
                a01 += du * de;
                a02 += du * dAlpha;
                a11 += de * de;
                a12 += de * dAlpha;
                a22 += dAlpha * dAlpha;
            }
            gram[0] = a00;
            gram[1] = a01;
            gram[2] = a02;
            gram[3] = a11;
            gram[4] = a12;
            gram[5] = a22;
            g[0] = ga;
            g[1] = ge;
            g[2] = gAlpha;
        }
    }

    /** The Euclidean norm of a 3-vector. */
    private static double norm(double[] a) {
        return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    }
}
