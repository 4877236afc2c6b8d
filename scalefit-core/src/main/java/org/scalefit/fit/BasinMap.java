package org.scalefit.fit;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What earlier starts of a multi-start search have taught about its basins of attraction: the cells of parameter
 * space that their trajectories crossed on the way to an optimum, each with the objective value there and the value
 * of the optimum reached.
 *
 * <p>A cell is the box ⌊θ_i / {@code cellSize}⌋ in every identifiable coordinate. The rule by which a later start is
 * stopped ("recognised"), all of whose tolerances are relative to the objective, so that they mean the same for any
 * loss scale, number of points or δ:
 * <ol>
 *   <li>its iterate is in a recorded cell, with an objective value within {@value #VISIT_TOLERANCE} of the value
 *       recorded there (the same place on a path already followed to its end);</li>
 *   <li>every trajectory recorded through that cell ended at the same optimum: finals that differ by more than
 *       {@value #SAME_OPTIMUM} (relative) make the cell ambiguous, and it never recognises a start again;</li>
 *   <li>that optimum is worse than the best final value recorded by more than
 *       {@link MultiStartFitter#COMPETING_MARGIN}: paths towards any optimum within that margin of the best — those
 *       that could be the answer, or be reported as a competing basin — are never cut short;</li>
 *   <li>(checked by the engine) the start's last {@link MultiStartFitter#PERSISTENCE} iterates all passed (1)–(3)
 *       for the same optimum.</li>
 * </ol>
 * A stopped start could in principle have ended elsewhere (no local rule can prove where a descent ends on a
 * non-convex objective); what makes the rule safe for the answer is (3) together with the recorded finals being
 * those of starts run to completion near the best ({@link MultiStartFitter}), and it is checked against the
 * exhaustive search on synthetic tables and every bundled dataset at δ = 10⁻³ and 10⁻⁴.
 *
 * <p>Instances are frozen once built; the engine builds a new one between waves of starts so that what a start
 * sees does not depend on thread timing. Serializable, so that the tasks of a wave can carry it to another process.
 */
final class BasinMap implements Serializable {

    /** Relative difference between a start's value and a cell's recorded value under which it is on that path. */
    static final double VISIT_TOLERANCE = 1e-2;
    /** Relative difference between recorded final values over which they are different optima. */
    static final double SAME_OPTIMUM = 1e-3;

    private final double cellSize;
    private final Map<Long, double[]> cells;
    /** The lowest final value recorded; paths towards optima this good are never cut short. */
    private final double bestFinal;

    private BasinMap(double cellSize, Map<Long, double[]> cells) {
        this.cellSize = cellSize;
        this.cells = cells;
        double best = Double.POSITIVE_INFINITY;
        for (double[] visit : cells.values()) {
            if (!Double.isNaN(visit[1])) {
                best = Math.min(best, visit[1]);
            }
        }
        this.bestFinal = best;
    }

    static BasinMap empty(double cellSize) {
        return new BasinMap(cellSize, Map.of());
    }

    int size() {
        return cells.size();
    }

    /**
     * The value of the optimum that the path through {@code x} (with objective {@code value}) leads to, or NaN if
     * no recorded path went through here.
     */
    double recognise(double[] x, double value) {
        if (cells.isEmpty()) {
            return Double.NaN;
        }
        double[] visit = cells.get(cellKey(x, cellSize));
        if (visit == null || Double.isNaN(visit[1])
                || Math.abs(value - visit[0]) > VISIT_TOLERANCE * Math.abs(visit[0])
                || MultiStartFitter.withinMargin(visit[1], bestFinal)) {
            return Double.NaN;
        }
        return visit[1];
    }

    /** Two recorded final values are the same optimum: they differ by at most {@value #SAME_OPTIMUM} (relative). */
    static boolean sameOptimum(double a, double b) {
        return Math.abs(a - b) <= SAME_OPTIMUM * Math.abs(a);
    }

    /** A new map with the given cells added (cells already known keep their first record). */
    BasinMap with(Map<Long, double[]> additions) {
        if (additions.isEmpty()) {
            return this;
        }
        Map<Long, double[]> next = new HashMap<>(cells);
        additions.forEach((key, visit) -> record(next, key, visit));
        return new BasinMap(cellSize, next);
    }

    /**
     * Records a visit {value there, final value} of a cell. A cell whose visits led to different optima is marked
     * ambiguous (final value NaN) and never recognises a start again.
     */
    static void record(Map<Long, double[]> cells, long key, double[] visit) {
        double[] known = cells.get(key);
        if (known == null) {
            cells.put(key, visit.clone());
        } else if (!Double.isNaN(known[1]) && !sameOptimum(known[1], visit[1])) {
            cells.put(key, new double[] {known[0], Double.NaN});
        }
    }

    /** Serialises the map as its cells' keys and visits in two flat arrays (fast to write and read, where a map of
     *  boxed keys is not: the map reaches ~10⁵–10⁶ cells on a 3-input grid and travels with every wave's tasks). */
    private Object writeReplace() {
        return new SerializedForm(cellSize, CellArrays.of(cells));
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a BasinMap is read through its serialised form");
    }

    private record SerializedForm(double cellSize, CellArrays cells) implements Serializable {
        private Object readResolve() {
            return new BasinMap(cellSize, cells.cells());
        }
    }

    /**
     * Cells {key → {value there, final value}} as parallel arrays, in the map's iteration order: the form in which
     * cells travel between processes.
     */
    record CellArrays(long[] keys, double[] visits) implements Serializable {

        static CellArrays of(Map<Long, double[]> cells) {
            long[] keys = new long[cells.size()];
            double[] visits = new double[2 * cells.size()];
            int i = 0;
            for (Map.Entry<Long, double[]> cell : cells.entrySet()) {
                keys[i] = cell.getKey();
                visits[2 * i] = cell.getValue()[0];
                visits[2 * i + 1] = cell.getValue()[1];
                i++;
            }
            return new CellArrays(keys, visits);
        }

        /** The cells, in the order written. */
        Map<Long, double[]> cells() {
            Map<Long, double[]> cells = new LinkedHashMap<>(Math.max(16, keys.length * 4 / 3 + 1));
            for (int i = 0; i < keys.length; i++) {
                cells.put(keys[i], new double[] {visits[2 * i], visits[2 * i + 1]});
            }
            return cells;
        }
    }

    /** The cell of x: the integer box coordinates mixed into one 64-bit key; NaN coordinates (not identifiable)
     *  share one box. */
    static long cellKey(double[] x, double cellSize) {
        long hash = 0x9E3779B97F4A7C15L;
        for (double coordinate : x) {
            long box = Double.isNaN(coordinate) ? Long.MIN_VALUE : (long) Math.floor(coordinate / cellSize);
            hash = (hash ^ box) * 0xBF58476D1CE4E5B9L;
            hash ^= hash >>> 31;
        }
        return hash;
    }
}
