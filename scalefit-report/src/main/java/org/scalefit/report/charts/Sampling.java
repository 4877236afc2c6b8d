package org.scalefit.report.charts;

import java.util.Arrays;
import org.scalefit.law.ComputeBudgets;

/** Where the figure builders evaluate curves: log- or evenly spaced points, and the range a set of values spans. */
final class Sampling {

    private Sampling() {
    }

    /** {@code count} points from low to high, equally spaced in log ({@link ComputeBudgets#logSpaced}). */
    static double[] logSpaced(double low, double high, int count) {
        return ComputeBudgets.logSpaced(low, high, count);
    }

    /** {@code count} points from low to high, equally spaced (numpy's {@code linspace}). */
    static double[] linearSpaced(double low, double high, int count) {
        if (!Double.isFinite(low) || !(high >= low) || Double.isInfinite(high) || count < 2) {
            throw new IllegalArgumentException("need finite low ≤ high and at least 2 points, got [" + low + ", "
                    + high + "], " + count);
        }
        double[] points = new double[count];
        for (int i = 0; i < count; i++) {
            points[i] = i == count - 1 ? high : low + (high - low) * i / (count - 1);
        }
        return points;
    }

    /** [min, max] of the finite positive values. */
    static double[] positiveRange(double[] values) {
        double[] finite = Arrays.stream(values).filter(v -> v > 0 && Double.isFinite(v)).toArray();
        if (finite.length == 0) {
            throw new IllegalArgumentException("no positive finite value to span");
        }
        return new double[] {Arrays.stream(finite).min().getAsDouble(), Arrays.stream(finite).max().getAsDouble()};
    }

    static double[] pick(double[] values, int[] rows) {
        double[] picked = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = values[rows[i]];
        }
        return picked;
    }
}
