package org.scalefit.io.analysis;

import java.util.List;
import java.util.Objects;
import org.scalefit.accounting.Architecture;
import org.scalefit.shapes.FeasibleShapes;

/**
 * Gemstones' feasible model shapes ({@code scalefit shapes --feasible}): the shapes w × d with 256 ≤ w ≤ 8192 a
 * multiple of 128 and 2 ≤ d ≤ 255 whose parameter count lies within a relative tolerance of a target size and that
 * satisfy the architecture's constraints ({@link FeasibleShapes}).
 *
 * @param architecture the architecture constants
 * @param targets      target sizes in parameters; empty for Gemstones' ({@link FeasibleShapes#GEMSTONES_TARGETS})
 * @param tolerance    relative size tolerance
 */
public record FeasibleShapesRequest(Architecture architecture, List<Double> targets, double tolerance) {

    public FeasibleShapesRequest {
        Objects.requireNonNull(architecture, "architecture");
        targets = targets.isEmpty() ? FeasibleShapes.GEMSTONES_TARGETS : List.copyOf(targets);
    }

    /** The enumeration. */
    public FeasibleShapesResult run() {
        return new FeasibleShapesResult(this, FeasibleShapes.enumerate(architecture, targets, tolerance, 256, 8192,
                128, 2, 255));
    }
}
