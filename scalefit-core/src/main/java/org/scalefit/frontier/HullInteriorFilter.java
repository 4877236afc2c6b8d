package org.scalefit.frontier;

import java.util.Arrays;

/**
 * The Akl–Toussaint heuristic (Akl &amp; Toussaint 1978, "A fast convex hull algorithm", Inf. Process. Lett. 7(5)):
 * the points extreme in a set of directions (here {@link #DIRECTIONS}), together with an extra point, span a convex
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

    /**
     * Directions, evenly spread in coordinates scaled to the points' ranges, in which the extreme points are taken
     * (the eight of Akl and Toussaint leave much of a long thin cloud outside their polygon).
     */
    static final int DIRECTIONS = 32;

    /** Relative distance inside every edge a point needs to be dropped. */
    static final double MARGIN = 1e-7;

    private HullInteriorFilter() {
    }

    /**
     * Which of the points (x[k], y[k]) lie strictly inside the polygon spanned by the extreme points and (extraX,
     * extraY), by more than the margin; all false when the points span no area.
     */
    static boolean[] strictlyInterior(double[] x, double[] y, double extraX, double extraY) {
        int n = x.length;
        boolean[] interior = new boolean[n];
        if (n < 3) {
            return interior;
        }
        double lowX = x[0], highX = x[0], lowY = y[0], highY = y[0];
        for (int k = 1; k < n; k++) {
            lowX = Math.min(lowX, x[k]);
            highX = Math.max(highX, x[k]);
            lowY = Math.min(lowY, y[k]);
            highY = Math.max(highY, y[k]);
        }
        if (!(highX > lowX) || !(highY > lowY)) {
            return interior;
        }
        double[] cos = new double[DIRECTIONS];
        double[] sin = new double[DIRECTIONS];
        for (int d = 0; d < DIRECTIONS; d++) {
            cos[d] = Math.cos(2 * Math.PI * d / DIRECTIONS) / (highX - lowX);
            sin[d] = Math.sin(2 * Math.PI * d / DIRECTIONS) / (highY - lowY);
        }
        int[] extreme = new int[DIRECTIONS];
        double[] reach = new double[DIRECTIONS];
        Arrays.fill(reach, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < n; k++) {
            for (int d = 0; d < DIRECTIONS; d++) {
                double along = cos[d] * x[k] + sin[d] * y[k];
                if (along > reach[d]) {
                    reach[d] = along;
                    extreme[d] = k;
                }
            }
        }
        double[] px = new double[DIRECTIONS + 1];
        double[] py = new double[DIRECTIONS + 1];
        double scale = Math.max(Math.abs(extraX), Math.abs(extraY));
        for (int d = 0; d < DIRECTIONS; d++) {
            px[d] = x[extreme[d]];
            py[d] = y[extreme[d]];
            scale = Math.max(scale, Math.max(Math.abs(px[d]), Math.abs(py[d])));
        }
        px[DIRECTIONS] = extraX;
        py[DIRECTIONS] = extraY;
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
