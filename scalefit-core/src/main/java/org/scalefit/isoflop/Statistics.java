package org.scalefit.isoflop;

import java.util.Arrays;
import org.scalefit.data.CentredMoments;

/** numpy's median, population standard deviation and linear quantile, as the IsoFLOP analysis uses them. */
final class Statistics {

    private Statistics() {
    }

    /** {@code np.median}: the middle value, or the mean of the two middle values. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** {@code np.std} with ddof 0. */
    static double populationSd(double[] values) {
        return Math.sqrt(CentredMoments.sumOfSquares(values) / values.length);
    }

    /** {@code np.quantile(values, q)} (linear interpolation, Hyndman–Fan type 7). */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantileOfSorted(sorted, q);
    }

    /**
     * {@code np.quantile(values, [0.025, 0.975])}: the two quantiles of a 95 % interval from one sorted copy (each
     * is what {@link #quantile} gives: the same order statistics, the same interpolation).
     */
    static double[] interval95(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new double[] {quantileOfSorted(sorted, 0.025), quantileOfSorted(sorted, 0.975)};
    }

    static double quantileOfSorted(double[] sorted, double q) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double position = q * (n - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, n - 1);
        double fraction = position - low;
        return sorted[low] + (sorted[high] - sorted[low]) * fraction;
    }
}
