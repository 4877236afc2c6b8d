package org.scalefit.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.scalefit.data.RunTable;

/**
 * A reduced sample of a reference study by model size: the runs whose parameter count lies in one of a few closed
 * windows [low, high], listed by increasing tokens (Gemstones {@code chinchilla_reduced_sampling.py},
 * {@code slim_chinchilla_df}).
 *
 * @param windows the windows, each {low, high} with 0 &lt; low ≤ high
 */
public record SizeWindows(List<double[]> windows) {

    public SizeWindows {
        List<double[]> copy = new ArrayList<>();
        for (double[] window : windows) {
            if (window.length != 2 || !(window[0] > 0) || !(window[0] <= window[1]) || Double.isInfinite(window[1])) {
                throw new IllegalArgumentException("a size window is {low, high} with 0 < low ≤ high, finite; got "
                        + Arrays.toString(window));
            }
            copy.add(window.clone());
        }
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("at least one size window is needed");
        }
        windows = List.copyOf(copy);
    }

    /**
     * Gemstones' windows around its model sizes: [6e7, 8e7], [9e7, 1.1e8], [4.5e8, 5.05e8], [0.9e9, 1.1e9],
     * [1.8e9, 2.2e9] (on Chinchilla's points: 28 runs).
     */
    public static SizeWindows gemstones() {
        return new SizeWindows(List.of(new double[] {6e7, 8e7}, new double[] {9e7, 11e7},
                new double[] {45e7, 50.5e7}, new double[] {0.9e9, 1.1e9}, new double[] {1.8e9, 2.2e9}));
    }

    @Override
    public List<double[]> windows() {
        return windows.stream().map(double[]::clone).toList();
    }

    /** Whether a model of {@code params} parameters lies in a window. */
    public boolean contains(double params) {
        for (double[] window : windows) {
            if (params >= window[0] && params <= window[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rows of {@code runs} (column {@code params}) inside a window, ordered by the {@code tokens} column (ties in
     * table order), with their source lines.
     *
     * @throws IllegalArgumentException if no row is inside a window
     */
    public RunTable select(RunTable runs) {
        double[] params = runs.column("params");
        double[] tokens = runs.column("tokens");
        int[] rows = IntStream.range(0, runs.rows()).filter(i -> contains(params[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> tokens[i])).mapToInt(Integer::intValue).toArray();
        if (rows.length == 0) {
            throw new IllegalArgumentException("no run of " + runs.source() + " lies in the size windows");
        }
        return Rows.subset(runs, rows);
    }
}
