package org.scalefit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The range of the runs a law was fitted on: per input its smallest and largest value, and for a law of
 * {@code params} and {@code tokens} (or {@code params} and {@code tokens_per_param}, M = D/N, as Gadre et al.'s law
 * reads them: 6·N·D = 6·N²·M) the largest run's compute 6·N·D. A law is a description of those runs; a
 * prediction or allocation far outside them is an extrapolation the data do not test. The rule: a value more than
 * {@value #FAR_DECADES} order of magnitude beyond the range (above the largest or below the smallest) is reported,
 * with how many orders of magnitude it lies beyond.
 *
 * @param inputs         the inputs' logical names, in the law's order
 * @param lows           the smallest value of each input
 * @param highs          the largest value of each input
 * @param largestCompute max over the runs of 6·params·tokens ({@link #computeOf}); NaN when the inputs are neither
 *                       params and tokens nor params and tokens_per_param
 */
public record InputRange(List<String> inputs, double[] lows, double[] highs, double largestCompute) {

    /** Orders of magnitude beyond the fitted range from which a value is reported as an extrapolation. */
    public static final double FAR_DECADES = 1;
    /** The input of tokens per parameter, M = D/N (Gadre et al.'s over-training law). */
    private static final String TOKENS_PER_PARAM = "tokens_per_param";

    public InputRange {
        inputs = List.copyOf(inputs);
        lows = lows.clone();
        highs = highs.clone();
        if (lows.length != inputs.size() || highs.length != inputs.size()) {
            throw new IllegalArgumentException(inputs.size() + " inputs but " + lows.length + " lows and "
                    + highs.length + " highs");
        }
    }

    /** The range of {@code observations}, or null when there are none. */
    public static InputRange of(Observations observations) {
        return ofColumns(observations.inputNames(), observations.inputColumns());
    }

    /**
     * The range of the points whose input {@code names.get(j)} is {@code columns[j]} (one value per point), or null
     * when there are no points.
     */
    public static InputRange ofColumns(List<String> names, double[][] columns) {
        int k = names.size();
        if (columns.length != k) {
            throw new IllegalArgumentException(k + " names but " + columns.length + " columns");
        }
        int n = k == 0 ? 0 : columns[0].length;
        if (n == 0) {
            return null;
        }
        double[] lows = new double[k];
        double[] highs = new double[k];
        Arrays.fill(lows, Double.POSITIVE_INFINITY);
        Arrays.fill(highs, Double.NEGATIVE_INFINITY);
        double largest = Double.NEGATIVE_INFINITY;
        double[] point = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                lows[j] = Math.min(lows[j], columns[j][i]);
                highs[j] = Math.max(highs[j], columns[j][i]);
                point[j] = columns[j][i];
            }
            largest = Math.max(largest, computeOf(names, point));
        }
        return new InputRange(names, lows, highs, hasCompute(names) ? largest : Double.NaN);
    }

    /**
     * The training compute 6·N·D of the point {@code x} (in the order of {@link #inputs}): 6·params·tokens, or
     * 6·params²·tokens_per_param for a law of N and M = D/N; NaN when the inputs are neither pair, or a value the
     * product needs is NaN.
     */
    public double computeOf(double[] x) {
        return computeOf(inputs, x);
    }

    private static boolean hasCompute(List<String> names) {
        return names.contains("params") && (names.contains("tokens") || names.contains(TOKENS_PER_PARAM));
    }

    private static double computeOf(List<String> names, double[] x) {
        int params = names.indexOf("params");
        int tokens = names.indexOf("tokens");
        int ratio = names.indexOf(TOKENS_PER_PARAM);
        if (params < 0) {
            return Double.NaN;
        }
        return tokens >= 0 ? 6 * x[params] * x[tokens] : ratio >= 0 ? 6 * x[params] * x[params] * x[ratio]
                : Double.NaN;
    }

    /**
     * What is said, once per use of a law, when the range of the runs {@code law} was fitted on is unknown
     * ({@code why}, e.g. a reference law or a fit file that does not record it): no value can be judged an
     * extrapolation, and silence would read as "none is".
     */
    public static String unknown(String law, String why) {
        return "the range of the runs " + law + " was fitted on is unknown (" + why + "), so extrapolation cannot be "
                + "checked";
    }

    /**
     * Why a budget of {@code compute} FLOPs is an extrapolation: it lies more than {@value #FAR_DECADES} order of
     * magnitude beyond the largest run's 6·N·D. Empty when it does not, or when the range has no compute.
     */
    public Optional<String> beyondCompute(double compute) {
        if (Double.isNaN(largestCompute) || !(compute > 0)) {
            return Optional.empty();
        }
        double decades = Math.log10(compute / largestCompute);
        if (decades <= FAR_DECADES) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "extrapolation: C = %.3g is %.1f orders of magnitude beyond "
                + "the largest run's 6·N·D = %.3g; the law is untested there", compute, decades, largestCompute));
    }

    /**
     * Why the compute-optimal allocation {@code params}, {@code tokens} at {@code compute} FLOPs is an extrapolation:
     * the budget's own {@link #beyondCompute} when it lies far beyond the largest run, else {@link #beyond} of the
     * allocation's params and tokens, or tokens per parameter for a law of M = D/N (a small budget allocates a model
     * and token count far below the runs').
     */
    public List<String> beyondAllocation(double compute, double params, double tokens) {
        Optional<String> budget = beyondCompute(compute);
        if (budget.isPresent()) {
            return List.of(budget.get());
        }
        double[] x = new double[inputs.size()];
        Arrays.fill(x, Double.NaN);
        int p = inputs.indexOf("params");
        int t = inputs.indexOf("tokens");
        int m = inputs.indexOf(TOKENS_PER_PARAM);
        if (p < 0 || t < 0 && m < 0) {
            return List.of();
        }
        x[p] = params;
        if (t >= 0) {
            x[t] = tokens;
        } else {
            x[m] = tokens / params;
        }
        return beyond(x);
    }

    /**
     * How many orders of magnitude each input of the point {@code x} (in the order of {@link #inputs}) lies outside
     * the range: log<sub>10</sub>(x<sub>j</sub>/high<sub>j</sub>) &gt; 0 above the largest fitted value,
     * −log<sub>10</sub>(low<sub>j</sub>/x<sub>j</sub>) &lt; 0 below the smallest, 0 within; NaN for a value that is
     * not positive (not judged).
     */
    public double[] decadesOutside(double[] x) {
        Objects.requireNonNull(x, "x");
        if (x.length != inputs.size()) {
            throw new IllegalArgumentException(x.length + " values for " + inputs.size() + " inputs");
        }
        double[] outside = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            outside[j] = !(x[j] > 0) ? Double.NaN : x[j] > highs[j] ? Math.log10(x[j] / highs[j])
                    : x[j] < lows[j] ? -Math.log10(lows[j] / x[j]) : 0;
        }
        return outside;
    }

    /**
     * Why the point {@code x} (in the order of {@link #inputs}) is an extrapolation: each input more than
     * {@value #FAR_DECADES} order of magnitude above the largest or below the smallest fitted value
     * ({@link #decadesOutside}), with how far.
     */
    public List<String> beyond(double[] x) {
        double[] outside = decadesOutside(x);
        List<String> found = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            if (outside[j] > FAR_DECADES) {
                found.add(String.format(Locale.ROOT, "extrapolation: %s = %.3g is %.1f orders of magnitude beyond the "
                        + "largest fitted %s = %.3g; the law is untested there", inputs.get(j), x[j], outside[j],
                        inputs.get(j), highs[j]));
            } else if (-outside[j] > FAR_DECADES) {
                found.add(String.format(Locale.ROOT, "extrapolation: %s = %.3g is %.1f orders of magnitude below the "
                        + "smallest fitted %s = %.3g; the law is untested there", inputs.get(j), x[j], -outside[j],
                        inputs.get(j), lows[j]));
            }
        }
        return found;
    }

    /**
     * Why the point {@code x} (in the order of {@link #inputs}) is an extrapolation: {@link #beyond} of each input, and
     * its compute 6·N·D ({@link #computeOf}) when it lies more than {@value #FAR_DECADES} order of magnitude beyond the
     * largest run's — a point each of whose inputs lies within an order of magnitude of the runs' can still lie two
     * beyond them in compute, as a budget that far out would ({@link #beyondCompute}).
     */
    public List<String> beyondPoint(double[] x) {
        List<String> found = new ArrayList<>(beyond(x));
        double compute = computeOf(x);
        if (!Double.isNaN(largestCompute) && compute > 0) {
            double decades = Math.log10(compute / largestCompute);
            if (decades > FAR_DECADES) {
                found.add(String.format(Locale.ROOT, "extrapolation: the point's compute 6·N·D = %.3g is %.1f orders "
                        + "of magnitude beyond the largest run's 6·N·D = %.3g; the law is untested there", compute,
                        decades, largestCompute));
            }
        }
        return found;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InputRange that && inputs.equals(that.inputs) && Arrays.equals(lows, that.lows)
                && Arrays.equals(highs, that.highs)
                && Double.doubleToLongBits(largestCompute) == Double.doubleToLongBits(that.largestCompute);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputs, Arrays.hashCode(lows), Arrays.hashCode(highs), largestCompute);
    }

    @Override
    public String toString() {
        return "InputRange" + inputs + " " + Arrays.toString(lows) + ".." + Arrays.toString(highs)
                + " C≤" + largestCompute;
    }
}
