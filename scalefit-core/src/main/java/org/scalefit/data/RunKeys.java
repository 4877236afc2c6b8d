package org.scalefit.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which training run each point of a table belongs to: points whose key values (e.g. (width, depth), or params) are
 * all equal are checkpoints of one run. Runs are numbered 0, 1, … in the order of their first point, so the
 * numbering is a function of the table's row order alone.
 *
 * @param runOfPoint runOfPoint[i] is the run of point i
 * @param keyOfRun   keyOfRun[r] is the key values shared by the points of run r
 */
public record RunKeys(int[] runOfPoint, double[][] keyOfRun) implements Serializable {

    public RunKeys {
        runOfPoint = runOfPoint.clone();
        keyOfRun = Arrays.stream(keyOfRun).map(double[]::clone).toArray(double[][]::new);
        boolean[] used = new boolean[keyOfRun.length];
        for (int run : runOfPoint) {
            if (run < 0 || run >= keyOfRun.length) {
                throw new IllegalArgumentException("run " + run + " of a point is not among the " + keyOfRun.length
                        + " runs");
            }
            used[run] = true;
        }
        for (int r = 0; r < used.length; r++) {
            if (!used[r]) {
                throw new IllegalArgumentException("run " + r + " has no point");
            }
        }
    }

    /**
     * Groups points by their key values: keyOfPoint[i] is the key of point i (all of one length, at least one
     * value); points with equal keys (compared exactly) form one run.
     */
    public static RunKeys of(double[][] keyOfPoint) {
        if (keyOfPoint.length == 0) {
            throw new IllegalArgumentException("no points to group into runs");
        }
        int width = keyOfPoint[0].length;
        if (width == 0) {
            throw new IllegalArgumentException("a run key needs at least one value");
        }
        Map<List<Double>, Integer> runs = new HashMap<>();
        List<double[]> keys = new ArrayList<>();
        int[] runOfPoint = new int[keyOfPoint.length];
        for (int i = 0; i < keyOfPoint.length; i++) {
            if (keyOfPoint[i].length != width) {
                throw new IllegalArgumentException("point " + i + " has " + keyOfPoint[i].length
                        + " key values, expected " + width);
            }
            List<Double> key = Arrays.stream(keyOfPoint[i]).boxed().toList();
            Integer run = runs.get(key);
            if (run == null) {
                run = keys.size();
                runs.put(key, run);
                keys.add(keyOfPoint[i].clone());
            }
            runOfPoint[i] = run;
        }
        return new RunKeys(runOfPoint, keys.toArray(double[][]::new));
    }

    /** Every point its own run (keys are the point numbers). */
    public static RunKeys eachPoint(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("need at least one point, was " + points);
        }
        int[] runOfPoint = new int[points];
        double[][] keys = new double[points][];
        for (int i = 0; i < points; i++) {
            runOfPoint[i] = i;
            keys[i] = new double[] {i};
        }
        return new RunKeys(runOfPoint, keys);
    }

    @Override
    public int[] runOfPoint() {
        return runOfPoint.clone();
    }

    @Override
    public double[][] keyOfRun() {
        return Arrays.stream(keyOfRun).map(double[]::clone).toArray(double[][]::new);
    }

    /** Number of points. */
    public int points() {
        return runOfPoint.length;
    }

    /** Number of runs. */
    public int runs() {
        return keyOfRun.length;
    }

    /** The run of point i. */
    public int runOf(int point) {
        return runOfPoint[point];
    }

    /** The key values of run r (a copy). */
    public double[] key(int run) {
        return keyOfRun[run].clone();
    }

    /** The points of run r, in table order. */
    public int[] pointsOf(int run) {
        return java.util.stream.IntStream.range(0, runOfPoint.length).filter(i -> runOfPoint[i] == run).toArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunKeys that && Arrays.equals(runOfPoint, that.runOfPoint)
                && Arrays.deepEquals(keyOfRun, that.keyOfRun);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(runOfPoint) + Arrays.deepHashCode(keyOfRun);
    }

    @Override
    public String toString() {
        return "RunKeys[" + points() + " points in " + runs() + " runs]";
    }
}
