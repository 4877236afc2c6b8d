package org.scalefit.io;

import java.util.List;
import org.scalefit.data.InputRange;
import org.scalefit.shapes.ShapePoint;

/**
 * Whether a prescribed model shape lies outside the runs its law was fitted on: the rule of {@link InputRange#beyond}
 * (more than {@value InputRange#FAR_DECADES} order of magnitude above the largest or below the smallest fitted value)
 * applied to the shape's width, depth, tokens and params, each judged where the law reads an input of that name.
 * Shared by {@code scalefit shapes} and {@code scalefit parabola}, so that they say it in the words of predict and
 * allocate.
 */
public final class ShapeExtrapolations {

    private ShapeExtrapolations() {
    }

    /** Why {@code point} is an extrapolation of a law fitted on runs of {@code range}; empty when it is not. */
    public static List<String> of(InputRange range, ShapePoint point) {
        double[] x = new double[range.inputs().size()];
        for (int j = 0; j < x.length; j++) {
            x[j] = switch (range.inputs().get(j)) {
                case "width" -> point.width();
                case "depth" -> point.depth();
                case "tokens" -> point.tokens();
                case "params" -> point.params();
                default -> Double.NaN;
            };
        }
        return range.beyond(x);
    }
}
