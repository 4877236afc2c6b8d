package org.scalefit.fit;

import java.io.Serializable;

/**
 * Where one start of a multi-start search ended.
 *
 * @param start  the start's number in its grid
 * @param value  the objective at {@code point}
 * @param point  the final parameters θ
 * @param status why the optimiser stopped
 */
public record StartOutcome(long start, double value, double[] point, LbfgsOutcome.Status status)
        implements Serializable {

    public StartOutcome {
        point = point.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    /** Orders outcomes by value, then by start number, so that ties are broken the same way on every run. */
    static int byValueThenStart(StartOutcome a, StartOutcome b) {
        int byValue = Double.compare(a.value, b.value);
        return byValue != 0 ? byValue : Long.compare(a.start, b.start);
    }
}
