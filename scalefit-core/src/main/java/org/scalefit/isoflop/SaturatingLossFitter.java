package org.scalefit.isoflop;

import java.util.Optional;

/**
 * Fits {@link SaturatingLoss} as Porian et al. do ({@code analysis.py}, {@code fit_loss_with_saturation}): least
 * squares of r_i = logaddexp(a − α ln C_i, e) − ln L_i from every start of the grid
 * (α, e, a) ∈ {0, 0.1, 0.2, 0.3} × {−1, −0.5, 0, 0.5, 1} × {0, 5, …, 25} (α outermost, a innermost), then, among
 * the starts that converged, the solution with the smallest Huber objective Σ huber_δ(r_i), δ = 10⁻³,
 * huber_δ(r) = r²/2 for |r| ≤ δ and δ(|r| − δ/2) otherwise; the first wins ties.
 *
 * <p>The authors minimise with SciPy's {@code curve_fit} (trust-region reflective, finite-difference Jacobian,
 * ftol = xtol = 10⁻⁶, at most 100 evaluations). This class uses Levenberg–Marquardt with the analytic Jacobian
 * (∂/∂a = s, ∂/∂e = 1 − s, ∂/∂α = −s·ln C, s = σ(a − α ln C − e)) run to tight tolerances, so it lands on the
 * same minima more precisely: parameters agree with the published ones to about 10⁻⁶ relative where the problem is
 * well determined, and differ more where E runs to 0 (the loss is then nearly a pure power law and E is
 * undetermined). A start whose run has not converged after {@value #MAX_ITERATIONS} iterations is discarded.
 *
 * <p>The authors' "weighted" variant passes {@code sigma = 1/σ_L²} to {@code curve_fit}, which scales residuals by
 * σ_L² ≈ 10⁻⁷ so that TRF stops at its first gradient test and returns a grid start; it is not a fit and is not
 * offered here.
 */
public final class SaturatingLossFitter {

    /** Huber δ of the selection. */
    public static final double HUBER_DELTA = 1e-3;

    static final int MAX_ITERATIONS = 400;

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
        double centre = 0;
        for (int i = 0; i < n; i++) {
            x[i] = Math.log(flops[i]);
            y[i] = Math.log(losses[i]);
            centre += x[i] / n;
        }
        double[] centred = new double[n];
        for (int i = 0; i < n; i++) {
            centred[i] = x[i] - centre;
        }
        double[] best = null;
        double bestHuber = Double.POSITIVE_INFINITY;
        for (double alpha : ALPHAS) {
            for (double e : ES) {
                for (double a : AS) {
                    // a − α ln C = (a − α·centre) − α(ln C − centre): the same model, better conditioned
                    double[] p = minimise(centred, y, new double[] {a - alpha * centre, e, alpha});
                    if (p == null) {
                        continue;
                    }
                    p[0] += p[2] * centre;
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

    /** Levenberg–Marquardt from p0; null if it did not converge. */
    private static double[] minimise(double[] x, double[] y, double[] p0) {
        double[] p = p0.clone();
        double cost = cost(x, y, p);
        double lambda = 1e-3;
        double[][] jtj = new double[3][3];
        double[] g = new double[3];
        double[] trial = new double[3];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            for (double[] row : jtj) {
                java.util.Arrays.fill(row, 0);
            }
            java.util.Arrays.fill(g, 0);
            for (int i = 0; i < x.length; i++) {
                double u = p[0] - p[2] * x[i];
                double s = 1 / (1 + Math.exp(p[1] - u));
                double r = model(x[i], p) - y[i];
                double[] j = {s, 1 - s, -s * x[i]};
                for (int a = 0; a < 3; a++) {
                    g[a] += j[a] * r;
                    for (int b = 0; b < 3; b++) {
                        jtj[a][b] += j[a] * j[b];
                    }
                }
            }
            double gradient = Math.max(Math.abs(g[0]), Math.max(Math.abs(g[1]), Math.abs(g[2])));
            if (gradient <= 1e-15) {
                return p;
            }
            boolean accepted = false;
            while (lambda < 1e16) {
                double[][] m = new double[3][3];
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        m[a][b] = jtj[a][b];
                    }
                    m[a][a] += lambda * Math.max(jtj[a][a], 1e-12);
                }
                double[] step = solve(m, g);
                if (step == null) {
                    lambda *= 10;
                    continue;
                }
                for (int a = 0; a < 3; a++) {
                    trial[a] = p[a] - step[a];
                }
                double trialCost = cost(x, y, trial);
                if (trialCost < cost) {
                    double decrease = cost - trialCost;
                    double stepSize = Math.max(Math.abs(step[0]), Math.max(Math.abs(step[1]), Math.abs(step[2])));
                    double size = Math.max(Math.abs(p[0]), Math.max(Math.abs(p[1]), Math.abs(p[2])));
                    System.arraycopy(trial, 0, p, 0, 3);
                    cost = trialCost;
                    lambda = Math.max(lambda / 10, 1e-12);
                    accepted = true;
                    if (decrease <= 1e-14 * cost || stepSize <= 1e-12 * (size + 1e-12)) {
                        return p;
                    }
                    break;
                }
                lambda *= 10;
            }
            if (!accepted) {
                return p;
            }
        }
        return null;
    }

    private static double[] solve(double[][] m, double[] b) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        if (!(Math.abs(det) > 0) || !Double.isFinite(det)) {
            return null;
        }
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] k = {m[0].clone(), m[1].clone(), m[2].clone()};
            for (int r = 0; r < 3; r++) {
                k[r][c] = b[r];
            }
            out[c] = (k[0][0] * (k[1][1] * k[2][2] - k[1][2] * k[2][1])
                    - k[0][1] * (k[1][0] * k[2][2] - k[1][2] * k[2][0])
                    + k[0][2] * (k[1][0] * k[2][1] - k[1][1] * k[2][0])) / det;
        }
        return out;
    }
}
