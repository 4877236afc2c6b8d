package org.scalefit.report.plot;

import java.util.Arrays;

/**
 * A shaded interval around a series: at the series' i-th x, the band spans [lower[i], upper[i]] (e.g. a bootstrap
 * percentile interval of the quantity the series shows).
 *
 * @param lower the lower edge, one value per point of the series
 * @param upper the upper edge, one value per point of the series
 */
public record Band(double[] lower, double[] upper) {

    public Band {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("a band has " + lower.length + " lower but " + upper.length
                    + " upper values");
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /** Number of points. */
    public int size() {
        return lower.length;
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Band that && Arrays.equals(lower, that.lower) && Arrays.equals(upper, that.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return "Band[" + lower.length + " points]";
    }
}
