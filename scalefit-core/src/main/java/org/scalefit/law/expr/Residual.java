package org.scalefit.law.expr;

/** The scale on which a law's prediction L̂ is compared with an observed loss L. */
public enum Residual {
    /**
     * r = log L − log L̂, as Hoffmann et al. (2022 §D.2) and Besiroglu et al. (2024 eq. 1) fit; needs L &gt; 0, and a
     * point where L̂ ≤ 0 makes the objective undefined (NaN).
     */
    LOG,
    /** r = L − L̂, for losses that may be zero or negative (e.g. differences, or Gadre et al.'s least squares). */
    RAW;

    /** r of an observed loss L and a prediction L̂ on this scale. */
    public double of(double observed, double predicted) {
        return this == LOG ? Math.log(observed) - Math.log(predicted) : observed - predicted;
    }
}
