package org.scalefit.heldout;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.scalefit.data.RunKeys;

/**
 * The model sizes of a table of checkpoints, smallest first: the runs of {@link RunKeys} (points of equal key, e.g.
 * (width, depth) or params), each with its size (e.g. its parameter count), numbered 0 … m−1 by increasing size
 * (ties by key, lexicographically).
 *
 * @param sizeOfPoint sizeOfPoint[i] is the size number of point i
 * @param keyOfSize   keyOfSize[s] is the run key of size s
 * @param scaleOfSize scaleOfSize[s] is the size of size s (what the sizes are ordered by)
 */
public record ModelSizes(int[] sizeOfPoint, double[][] keyOfSize, double[] scaleOfSize) {

    public ModelSizes {
        sizeOfPoint = sizeOfPoint.clone();
        keyOfSize = Arrays.stream(keyOfSize).map(double[]::clone).toArray(double[][]::new);
        scaleOfSize = scaleOfSize.clone();
        if (keyOfSize.length != scaleOfSize.length) {
            throw new IllegalArgumentException(keyOfSize.length + " keys for " + scaleOfSize.length + " sizes");
        }
        for (int s = 1; s < scaleOfSize.length; s++) {
            if (!(scaleOfSize[s] >= scaleOfSize[s - 1])) {
                throw new IllegalArgumentException("sizes must be numbered smallest first");
            }
        }
        for (int size : sizeOfPoint) {
            if (size < 0 || size >= scaleOfSize.length) {
                throw new IllegalArgumentException("size " + size + " of a point is not among the "
                        + scaleOfSize.length + " sizes");
            }
        }
    }

    /**
     * The runs of {@code runs}, ordered by {@code scaleOfPoint} (one value per point, equal within a run).
     *
     * @throws IllegalArgumentException if a run's points disagree on their size or a size is not finite
     */
    public static ModelSizes of(RunKeys runs, double[] scaleOfPoint) {
        if (scaleOfPoint.length != runs.points()) {
            throw new IllegalArgumentException(scaleOfPoint.length + " sizes for " + runs.points() + " points");
        }
        double[] scaleOfRun = new double[runs.runs()];
        Arrays.fill(scaleOfRun, Double.NaN);
        for (int i = 0; i < scaleOfPoint.length; i++) {
            int run = runs.runOf(i);
            if (!Double.isFinite(scaleOfPoint[i])) {
                throw new IllegalArgumentException("the size of point " + i + " is not finite: " + scaleOfPoint[i]);
            }
            if (Double.isNaN(scaleOfRun[run])) {
                scaleOfRun[run] = scaleOfPoint[i];
            } else if (scaleOfRun[run] != scaleOfPoint[i]) {
                throw new IllegalArgumentException("the points of run " + Arrays.toString(runs.key(run))
                        + " have different sizes (" + scaleOfRun[run] + " and " + scaleOfPoint[i]
                        + "): a run key must identify one model");
            }
        }
        Comparator<Integer> bySize = Comparator.comparingDouble(r -> scaleOfRun[r]);
        bySize = bySize.thenComparing((a, b) -> Arrays.compare(runs.key(a), runs.key(b)));
        Integer[] order = IntStream.range(0, runs.runs()).boxed().sorted(bySize).toArray(Integer[]::new);
        int[] sizeOfRun = new int[order.length];
        double[][] keys = new double[order.length][];
        double[] scales = new double[order.length];
        for (int s = 0; s < order.length; s++) {
            sizeOfRun[order[s]] = s;
            keys[s] = runs.key(order[s]);
            scales[s] = scaleOfRun[order[s]];
        }
        int[] sizeOfPoint = new int[runs.points()];
        for (int i = 0; i < sizeOfPoint.length; i++) {
            sizeOfPoint[i] = sizeOfRun[runs.runOf(i)];
        }
        return new ModelSizes(sizeOfPoint, keys, scales);
    }

    @Override
    public int[] sizeOfPoint() {
        return sizeOfPoint.clone();
    }

    @Override
    public double[][] keyOfSize() {
        return Arrays.stream(keyOfSize).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[] scaleOfSize() {
        return scaleOfSize.clone();
    }

    /** m, the number of sizes. */
    public int count() {
        return scaleOfSize.length;
    }

    /** Number of points. */
    public int points() {
        return sizeOfPoint.length;
    }

    /** The size number of point i. */
    public int sizeOf(int point) {
        return sizeOfPoint[point];
    }

    /** The run key of size s (a copy). */
    public double[] key(int size) {
        return keyOfSize[size].clone();
    }

    /** The size of size s. */
    public double scale(int size) {
        return scaleOfSize[size];
    }

    /** The points whose size is in {@code sizes}, in table order. */
    public int[] pointsOf(boolean[] sizes) {
        return IntStream.range(0, sizeOfPoint.length).filter(i -> sizes[sizeOfPoint[i]]).toArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelSizes that && Arrays.equals(sizeOfPoint, that.sizeOfPoint)
                && Arrays.deepEquals(keyOfSize, that.keyOfSize) && Arrays.equals(scaleOfSize, that.scaleOfSize);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(sizeOfPoint) + Arrays.deepHashCode(keyOfSize);
    }

    @Override
    public String toString() {
        return "ModelSizes[" + count() + " sizes, " + points() + " points]";
    }
}
