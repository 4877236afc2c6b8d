package org.scalefit.report.plot;

/** How an axis maps values to positions: linearly, or by log₁₀ (values ≤ 0 cannot be shown). */
public enum Scale {
    /** position ∝ value. */
    LINEAR,
    /** position ∝ log₁₀ value; only positive values are drawn. */
    LOG;

    /** Whether {@code value} can be placed on an axis of this scale: finite, and positive on a log axis. */
    public boolean accepts(double value) {
        return Double.isFinite(value) && (this == LINEAR || value > 0);
    }

    /** The coordinate the axis is linear in: the value, or its log₁₀. */
    public double transform(double value) {
        return this == LOG ? Math.log10(value) : value;
    }

    /** The inverse of {@link #transform}. */
    public double inverse(double coordinate) {
        return this == LOG ? Math.pow(10, coordinate) : coordinate;
    }
}
