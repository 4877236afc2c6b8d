package org.scalefit.frontier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An ordinary least-squares line through (ln x, ln y): ln y = slope·ln x + intercept, i.e. y = e^intercept·x^slope
 * (Gemstones {@code approach_1.py}: {@code np.polyfit(np.log(x), np.log(y), 1)}), with its coefficient of
 * determination R² = 1 − SS_res/SS_tot on the log scale and, optionally, percentile intervals from a pairs
 * bootstrap (resample the points with replacement, refit; resamples whose x are all equal are skipped).
 *
 * <p>Through two points the line is exact (R² = 1, or NaN for equal y), and every resample that can be fitted is the
 * same two points, so a bootstrap would give a zero-width interval that measures nothing. Such a fit has no
 * interval and says so in {@link #warnings()}.
 *
 * @param slope              the exponent
 * @param intercept          the natural log of the prefactor
 * @param rSquared           R² of the fit in log space (1 when the points are collinear; NaN when y is constant)
 * @param points             how many points were fitted
 * @param slopeInterval      [low, high] percentile interval of the slope, or empty without a bootstrap
 * @param interceptInterval  [low, high] percentile interval of the intercept, or empty without a bootstrap
 * @param resamples          bootstrap resamples used (0 without a bootstrap)
 */
public record LogLogFit(double slope, double intercept, double rSquared, int points, double[] slopeInterval,
                        double[] interceptInterval, int resamples) {

    /** Distinct resamples a 95 % percentile interval needs to have one in each 2.5 % tail: 1/0.025. */
    private static final int RESAMPLES_FOR_TAILS = 40;

    public LogLogFit {
        slopeInterval = slopeInterval.clone();
        interceptInterval = interceptInterval.clone();
    }

    /**
     * Fits ln y on ln x.
     *
     * @throws IllegalArgumentException for fewer than two points, non-positive or non-finite values, or x all equal
     */
    public static LogLogFit of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("a power law needs at least 2 points to fit, got " + x.length);
        }
        double[] lx = new double[x.length];
        double[] ly = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0) || !(y[i] > 0) || Double.isInfinite(x[i]) || Double.isInfinite(y[i])) {
                throw new IllegalArgumentException("point " + i + " = (" + x[i] + ", " + y[i] + "): a log-log fit needs "
                        + "positive finite values");
            }
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
        }
        double[] line = line(lx, ly, identity(x.length));
        if (line == null) {
            throw new IllegalArgumentException("all " + x.length + " points have the same x = " + x[0]
                    + ": the slope is undefined");
        }
        return new LogLogFit(line[0], line[1], rSquared(lx, ly, line), x.length, new double[0], new double[0], 0);
    }

    /**
     * This fit with percentile intervals at {@code confidence} from {@code resamples} pairs-bootstrap resamples;
     * without intervals through two points (see the class comment).
     */
    public static LogLogFit withBootstrap(double[] x, double[] y, int resamples, double confidence, long seed) {
        LogLogFit fit = of(x, y);
        if (resamples < 1 || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("need resamples ≥ 1 and 0 < confidence < 1, got " + resamples + " and "
                    + confidence);
        }
        if (fit.points < 3) {
            return fit;
        }
        double[] lx = new double[x.length];
        double[] ly = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] slopes = new double[resamples];
        double[] intercepts = new double[resamples];
        int used = 0;
        int[] sample = new int[x.length];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = random.nextInt(sample.length);
            }
            double[] line = line(lx, ly, sample);
            if (line != null) {
                slopes[used] = line[0];
                intercepts[used] = line[1];
                used++;
            }
        }
        if (used == 0) {
            return fit;
        }
        double tail = (1 - confidence) / 2;
        return new LogLogFit(fit.slope, fit.intercept, fit.rSquared, fit.points,
                percentiles(Arrays.copyOf(slopes, used), tail), percentiles(Arrays.copyOf(intercepts, used), tail), used);
    }

    /**
     * What makes this fit weaker than its numbers look, in words; empty when nothing does: a line through two points
     * (exact, no interval); y the same at every point (R² undefined); and a bootstrap of so few points that it has
     * fewer than {@value #RESAMPLES_FOR_TAILS} distinct resamples, C(2n − 1, n) for n points (35 for 4 points, 126
     * for 5), too few to put even one in each 2.5 % tail of a 95 % interval.
     */
    public List<String> warnings() {
        if (points < 3) {
            return List.of("a line through " + points + " points is exact: its R² says nothing and it has no "
                    + "interval; the slope is only as good as those two runs");
        }
        List<String> warnings = new ArrayList<>();
        if (Double.isNaN(rSquared)) {
            warnings.add("y is the same at all " + points + " points: the slope is 0 and R² is undefined");
        }
        long distinct = distinctResamples(points);
        if (resamples > 0 && distinct < RESAMPLES_FOR_TAILS) {
            warnings.add("a bootstrap of " + points + " points has only " + distinct + " distinct resamples: the "
                    + "interval's ends rest on one or two of them");
        }
        return warnings;
    }

    /** C(2n − 1, n), the number of distinct multisets of n draws from n points, or Long.MAX_VALUE past 30 points. */
    private static long distinctResamples(int n) {
        if (n > 30) {
            return Long.MAX_VALUE;
        }
        long c = 1;
        for (int i = 1; i <= n; i++) {
            c = c * (n - 1 + i) / i;
        }
        return c;
    }

    /** y predicted at x: e^intercept·x^slope. */
    public double predict(double x) {
        return Math.exp(intercept + slope * Math.log(x));
    }

    /** [slope, intercept] of the least-squares line through the sampled points; null if their x are all equal. */
    private static double[] line(double[] lx, double[] ly, int[] sample) {
        double meanX = 0;
        double meanY = 0;
        for (int i : sample) {
            meanX += lx[i];
            meanY += ly[i];
        }
        meanX /= sample.length;
        meanY /= sample.length;
        double sxx = 0;
        double sxy = 0;
        for (int i : sample) {
            double dx = lx[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (ly[i] - meanY);
        }
        if (!(sxx > 0)) {
            return null;
        }
        double slope = sxy / sxx;
        return new double[] {slope, meanY - slope * meanX};
    }

    private static double rSquared(double[] lx, double[] ly, double[] line) {
        double mean = Arrays.stream(ly).average().orElse(Double.NaN);
        double residual = 0;
        double total = 0;
        for (int i = 0; i < lx.length; i++) {
            double r = ly[i] - (line[0] * lx[i] + line[1]);
            residual += r * r;
            total += (ly[i] - mean) * (ly[i] - mean);
        }
        return total > 0 ? 1 - residual / total : Double.NaN;
    }

    /** Linear-interpolation percentiles (numpy's default) at tail and 1 − tail. */
    private static double[] percentiles(double[] values, double tail) {
        Arrays.sort(values);
        return new double[] {percentile(values, tail), percentile(values, 1 - tail)};
    }

    private static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static int[] identity(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    @Override
    public double[] slopeInterval() {
        return slopeInterval.clone();
    }

    @Override
    public double[] interceptInterval() {
        return interceptInterval.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogLogFit that && slope == that.slope && intercept == that.intercept
                && points == that.points && Arrays.equals(slopeInterval, that.slopeInterval)
                && Arrays.equals(interceptInterval, that.interceptInterval) && resamples == that.resamples;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(slope) * 31 + Double.hashCode(intercept);
    }
}
