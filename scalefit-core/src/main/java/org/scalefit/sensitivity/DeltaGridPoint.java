package org.scalefit.sensitivity;

import java.util.Objects;
import org.scalefit.fit.LawFit;

/**
 * One configuration of the δ × grid-size sensitivity analysis and the params/tokens law fitted with it
 * (Gemstones {@code slope_analysis.py}).
 *
 * @param delta the Huber threshold δ
 * @param grid  the start grid's subdivisions for the requested size
 * @param fit   the multi-start fit of L = E + A/N^α + B/D^β with that δ and grid
 */
public record DeltaGridPoint(double delta, ParamSearchArray grid, LawFit fit) {

    /**
     * What is fitted: a Huber threshold and a start grid.
     *
     * @param delta δ, positive and finite
     * @param grid  the subdivisions of the start grid
     */
    public record Configuration(double delta, ParamSearchArray grid) {

        public Configuration {
            if (!(delta > 0) || Double.isInfinite(delta)) {
                throw new IllegalArgumentException("Huber delta must be positive and finite, was " + delta);
            }
            Objects.requireNonNull(grid, "grid");
        }
    }

    /** The allocation slopes of the fitted law; NaN for both if no start converged. */
    public AllocationSlopes slopes() {
        return AllocationSlopes.of(fit);
    }
}
