package org.scalefit.isoflop;

import java.util.Arrays;

/**
 * Akima's piecewise-cubic interpolation with SciPy's end conditions ({@code scipy.interpolate.Akima1DInterpolator},
 * method "akima", no extrapolation), as Porian et al. interpolate IsoFLOP profiles ({@code analysis.py},
 * {@code interpolation}).
 *
 * <p>Nodes x_0 &lt; … &lt; x_{k−1}, k ≥ 3 (SciPy accepts k ≥ 2; IsoFLOP analyses need three). Interval slopes
 * s_j = (y_{j+1} − y_j)/h_j, h_j = x_{j+1} − x_j, are stored as m[2…k] and extended linearly by two on each side:
 * m[1] = 2m[2] − m[3], m[0] = 2m[1] − m[2], m[k+1] = 2m[k] − m[k−1], m[k+2] = 2m[k+1] − m[k]. The derivative at
 * node i is d_i = (f1·m[i+1] + f2·m[i+2])/(f1 + f2) with f1 = |m[i+3] − m[i+2]|, f2 = |m[i+1] − m[i]|, unless
 * f1 + f2 ≤ 10⁻⁹·max_i(f1 + f2), where d_i = (m[i] + m[i+3])/2. On [x_j, x_{j+1}] with u = z − x_j the cubic is
 * y_j + d_j·u + c1·u² + c0·u³, τ = (d_j + d_{j+1} − 2s_j)/h_j, c0 = τ/h_j, c1 = (s_j − d_j)/h_j − τ, evaluated as
 * SciPy's {@code PPoly} does (powers by repeated multiplication). A point z belongs to the interval with
 * x_j ≤ z &lt; x_{j+1}; z = x_{k−1} to the last one; outside [x_0, x_{k−1}] the value is NaN.
 *
 * <p>Not Hipparchus' {@code AkimaSplineInterpolator}: that one refuses fewer than five nodes, gives the first two and
 * last two nodes a three-point (parabola) derivative instead of the slope extrapolation above, and in the degenerate
 * case averages the adjacent slopes by distance. Interior intervals agree; the two end intervals on each side do
 * not, which moves optima near a grid end and with them the validity counts of a seed-noise bootstrap.
 *
 * <p>Immutable.
 */
public final class AkimaInterpolator {

    private final double[] x;
    private final double[] c0;
    private final double[] c1;
    private final double[] c2;
    private final double[] c3;

    private AkimaInterpolator(double[] x, double[] c0, double[] c1, double[] c2, double[] c3) {
        this.x = x;
        this.c0 = c0;
        this.c1 = c1;
        this.c2 = c2;
        this.c3 = c3;
    }

    /**
     * The interpolant through (x_i, y_i).
     *
     * @throws IllegalArgumentException for fewer than three nodes, lengths that differ, non-finite values or x not
     *                                  strictly increasing
     */
    public static AkimaInterpolator of(double[] x, double[] y) {
        int k = x.length;
        check(x, y);
        double[] c0 = new double[k - 1];
        double[] c1 = new double[k - 1];
        double[] c2 = new double[k - 1];
        double[] c3 = new double[k - 1];
        coefficients(x, y, new double[k + 3], new double[k], new double[k], new double[k], c0, c1, c2, c3);
        return new AkimaInterpolator(x.clone(), c0, c1, c2, c3);
    }

    /** The argument checks of {@link #of}. */
    private static void check(double[] x, double[] y) {
        int k = x.length;
        if (y.length != k) {
            throw new IllegalArgumentException(k + " x values but " + y.length + " y values");
        }
        if (k < 3) {
            throw new IllegalArgumentException("Akima interpolation needs at least 3 nodes, got " + k);
        }
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("node " + i + " = (" + x[i] + ", " + y[i] + ") is not finite");
            }
            if (i > 0 && !(x[i] > x[i - 1])) {
                throw new IllegalArgumentException("x must be strictly increasing; x[" + i + "] = " + x[i]
                        + " follows " + x[i - 1]);
            }
        }
    }

    /**
     * The piecewise cubic's coefficients into c0 … c3 (k − 1 each), with m (k + 3), f1, f2 and d (k each) as work
     * arrays: the one computation behind {@link #of} and {@link Workspace#fit}.
     */
    private static void coefficients(double[] x, double[] y, double[] m, double[] f1, double[] f2, double[] d,
                                     double[] c0, double[] c1, double[] c2, double[] c3) {
        int k = x.length;
        for (int j = 0; j < k - 1; j++) {
            m[j + 2] = (y[j + 1] - y[j]) / (x[j + 1] - x[j]);
        }
        m[1] = 2.0 * m[2] - m[3];
        m[0] = 2.0 * m[1] - m[2];
        m[k + 1] = 2.0 * m[k] - m[k - 1];
        m[k + 2] = 2.0 * m[k + 1] - m[k];
        double largest = 0;
        for (int i = 0; i < k; i++) {
            f1[i] = Math.abs(m[i + 3] - m[i + 2]);
            f2[i] = Math.abs(m[i + 1] - m[i]);
            largest = Math.max(largest, f1[i] + f2[i]);
        }
        for (int i = 0; i < k; i++) {
            double f12 = f1[i] + f2[i];
            d[i] = f12 > 1e-9 * largest ? (f1[i] * m[i + 1] + f2[i] * m[i + 2]) / f12 : (m[i] + m[i + 3]) / 2.0;
        }
        for (int j = 0; j < k - 1; j++) {
            double h = x[j + 1] - x[j];
            double s = m[j + 2];
            double t = (d[j] + d[j + 1] - 2.0 * s) / h;
            c0[j] = t / h;
            c1[j] = (s - d[j]) / h - t;
            c2[j] = d[j];
            c3[j] = y[j];
        }
    }

    /**
     * Interpolants through fixed nodes, one after the other, in work arrays allocated once (the seed-noise
     * bootstrap fits a thousand per axis): {@link #fit} then {@link #valuesAscending} give exactly what
     * {@code AkimaInterpolator.of(x, y).valuesAscending(z, out)} gives, by the same code. Not thread-safe.
     */
    static final class Workspace {
        private final double[] x;
        private final double[] m;
        private final double[] f1;
        private final double[] f2;
        private final double[] d;
        private final double[] c0;
        private final double[] c1;
        private final double[] c2;
        private final double[] c3;

        /** For nodes x (kept, not copied: the caller must not change them). */
        Workspace(double[] x) {
            int k = x.length;
            this.x = x;
            this.m = new double[k + 3];
            this.f1 = new double[k];
            this.f2 = new double[k];
            this.d = new double[k];
            int intervals = Math.max(k - 1, 0);
            this.c0 = new double[intervals];
            this.c1 = new double[intervals];
            this.c2 = new double[intervals];
            this.c3 = new double[intervals];
        }

        /**
         * The interpolant through (x_i, y_i) replaces the previous one.
         *
         * @throws IllegalArgumentException as {@link AkimaInterpolator#of} does
         */
        void fit(double[] y) {
            check(x, y);
            coefficients(x, y, m, f1, f2, d, c0, c1, c2, c3);
        }

        /** {@link AkimaInterpolator#valuesAscending} of the last fitted interpolant. */
        void valuesAscending(double[] z, double[] out) {
            AkimaInterpolator.valuesAscending(x, c0, c1, c2, c3, z, out);
        }
    }

    /** The interpolant at z; NaN outside [x_0, x_{k−1}] or for NaN z. */
    public double value(double z) {
        int k = x.length;
        if (!(z >= x[0] && z <= x[k - 1])) {
            return Double.NaN;
        }
        int j = Arrays.binarySearch(x, z);
        if (j < 0) {
            j = -j - 2;
        }
        if (j >= k - 1) {
            j = k - 2;
        }
        double u = z - x[j];
        double u2 = u * u;
        double u3 = u2 * u;
        return c3[j] + c2[j] * u + c1[j] * u2 + c0[j] * u3;
    }

    /** The interpolant at each of {@code z}. */
    public double[] values(double[] z) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = value(z[i]);
        }
        return out;
    }

    /**
     * The interpolant at each of {@code z}, which must be non-decreasing, written to {@code out}: the same values as
     * {@link #value(double)}, found by walking the intervals instead of searching.
     */
    void valuesAscending(double[] z, double[] out) {
        valuesAscending(x, c0, c1, c2, c3, z, out);
    }

    private static void valuesAscending(double[] x, double[] c0, double[] c1, double[] c2, double[] c3, double[] z,
                                        double[] out) {
        int k = x.length;
        int j = 0;
        for (int i = 0; i < z.length; i++) {
            double zi = z[i];
            if (!(zi >= x[0] && zi <= x[k - 1])) {
                out[i] = Double.NaN;
                continue;
            }
            while (j < k - 2 && zi >= x[j + 1]) {
                j++;
            }
            double u = zi - x[j];
            double u2 = u * u;
            double u3 = u2 * u;
            out[i] = c3[j] + c2[j] * u + c1[j] * u2 + c0[j] * u3;
        }
    }

    /** The nodes' abscissae. */
    public double[] nodes() {
        return x.clone();
    }
}
