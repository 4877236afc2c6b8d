package org.scalefit.shapes;

import java.io.Serializable;
import java.util.List;
import org.scalefit.law.FittedLaw;

/**
 * A law's per-bucket optima over a shape grid.
 *
 * @param law         the law minimised
 * @param optima      one optimum for each bucket holding at least one row, in bucket order
 * @param rowsInRange grid rows whose FLOPs fall in the buckets' range
 */
public record ShapeOptima(FittedLaw law, List<BucketOptimum> optima, long rowsInRange)
        implements Serializable {

    public ShapeOptima {
        optima = List.copyOf(optima);
    }
}
