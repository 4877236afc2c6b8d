package org.scalefit.data;

/**
 * The means and centred second moments of n paired values (x_i, y_i): x̄ = Σ x_i / n, ȳ = Σ y_i / n,
 * Sxx = Σ (x_i − x̄)², Sxy = Σ (x_i − x̄)(y_i − ȳ), Syy = Σ (y_i − ȳ)², each sum taken in index order (two passes:
 * the means first, then the centred sums, so every caller gets the same bits as the textbook loops).
 *
 * <p>From them: the least-squares slope Sxy / Sxx, Pearson's correlation Sxy / √(Sxx·Syy), the total sum of squares
 * Syy of R² = 1 − RSS / Syy, and numpy's population standard deviation √(Sxx / n).
 *
 * @param meanX x̄
 * @param meanY ȳ
 * @param sxx   Σ (x_i − x̄)²
 * @param sxy   Σ (x_i − x̄)(y_i − ȳ)
 * @param syy   Σ (y_i − ȳ)²
 */
public record CentredMoments(double meanX, double meanY, double sxx, double sxy, double syy) {

    /**
     * The moments of the pairs (x_i, y_i).
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static CentredMoments of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("need as many x as y values, got " + x.length + " and " + y.length);
        }
        int n = x.length;
        double meanX = mean(x);
        double meanY = mean(y);
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        return new CentredMoments(meanX, meanY, sxx, sxy, syy);
    }

    /** Σ v_i / n, summed in index order (NaN for no values). */
    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Σ (v_i − v̄)², v̄ = {@link #mean}, summed in index order: the total sum of squares of R². */
    public static double sumOfSquares(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum;
    }

    /** Pearson's correlation Sxy / √(Sxx·Syy); NaN when either variable has no spread. */
    public double correlation() {
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }
}
