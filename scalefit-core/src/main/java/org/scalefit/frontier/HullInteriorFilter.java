package org.scalefit.frontier;

import java.util.Arrays;

/**
 * The Akl–Toussaint heuristic (Akl &amp; Toussaint 1978, "A fast convex hull algorithm", Inf. Process. Lett. 7(5)):
 * the points extreme in the eight directions ±x, ±y, ±(x + y), ±(x − y), together with an extra point, span a convex
 * polygon inside the convex hull of all points; a point strictly inside that polygon is not a hull vertex, so it can
 * be left out before the hull is built without changing the hull.
 *
 * <p>Why it exists: the convex-hull frontier of a table of millions of runs otherwise sorts and hashes every run,
 * which takes most of the time of {@code frontier} on a large table, although almost every run is interior. The rule
 * cannot change the answer: a point is dropped only when its distance inside every edge of the polygon exceeds
 * {@link #MARGIN} times the coordinates' scale — far above the 10⁻¹⁰ tolerance with which Hipparchus'
 * {@code MonotoneChain} decides whether a point is off a line — so no rounding in the hull generator can make it a
 * vertex; points on or near the polygon's boundary, and duplicates of kept points, stay.
 */
final class HullInteriorFilter {

    /** Relative distance inside every edge a point needs to be dropped. */
    static final double MARGIN = 1e-7;

    private HullInteriorFilter() {
    }

    /**
     * Which of the points (x[k], y[k]) lie strictly inside the polygon spanned by the extreme points and (extraX,
     * extraY), by more than the margin; all false when that polygon has fewer than three vertices.
     */
    static boolean[] strictlyInterior(double[] x, double[] y, double extraX, double extraY) {
        int n = x.length;
        boolean[] interior = new boolean[n];
        if (n < 3) {
            return interior;
        }
        int[] extreme = new int[8];
        for (int k = 1; k < n; k++) {
            if (x[k] < x[extreme[0]]) extreme[0] = k;
            if (x[k] > x[extreme[1]]) extreme[1] = k;
            if (y[k] < y[extreme[2]]) extreme[2] = k;
            if (y[k] > y[extreme[3]]) extreme[3] = k;
            if (x[k] + y[k] < x[extreme[4]] + y[extreme[4]]) extreme[4] = k;
            if (x[k] + y[k] > x[extreme[5]] + y[extreme[5]]) extreme[5] = k;
            if (x[k] - y[k] < x[extreme[6]] - y[extreme[6]]) extreme[6] = k;
            if (x[k] - y[k] > x[extreme[7]] - y[extreme[7]]) extreme[7] = k;
        }
        double[] px = new double[9];
        double[] py = new double[9];
        double scale = Math.max(Math.abs(extraX), Math.abs(extraY));
        for (int e = 0; e < 8; e++) {
            px[e] = x[extreme[e]];
            py[e] = y[extreme[e]];
            scale = Math.max(scale, Math.max(Math.abs(px[e]), Math.abs(py[e])));
        }
        px[8] = extraX;
        py[8] = extraY;
        int[] polygon = counterClockwiseHull(px, py);
        if (polygon.length < 3) {
            return interior;
        }
        double margin = MARGIN * Math.max(1, scale);
        int m = polygon.length;
        double[] ax = new double[m];
        double[] ay = new double[m];
        double[] dx = new double[m];
        double[] dy = new double[m];
        double[] length = new double[m];
        for (int e = 0; e < m; e++) {
            int a = polygon[e];
            int b = polygon[(e + 1) % m];
            ax[e] = px[a];
            ay[e] = py[a];
            dx[e] = px[b] - px[a];
            dy[e] = py[b] - py[a];
            length[e] = Math.hypot(dx[e], dy[e]);
        }
        for (int k = 0; k < n; k++) {
            boolean inside = true;
            for (int e = 0; e < m && inside; e++) {
                double cross = dx[e] * (y[k] - ay[e]) - dy[e] * (x[k] - ax[e]);
                inside = cross > margin * length[e];
            }
            interior[k] = inside;
        }
        return interior;
    }

    /** Andrew's monotone chain on a handful of points, strict turns only: the vertex indices counter-clockwise. */
    private static int[] counterClockwiseHull(double[] px, double[] py) {
        Integer[] order = new Integer[px.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> px[a] != px[b] ? Double.compare(px[a], px[b]) : Double.compare(py[a], py[b]));
        int[] hull = new int[2 * order.length];
        int size = 0;
        for (int pass = 0; pass < 2; pass++) {
            int start = size;
            for (int t = 0; t < order.length; t++) {
                int p = order[pass == 0 ? t : order.length - 1 - t];
                while (size >= start + 2 && turn(px, py, hull[size - 2], hull[size - 1], p) <= 0) {
                    size--;
                }
                hull[size++] = p;
            }
            size--;
        }
        return size >= 3 ? Arrays.copyOf(hull, size) : new int[0];
    }

    private static double turn(double[] px, double[] py, int a, int b, int c) {
        return (px[b] - px[a]) * (py[c] - py[a]) - (py[b] - py[a]) * (px[c] - px[a]);
    }
}
