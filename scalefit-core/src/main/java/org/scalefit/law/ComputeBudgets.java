package org.scalefit.law;

/**
 * Training-compute budgets at which an allocation, a law's loss or a band is evaluated: {@code count} budgets from
 * {@code low} to {@code high}, equally spaced in log C (numpy's {@code geomspace}, with both ends exact). The one
 * grid the analyses (allocation bands of a fitted law) and the figures that draw them share, so that a band computed
 * in an analysis lies on the budgets the figure draws its line at.
 */
public final class ComputeBudgets {

    private ComputeBudgets() {
    }

    /**
     * {@code count} budgets from {@code low} to {@code high}, log-spaced: C_i = exp(ln low + i·(ln high − ln low)/(count
     * − 1)), the first exactly {@code low} and the last exactly {@code high}.
     *
     * @throws IllegalArgumentException unless 0 &lt; low ≤ high and count ≥ 2
     */
    public static double[] logSpaced(double low, double high, int count) {
        if (!(low > 0) || !(high >= low) || count < 2) {
            throw new IllegalArgumentException("need 0 < low ≤ high and at least 2 points, got [" + low + ", " + high
                    + "], " + count);
        }
        double[] points = new double[count];
        double from = Math.log(low);
        double step = (Math.log(high) - from) / (count - 1);
        for (int i = 0; i < count; i++) {
            points[i] = i == count - 1 ? high : Math.exp(from + i * step);
        }
        points[0] = low;
        return points;
    }
}
