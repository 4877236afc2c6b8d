package org.scalefit.fit;

/** A local method the multi-start engine runs from each start: {@link Lbfgs} or {@link TrustRegionNewton}. */
interface LocalMinimizer {

    /**
     * Minimises f from {@code x}, which is overwritten with the final point, calling {@code monitor} after every
     * accepted step.
     */
    LbfgsOutcome minimize(DifferentiableObjective f, double[] x, Lbfgs.IterationMonitor monitor);

    /** Minimises f from {@code x} without a monitor. */
    default LbfgsOutcome minimize(DifferentiableObjective f, double[] x) {
        return minimize(f, x, (iteration, point, value) -> false);
    }
}
