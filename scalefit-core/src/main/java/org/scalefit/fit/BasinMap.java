package org.scalefit.fit;

import java.io.Serializable;
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
 * A stopped start could have ended elsewhere (no local rule can prove where a descent ends on a non-convex
 * objective): on 1 of 41 random 2-input tables it did, 4 % below the answer. Hence recognition is a user's opt-in
 * shortcut, never the default ({@link MultiStartFitter}); what limits the harm is (3), the recorded finals being those
 * of starts run to scipy's tolerance, and it is checked against the default search on the synthetic corpora.
 *
 * <p>The engine adds the cells of a wave's starts between waves ({@link #addAll}), never while a wave runs, so that
 * what a start sees does not depend on thread timing. A map never travels between processes: each process that runs
 * starts grows its own from the cells of each wave ({@link BasinLayer}).
 */
final class BasinMap {

    /** Relative difference between a start's value and a cell's recorded value under which it is on that path. */
    static final double VISIT_TOLERANCE = 1e-2;
    /** Relative difference between recorded final values over which they are different optima. */
    static final double SAME_OPTIMUM = 1e-3;

    private final double cellSize;
    /** The recorded cells, with the lowest final value among them. */
    private final CellTable cells;

    private BasinMap(double cellSize, CellTable cells) {
        this.cellSize = cellSize;
        this.cells = cells;
    }

    static BasinMap empty(double cellSize) {
        return new BasinMap(cellSize, new CellTable(16));
    }

    int size() {
        return cells.size();
    }

    /**
     * The value of the optimum that the path through {@code x} (with objective {@code value}) leads to, or NaN if
     * no recorded path went through here.
     */
    double recognise(double[] x, double value) {
        if (cells.size() == 0) {
            return Double.NaN;
        }
        int slot = cells.find(cellKey(x, cellSize));
        if (slot < 0) {
            return Double.NaN;
        }
        double there = cells.valueThere(slot);
        double destination = cells.finalValue(slot);
        if (Double.isNaN(destination)
                || Math.abs(value - there) > VISIT_TOLERANCE * Math.abs(there)
                || MultiStartFitter.withinMargin(destination, cells.lowestFinal())) {
            return Double.NaN;
        }
        return destination;
    }

    /** Two recorded final values are the same optimum: they differ by at most {@value #SAME_OPTIMUM} (relative). */
    static boolean sameOptimum(double a, double b) {
        return Math.abs(a - b) <= SAME_OPTIMUM * Math.abs(a);
    }

    /**
     * Adds the given cells, in their order (cells already known keep their first record; see
     * {@link #record(Map, long, double[])}), in place. The engine calls it between waves only, when no task reads
     * the map, so what a start sees does not depend on thread timing. In place because the map reaches millions of
     * cells on a 4-input grid and a copy per wave (there are hundreds) would cost more than the waves.
     */
    void addAll(CellArrays additions) {
        long[] keys = additions.keys();
        double[] visits = additions.visits();
        cells.reserve(keys.length);
        for (int i = 0; i < keys.length; i++) {
            cells.record(keys[i], visits[2 * i], visits[2 * i + 1]);
        }
        cells.settle();
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

    /**
     * Cells {key → {value there, final value}} as parallel arrays (visits[2i], visits[2i + 1] of keys[i]), in the
     * order of the map they were made of: the form in which cells travel between processes (fast to write and read,
     * where a map of boxed keys is not).
     */
    record CellArrays(long[] keys, double[] visits) implements Serializable {

        static final CellArrays NONE = new CellArrays(new long[0], new double[0]);

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

    /**
     * Cells {key → (value there, final value)} in an open-addressing table with linear probing: a lookup is one or two
     * reads of primitive arrays, where a {@code HashMap<Long, double[]>} of 10⁵–10⁶ cells costs a boxed key, a node
     * and an array, each a likely cache miss, on every iteration of every start. Hand-written because the JDK has no
     * primitive-keyed map; the same rules as {@link #record(Map, long, double[])} (first record kept, a cell whose
     * visits led to different optima marked ambiguous with final value NaN). Keeps the lowest final value of its
     * unambiguous cells, {@link #lowestFinal()}: updated as cells are added, recomputed by {@link #settle()} only if a
     * cell holding it became ambiguous.
     */
    private static final class CellTable {
        /** The empty slot's key; a cell whose key is 0 is kept beside the table, in the slot after the last. */
        private static final long EMPTY = 0;
        private long[] keys;
        /** visits[2·slot] = value there, visits[2·slot + 1] = final value; slot {@code capacity} is key 0's. */
        private double[] visits;
        private boolean hasZeroKey;
        private int mask;
        /** 64 − log₂(capacity). */
        private int shift;
        private int size;
        private double lowest = Double.POSITIVE_INFINITY;
        private boolean lowestLost;

        /** A table with room for {@code cells} cells at a load of at most three quarters. */
        CellTable(int cells) {
            allocate(cells);
        }

        private void allocate(int cells) {
            int capacity = 16;
            while (!fits(cells, capacity)) {
                capacity *= 2;
            }
            keys = new long[capacity];
            visits = new double[2 * capacity + 2];
            hasZeroKey = false;
            mask = capacity - 1;
            shift = 64 - Integer.numberOfTrailingZeros(capacity);
            size = 0;
        }

        /** Whether {@code cells} cells keep a table of {@code capacity} slots at most three quarters full. */
        private static boolean fits(long cells, long capacity) {
            return 4 * cells <= 3 * capacity;
        }

        int size() {
            return size;
        }

        /** Makes room for {@code more} cells beyond the current ones (rehashing into a larger table if needed). */
        void reserve(int more) {
            long needed = (long) size + more;
            if (fits(needed, keys.length)) {
                return;
            }
            long[] oldKeys = keys;
            double[] oldVisits = visits;
            boolean oldZero = hasZeroKey;
            allocate(Math.toIntExact(needed));
            for (int slot = 0; slot < oldKeys.length; slot++) {
                if (oldKeys[slot] != EMPTY) {
                    insert(oldKeys[slot], oldVisits[2 * slot], oldVisits[2 * slot + 1]);
                }
            }
            if (oldZero) {
                insert(EMPTY, oldVisits[2 * oldKeys.length], oldVisits[2 * oldKeys.length + 1]);
            }
        }

        private int home(long key) {
            return homeSlot(key, shift);
        }

        /** The slot of {@code key}, or −1. */
        int find(long key) {
            if (key == EMPTY) {
                return hasZeroKey ? keys.length : -1;
            }
            for (int slot = home(key); keys[slot] != EMPTY; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return slot;
                }
            }
            return -1;
        }

        double valueThere(int slot) {
            return visits[2 * slot];
        }

        double finalValue(int slot) {
            return visits[2 * slot + 1];
        }

        /** Records a visit; the caller has {@link #reserve reserved} room, and calls {@link #settle()} after. */
        void record(long key, double valueThere, double finalValue) {
            int slot = find(key);
            if (slot >= 0) {
                double known = visits[2 * slot + 1];
                if (!Double.isNaN(known) && !sameOptimum(known, finalValue)) {
                    visits[2 * slot + 1] = Double.NaN;
                    lowestLost |= known == lowest;
                }
                return;
            }
            if (!fits(size + 1L, keys.length)) {
                throw new IllegalStateException("cell table full");
            }
            insert(key, valueThere, finalValue);
            if (!Double.isNaN(finalValue)) {
                lowest = Math.min(lowest, finalValue);
            }
        }

        private void insert(long key, double valueThere, double finalValue) {
            int slot;
            if (key == EMPTY) {
                hasZeroKey = true;
                slot = keys.length;
            } else {
                slot = home(key);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
            }
            visits[2 * slot] = valueThere;
            visits[2 * slot + 1] = finalValue;
            size++;
        }

        /** Recomputes the lowest final value if a cell that held it became ambiguous. */
        void settle() {
            if (!lowestLost) {
                return;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int slot = 0; slot <= keys.length; slot++) {
                boolean holds = slot < keys.length ? keys[slot] != EMPTY : hasZeroKey;
                if (holds && !Double.isNaN(visits[2 * slot + 1])) {
                    best = Math.min(best, visits[2 * slot + 1]);
                }
            }
            lowest = best;
            lowestLost = false;
        }

        /** The lowest final value recorded (ambiguous cells not counted); +∞ if none. */
        double lowestFinal() {
            return lowest;
        }
    }

    /**
     * The first slot a cell table of 2^(64 − shift) slots probes for {@code key}: the top bits of the key times
     * 2⁶⁴/φ (Fibonacci hashing), as many as the table has index bits.
     */
    static int homeSlot(long key, int shift) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
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
