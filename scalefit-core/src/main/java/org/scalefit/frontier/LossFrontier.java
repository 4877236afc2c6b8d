package org.scalefit.frontier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipparchus.geometry.euclidean.twod.Vector2D;
import org.hipparchus.geometry.euclidean.twod.hull.MonotoneChain;

/**
 * The runs that spend a resource (FLOPs, GPU-hours) best: the compute-optimal frontier of Chinchilla's Approach 1
 * (Hoffmann et al. 2022 §3.1), in the two forms the studies use. Rows are indices into the arrays given, in order of
 * increasing resource.
 *
 * <ul>
 *   <li>{@link #convexHull}: Gemstones' {@code get_resource_hull} (McLeish et al. 2025 §3.1): the lower-left convex
 *       hull of (log R, log L) of all runs with R &gt; 0, seen from a vantage point (2·max R, 2·max L) which is then
 *       dropped; hull vertices sorted by R, vertices of equal R by increasing loss (pandas sorts by R alone, so
 *       for such ties the result depended on the row order); the first kept, then each vertex whose loss is strictly
 *       lower than that of the vertex just before it in that order (pandas {@code diff() < 0}: the previous vertex,
 *       kept or not). Of runs that spend the same resource, only the lowest loss can therefore be on the
 *       frontier. The rule can keep a run that an earlier frontier run dominates (less resource, lower loss): a
 *       vertex on the hull's right side, after the lowest run, follows a vertex of the upper side (a run of far
 *       higher loss, e.g. a diverged one) and is lower than it; {@link #dominated} names such runs.</li>
 *   <li>{@link #binMinimizers}: Chinchilla's binning: {@code bins} log-spaced bins between min and max R (edges
 *       10^linspace(log₁₀ min, log₁₀ max, bins + 1), intervals (a, b], the first closed), the lowest-loss run of
 *       each non-empty bin.</li>
 * </ul>
 *
 * @param rows     indices of the frontier runs, by increasing resource
 * @param resource their resource
 * @param loss     their loss
 */
public record LossFrontier(int[] rows, double[] resource, double[] loss) {

    public LossFrontier {
        rows = rows.clone();
        resource = resource.clone();
        loss = loss.clone();
        if (rows.length != resource.length || rows.length != loss.length) {
            throw new IllegalArgumentException("rows, resource and loss differ in length");
        }
    }

    /** Gemstones' convex-hull frontier of the runs (resource[i], loss[i]). */
    public static LossFrontier convexHull(double[] resource, double[] loss) {
        int[] usable = usableRows(resource, loss);
        double maxResource = 0;
        double maxLoss = 0;
        for (int i : usable) {
            maxResource = Math.max(maxResource, resource[i]);
            maxLoss = Math.max(maxLoss, loss[i]);
        }
        double[] x = new double[usable.length];
        double[] y = new double[usable.length];
        for (int k = 0; k < usable.length; k++) {
            x[k] = Math.log(resource[usable[k]]);
            y[k] = Math.log(loss[usable[k]]);
        }
        Vector2D vantage = new Vector2D(Math.log(2 * maxResource), Math.log(2 * maxLoss));
        boolean[] interior = HullInteriorFilter.strictlyInterior(x, y, vantage.getX(), vantage.getY());
        Map<Vector2D, Integer> rowOf = new HashMap<>();
        List<Vector2D> points = new ArrayList<>();
        for (int k = 0; k < usable.length; k++) {
            if (interior[k]) {
                continue;
            }
            Vector2D point = new Vector2D(x[k], y[k]);
            if (rowOf.putIfAbsent(point, usable[k]) == null) {
                points.add(point);
            }
        }
        points.add(vantage);
        Collection<Vector2D> vertices = points.size() < 3 ? points
                : new MonotoneChain(false).findHullVertices(points);
        List<Integer> hull = new ArrayList<>();
        for (Vector2D vertex : vertices) {
            Integer row = rowOf.get(vertex);
            if (row != null && !vertex.equals(vantage)) {
                hull.add(row);
            }
        }
        hull.sort(Comparator.comparingDouble((Integer i) -> resource[i]).thenComparingDouble(i -> loss[i])
                .thenComparingInt(i -> i));
        List<Integer> kept = new ArrayList<>();
        for (int t = 0; t < hull.size(); t++) {
            if (t == 0 || loss[hull.get(t)] < loss[hull.get(t - 1)]) {
                kept.add(hull.get(t));
            }
        }
        return of(kept, resource, loss);
    }

    /** The lowest-loss run of each of {@code bins} log-spaced resource bins (Chinchilla's Approach 1). */
    public static LossFrontier binMinimizers(double[] resource, double[] loss, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one bin, was " + bins);
        }
        int[] usable = usableRows(resource, loss);
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (int i : usable) {
            low = Math.min(low, resource[i]);
            high = Math.max(high, resource[i]);
        }
        double[] edges = new double[bins + 1];
        double logLow = Math.log10(low);
        double logHigh = Math.log10(high);
        double step = (logHigh - logLow) / bins;
        for (int b = 0; b <= bins; b++) {
            edges[b] = Math.pow(10, b == bins ? logHigh : logLow + b * step);
        }
        int[] best = new int[bins];
        Arrays.fill(best, -1);
        for (int i : usable) {
            int bin = binOf(edges, resource[i]);
            if (bin >= 0 && (best[bin] < 0 || loss[i] < loss[best[bin]])) {
                best[bin] = i;
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int row : best) {
            if (row >= 0) {
                kept.add(row);
            }
        }
        kept.sort(Comparator.comparingDouble((Integer i) -> resource[i]).thenComparingInt(i -> i));
        return of(kept, resource, loss);
    }

    /** The bin (a, b] holding r, the first bin closed on the left; −1 outside all bins. */
    private static int binOf(double[] edges, double r) {
        if (r < edges[0] || r > edges[edges.length - 1]) {
            return -1;
        }
        if (r == edges[0]) {
            return 0;
        }
        int index = Arrays.binarySearch(edges, r);
        return index >= 0 ? index - 1 : -index - 2;
    }

    /** Rows with a positive resource; rejects non-finite values and non-positive losses. */
    private static int[] usableRows(double[] resource, double[] loss) {
        if (resource.length != loss.length) {
            throw new IllegalArgumentException(resource.length + " resources but " + loss.length + " losses");
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < resource.length; i++) {
            if (!Double.isFinite(resource[i])) {
                throw new IllegalArgumentException("resource of run " + i + " is " + resource[i]);
            }
            if (!(loss[i] > 0) || Double.isInfinite(loss[i])) {
                throw new IllegalArgumentException("loss of run " + i + " must be positive and finite, was " + loss[i]);
            }
            if (resource[i] > 0) {
                rows.add(i);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no run has a positive resource (" + resource.length + " runs): "
                    + "a frontier needs resources > 0");
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static LossFrontier of(List<Integer> kept, double[] resource, double[] loss) {
        int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
        double[] r = new double[rows.length];
        double[] l = new double[rows.length];
        for (int t = 0; t < rows.length; t++) {
            r[t] = resource[rows[t]];
            l[t] = loss[rows[t]];
        }
        return new LossFrontier(rows, r, l);
    }

    /**
     * A frontier run that an earlier frontier run dominates: {@code by} spends less of the resource and reaches a
     * loss at most as high.
     *
     * @param row the dominated run (an index into the arrays the frontier was made from)
     * @param by  the earlier frontier run of lowest loss before it
     */
    public record Dominated(int row, int by) {
    }

    /**
     * The frontier runs whose loss is not strictly below that of every frontier run before them (in resource order),
     * each with the lowest earlier run; empty on a strictly decreasing (Pareto) frontier.
     */
    public List<Dominated> dominated() {
        List<Dominated> dominated = new ArrayList<>();
        int lowest = 0;
        for (int t = 1; t < rows.length; t++) {
            if (loss[t] >= loss[lowest]) {
                dominated.add(new Dominated(rows[t], rows[lowest]));
            } else {
                lowest = t;
            }
        }
        return List.copyOf(dominated);
    }

    /**
     * The strict (Pareto) frontier: these runs without those an earlier frontier run dominates ({@link #dominated}),
     * so that each run's loss is strictly below that of every run before it. Gemstones' rule does not do this; it is
     * an option of the command ({@code --drop-dominated}).
     */
    public LossFrontier withoutDominated() {
        Set<Integer> dropped = new HashSet<>();
        dominated().forEach(d -> dropped.add(d.row()));
        List<Integer> kept = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        List<Double> l = new ArrayList<>();
        for (int t = 0; t < rows.length; t++) {
            if (!dropped.contains(rows[t])) {
                kept.add(rows[t]);
                r.add(resource[t]);
                l.add(loss[t]);
            }
        }
        return new LossFrontier(kept.stream().mapToInt(Integer::intValue).toArray(),
                r.stream().mapToDouble(Double::doubleValue).toArray(), l.stream().mapToDouble(Double::doubleValue)
                .toArray());
    }

    /** Number of frontier runs. */
    public int size() {
        return rows.length;
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public double[] resource() {
        return resource.clone();
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LossFrontier that && Arrays.equals(rows, that.rows)
                && Arrays.equals(resource, that.resource) && Arrays.equals(loss, that.loss);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rows);
    }

    @Override
    public String toString() {
        return "LossFrontier" + Arrays.toString(rows);
    }
}
