package org.scalefit.shapes;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The best model shape for a FLOPs budget C when its tokens are scaled by √f: one point of Gemstones' overtraining
 * parabola ({@code overtrained_single_parabola.py}, {@code get_new_row}), found by {@link OvertrainingParabola#solve}.
 *
 * <p>With t the budget's tokens, t′ = t·√f and the shape (w, d) minimising the law at flops_per_token(w, d) = C/t′:
 * {@link #shape()} holds w, d, t′, the relaxed parameter count Ñ(w, d), C′ = flops_per_token(w, d)·t′ (= C up to
 * rounding) and L̂(w, d, Ñ, t′). The "undertrained" losses (Gemstones' name, computed by it, not plotted) evaluate the
 * same shape on the optimum's t tokens, t = t′/√f: for f &gt; 1 fewer tokens and FLOPs than the budget, for f &lt; 1
 * more (C/√f &gt; C), so below f = 1 they are not undertrained; the printout calls them "at t*".
 *
 * @param factor                 the overtraining factor f (tokens grow by √f, the model shrinks to keep C)
 * @param budget                 the FLOPs budget C
 * @param shape                  the constrained optimum on t′ tokens and its predicted loss
 * @param undertrainedLoss       L̂(w, d, Ñ, t): the minimised law on the original tokens
 * @param secondLoss             a second law (e.g. params/tokens) at (w, d, Ñ, t′), if one was given
 * @param secondUndertrainedLoss the second law at (w, d, Ñ, t), if one was given
 * @param edge                   whether the shape is at "the edge of the box", width ≤ {@value
 *                               OvertrainingParabola#EDGE_WIDTH} or depth ≤ {@value OvertrainingParabola#EDGE_DEPTH}:
 *                               Gemstones drops such rows, here they are kept and flagged
 */
public record OvertrainedShape(double factor, double budget, ShapePoint shape, double undertrainedLoss,
                               OptionalDouble secondLoss, OptionalDouble secondUndertrainedLoss, boolean edge) {

    public OvertrainedShape {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(secondLoss, "secondLoss");
        Objects.requireNonNull(secondUndertrainedLoss, "secondUndertrainedLoss");
    }

    /** The FLOPs-per-token target C / t′ the shape meets. */
    public double flopsPerTokenTarget() {
        return budget / shape.tokens();
    }

    /** |C′/C − 1|: how closely the shape spends the budget (rounding only). */
    public double flopsRelativeError() {
        return Math.abs(shape.flops() / budget - 1);
    }
}
