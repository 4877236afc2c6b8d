package org.scalefit.fit;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What earlier starts of a multi-start search have taught about its basins of attraction: the cells of parameter
 * space that their trajectories crossed on the final approach to an optimum, each with the objective value there
 * and the value of the optimum reached.
 *
 * <p>A cell is the box ⌊θ_i / {@code cellSize}⌋ in every coordinate. A later start whose iterate enters a recorded
 * cell with an objective value within {@code valueTolerance} (relative) of the recorded one is on a path already
 * followed to its end: it is stopped and counted as converging to that optimum ("early recognition of starts that
 * fall into an already-found basin"). Paths towards the best optimum known so far (within the tolerance) are never
 * cut short: only starts bound for clearly worse optima are stopped, so the optimum reported, and the fine
 * structure of the best basin, are those of the exhaustive search. Only the part of a trajectory whose value is within
 * {@code approachBand} (relative) of its final value is recorded, so that a cell lies inside the optimum's basin
 * rather than on a ridge several basins share.
 *
 * <p>Instances are frozen once built; the engine builds a new one between waves of starts so that what a start
 * sees does not depend on thread timing. Serializable, so that the tasks of a wave can carry it to another process.
 */
final class BasinMap implements Serializable {

    private final double cellSize;
    private final double valueTolerance;
    private final Map<Long, double[]> cells;
    /** The lowest final value recorded; paths towards optima this good are never cut short. */
    private final double bestFinal;

    private BasinMap(double cellSize, double valueTolerance, Map<Long, double[]> cells) {
        this.cellSize = cellSize;
        this.valueTolerance = valueTolerance;
        this.cells = cells;
        double best = Double.POSITIVE_INFINITY;
        for (double[] visit : cells.values()) {
            if (!Double.isNaN(visit[1])) {
                best = Math.min(best, visit[1]);
            }
        }
        this.bestFinal = best;
    }

    static BasinMap empty(double cellSize, double valueTolerance) {
        return new BasinMap(cellSize, valueTolerance, Map.of());
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
                || Math.abs(value - visit[0]) > valueTolerance * Math.abs(visit[0])
                || visit[1] <= bestFinal + valueTolerance * Math.abs(bestFinal)) {
            return Double.NaN;
        }
        return visit[1];
    }

    /** A new map with the given cells added (cells already known keep their first record). */
    BasinMap with(Map<Long, double[]> additions) {
        if (additions.isEmpty()) {
            return this;
        }
        Map<Long, double[]> next = new HashMap<>(cells);
        additions.forEach((key, visit) -> record(next, key, visit, valueTolerance));
        return new BasinMap(cellSize, valueTolerance, next);
    }

    /**
     * Records a visit {value there, final value} of a cell. A cell whose visits led to different optima is marked
     * ambiguous (final value NaN) and never recognises a start again.
     */
    static void record(Map<Long, double[]> cells, long key, double[] visit, double valueTolerance) {
        double[] known = cells.get(key);
        if (known == null) {
            cells.put(key, visit.clone());
        } else if (!Double.isNaN(known[1])
                && Math.abs(known[1] - visit[1]) > valueTolerance * Math.abs(known[1])) {
            cells.put(key, new double[] {known[0], Double.NaN});
        }
    }

    /** Serialises the map as its cells' keys and visits in two flat arrays (fast to write and read, where a map of
     *  boxed keys is not: the map reaches ~10⁵–10⁶ cells on a 3-input grid and travels with every wave's tasks). */
    private Object writeReplace() {
        return new SerializedForm(cellSize, valueTolerance, CellArrays.of(cells));
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a BasinMap is read through its serialised form");
    }

    private record SerializedForm(double cellSize, double valueTolerance, CellArrays cells) implements Serializable {
        private Object readResolve() {
            return new BasinMap(cellSize, valueTolerance, cells.cells());
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
