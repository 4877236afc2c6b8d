package org.scalefit.shapes;

import java.io.Serializable;

/**
 * The grid row of least predicted loss in one FLOPs bucket (Gemstones' per-bucket {@code idxmin}: the first such
 * row in width, depth, tokens order when several tie).
 *
 * @param bucket     the bucket's index in its {@link FlopBuckets}
 * @param lowerFlops the bucket's lower edge (excluded, except for the first bucket)
 * @param upperFlops the bucket's upper edge (included)
 * @param point      the optimal row
 */
public record BucketOptimum(int bucket, double lowerFlops, double upperFlops, ShapePoint point)
        implements Serializable {
}
