package org.scalefit.shapes;

import java.io.Serializable;

/**
 * Log-spaced training-FLOPs buckets, as Gemstones cuts its brute-force rows ({@code approach_3_brute_force.py},
 * {@code plotting}): rows with low ≤ C ≤ high are kept, the n + 1 edges are
 * <pre>
 *   e_i = 10^y_i,  y = linspace(log10 low, log10 high, n + 1)
 * </pre>
 * and, as {@code pd.cut(include_lowest=True)}, bucket i holds (e<sub>i</sub>, e<sub>i+1</sub>], the first one
 * [e<sub>0</sub>, e<sub>1</sub>]. Gemstones uses 13 buckets over [10¹⁸, 10²⁶].
 */
public final class FlopBuckets implements Serializable {

    private final double low;
    private final double high;
    private final double[] edges;

    private FlopBuckets(double low, double high, double[] edges) {
        this.low = low;
        this.high = high;
        this.edges = edges;
    }

    /** Gemstones' 13 buckets over [10¹⁸, 10²⁶]. */
    public static FlopBuckets gemstones() {
        return logSpaced(1e18, 1e26, 13);
    }

    /** {@code count} log-spaced buckets over [low, high]. */
    public static FlopBuckets logSpaced(double low, double high, int count) {
        if (!(low > 0) || !(high > low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("FLOPs range must satisfy 0 < low < high < ∞, was " + low + " to "
                    + high);
        }
        if (count < 1) {
            throw new IllegalArgumentException("need at least one bucket, got " + count);
        }
        return new FlopBuckets(low, high, NumpyGrids.logspace(NumpyGrids.log10(low), NumpyGrids.log10(high),
                count + 1, 10));
    }

    /** How many buckets. */
    public int count() {
        return edges.length - 1;
    }

    /** The lower edge e<sub>i</sub> of bucket i (excluded, except for the first bucket). */
    public double lower(int bucket) {
        return edges[bucket];
    }

    /** The upper edge e<sub>i+1</sub> of bucket i (included). */
    public double upper(int bucket) {
        return edges[bucket + 1];
    }

    /** The smallest FLOPs kept (the filter's bound; the first edge may differ from it in the last bit). */
    public double low() {
        return low;
    }

    /** The largest FLOPs kept. */
    public double high() {
        return high;
    }

    /** The edges e<sub>0</sub> … e<sub>n</sub>. */
    public double[] edges() {
        return edges.clone();
    }

    /** Whether {@code flops} is kept: low ≤ C ≤ high and e<sub>0</sub> ≤ C ≤ e<sub>n</sub>. */
    public boolean contains(double flops) {
        return flops >= low && flops <= high && flops >= edges[0] && flops <= edges[edges.length - 1];
    }

    /** The bucket holding {@code flops}, or −1 if it is not {@linkplain #contains kept}. */
    public int indexOf(double flops) {
        if (!contains(flops)) {
            return -1;
        }
        int bucket = 0;
        while (flops > edges[bucket + 1]) {
            bucket++;
        }
        return bucket;
    }
}
