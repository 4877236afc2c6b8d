package org.scalefit.report.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The visible range of an axis and its labelled ticks, chosen for a data range [min, max].
 *
 * <ul>
 *   <li>Linear: the range padded by 4 % each side; ticks at multiples of the step 1, 2 or 5 × 10^k that gives the
 *       number of ticks nearest six; an end that this leaves unlabelled over more than {@value #END_GAP} of the axis
 *       is moved out to the next multiple of the step when that is less than a quarter step away (2.506 … 4.61 in
 *       steps of 0.5 is drawn from 2.5, so that its bottom is labelled).</li>
 *   <li>Log: the range padded by 4 % of its decades each side; ticks at powers of ten labelled 10^k (every
 *       ⌈n/8⌉-th decade when there are many) when at least five fall inside; at 1 and 3 × 10^k (half decades, so
 *       that a reader sees the scale from more than three labels) when three or four do; otherwise at as many
 *       one-digit values m × 10^k as read well — 1, then 2 and 5, then 3, then 4, 6, 7, 8, 9, up to seven ticks
 *       (more while three or fewer would remain), none within 5 % of the axis of another (0.68 … 5 shows 0.7, 0.8,
 *       1, 2, 3, 4, 5; 15 … 140 shows 20, 30, 50, 100); a range holding fewer than three of those is widened, one
 *       side at a time, to the nearer one-digit value outside it until it holds three (2.5 … 4.3 shows as 2.5 … 5:
 *       ticks 3, 4, 5; 2.2 … 2.8 as 2 … 4). On axes not ticked at powers of ten alone, an end left unlabelled over
 *       more than {@value #END_GAP} of the axis' decades gets the one-digit value nearest it inside the axis, so that
 *       a reader sees where the axis ends. Log ticks are always m × 10^k with an integer m, the only places XChart
 *       puts log ticks.</li>
 *   <li>A log axis over less than a factor of {@value #NARROW_LOG_RATIO} is drawn linear ({@link #of}).</li>
 * </ul>
 * Labels are plain decimals between 10⁻³ and 10⁵ and m×10^k outside, with Unicode superscript exponents, so that
 * both renderers print the same text.
 *
 * @param scale  the axis scale
 * @param low    the lowest visible value
 * @param high   the highest visible value
 * @param values the tick values, increasing, all within [low, high]
 * @param labels the text of each tick
 */
public record AxisTicks(Scale scale, double low, double high, double[] values, List<String> labels) {

    private static final double PADDING = 0.04;
    /** The fewest labelled ticks a log axis shows: a reader needs three to see the scale. */
    static final int MIN_LOG_TICKS = 3;
    /** A log axis over less than this factor is drawn linear (see {@link #of}). */
    static final double NARROW_LOG_RATIO = 3;
    /** A log axis holding at least this many powers of ten ticks only those; with three or four, also 3 × 10^k. */
    static final int POWERS_ONLY = 5;
    /** A log axis holding fewer than three powers of ten has at most this many ticks (its one-digit values). */
    static final int MAX_MANTISSA_TICKS = 7;
    /** The least distance between two one-digit ticks, as a fraction of the axis' decades (labels must not touch). */
    static final double MIN_LOG_GAP = 0.05;
    /** The most of an axis (log: not ticked at powers of ten alone) left unlabelled at an end, as a fraction. */
    static final double END_GAP = 0.12;
    /** The one-digit mantissas in the order they are added to a log axis under three decades. */
    private static final int[][] MANTISSA_RANKS = {{1}, {2, 5}, {3}, {4, 6, 7, 8, 9}};
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    public AxisTicks {
        values = values.clone();
        labels = List.copyOf(labels);
    }

    /**
     * Ticks for data spanning [min, max] (min ≤ max, positive on a log axis). A log axis over less than a factor of
     * {@value #NARROW_LOG_RATIO} is drawn linear ({@link #scale()} says which): over such a span the two scales differ
     * little, and a log axis can be ticked only at one-digit values m × 10^k, which leaves it three labels over a
     * widened range (2.1 … 3.4 shown as 2 … 4) where a linear one has about six (2.2, 2.4, …, 3.4).
     */
    public static AxisTicks of(Scale scale, double min, double max) {
        if (!scale.accepts(min) || !scale.accepts(max) || min > max) {
            throw new IllegalArgumentException("no " + scale + " axis can span [" + min + ", " + max + "]");
        }
        if (scale == Scale.LOG && max < NARROW_LOG_RATIO * min) {
            return linear(min, max);
        }
        return scale == Scale.LOG ? logarithmic(min, max) : linear(min, max);
    }

    private static AxisTicks linear(double min, double max) {
        double span = max - min;
        if (span == 0) {
            span = min == 0 ? 1 : Math.abs(min) * 0.2;
        }
        double low = (min == max ? min - span / 2 : min) - PADDING * span;
        double high = (min == max ? max + span / 2 : max) + PADDING * span;
        AxisTicks ticks = new AxisTicksBuilder(Scale.LINEAR, low, high).linearSteps(low, high, 6).build();
        if (ticks.values.length < 2) {
            return ticks;
        }
        double step = ticks.values[1] - ticks.values[0];
        BigDecimal exactStep = new BigDecimal(Double.toString(ticks.values[1])).subtract(
                new BigDecimal(Double.toString(ticks.values[0])));
        double below = BigDecimal.valueOf((long) Math.floor(low / step + 1e-9)).multiply(exactStep).doubleValue();
        double above = BigDecimal.valueOf((long) Math.ceil(high / step - 1e-9)).multiply(exactStep).doubleValue();
        boolean lowOut = ticks.values[0] - low > END_GAP * (high - low) && low - below < step / 4;
        boolean highOut = high - ticks.values[ticks.values.length - 1] > END_GAP * (high - low)
                && above - high < step / 4;
        if (!lowOut && !highOut) {
            return ticks;
        }
        double wideLow = lowOut ? below : low;
        double wideHigh = highOut ? above : high;
        return new AxisTicksBuilder(Scale.LINEAR, wideLow, wideHigh).linearSteps(wideLow, wideHigh, 6).build();
    }

    private static AxisTicks logarithmic(double min, double max) {
        double logMin = Math.log10(min);
        double logMax = Math.log10(max);
        if (logMax - logMin < 1e-9) {
            logMin -= 0.1;
            logMax += 0.1;
        }
        double pad = PADDING * (logMax - logMin);
        double low = Math.pow(10, logMin - pad);
        double high = Math.pow(10, logMax + pad);
        AxisTicksBuilder ticks = new AxisTicksBuilder(Scale.LOG, low, high);
        int first = (int) Math.ceil(Math.log10(low) - 1e-12);
        int last = (int) Math.floor(Math.log10(high) + 1e-12);
        int decades = last - first + 1;
        if (decades >= POWERS_ONLY) {
            int every = (int) Math.ceil(decades / 8.0);
            for (int k = first; k <= last; k++) {
                if (Math.floorMod(k, every) == 0) {
                    ticks.add(BigDecimal.ONE.scaleByPowerOfTen(k).doubleValue(), powerOfTen(k));
                }
            }
            return ticks.build();
        }
        if (decades >= 3) {
            for (int k = first - 1; k <= last; k++) {
                for (int m : new int[] {1, 3}) {
                    double value = new BigDecimal(m).scaleByPowerOfTen(k).doubleValue();
                    if (value >= low * (1 - 1e-12) && value <= high * (1 + 1e-12)) {
                        ticks.add(value, label(value));
                    }
                }
            }
            return withEndTicks(ticks.build());
        }
        AxisTicks widened = mantissaTicks(low, high);
        while (widened.values.length < MIN_LOG_TICKS) {
            double below = oneDigitBelow(low);
            double above = oneDigitAbove(high);
            if (Math.log10(low / below) < Math.log10(above / high)) {
                low = below;
            } else {
                high = above;
            }
            widened = mantissaTicks(low, high);
        }
        return withEndTicks(widened);
    }

    /**
     * {@code ticks} with a labelled value near each end: where the outermost tick lies more than {@value #END_GAP} of
     * the axis' decades from its end, the one-digit value nearest that end inside the axis (⌊high⌋ or ⌈low⌉ to one
     * significant digit) is added, unless it would lie within {@value #MIN_LOG_GAP} of a tick (2·10⁹ the highest tick
     * of an axis up to 4.4·10⁹ leaves its top fifth unlabelled: 4·10⁹ is added).
     */
    private static AxisTicks withEndTicks(AxisTicks ticks) {
        double span = Math.log10(ticks.high / ticks.low);
        TreeSet<Double> values = new TreeSet<>();
        for (double value : ticks.values) {
            values.add(value);
        }
        double top = roundedDown(ticks.high);
        if (Math.log10(ticks.high / values.last()) > END_GAP * span && apart(values, top, MIN_LOG_GAP * span)) {
            values.add(top);
        }
        double bottom = roundedUp(ticks.low);
        if (Math.log10(values.first() / ticks.low) > END_GAP * span && apart(values, bottom, MIN_LOG_GAP * span)) {
            values.add(bottom);
        }
        AxisTicksBuilder kept = new AxisTicksBuilder(Scale.LOG, ticks.low, ticks.high);
        values.forEach(value -> kept.add(value, label(value)));
        return kept.build();
    }

    /** The largest one-digit value m × 10^k (m = 1 … 9) strictly below {@code value}. */
    private static double oneDigitBelow(double value) {
        double down = roundedDown(value);
        if (down < value * (1 - 1e-12)) {
            return down;
        }
        int k = (int) Math.floor(Math.log10(down) + 1e-12);
        long m = Math.round(down / Math.pow(10, k));
        return m > 1 ? new BigDecimal(m - 1).scaleByPowerOfTen(k).doubleValue()
                : new BigDecimal(9).scaleByPowerOfTen(k - 1).doubleValue();
    }

    /** The smallest one-digit value m × 10^k (m = 1 … 9) strictly above {@code value}. */
    private static double oneDigitAbove(double value) {
        double up = roundedUp(value);
        if (up > value * (1 + 1e-12)) {
            return up;
        }
        int k = (int) Math.floor(Math.log10(up) + 1e-12);
        long m = Math.round(up / Math.pow(10, k));
        return m < 9 ? new BigDecimal(m + 1).scaleByPowerOfTen(k).doubleValue()
                : BigDecimal.ONE.scaleByPowerOfTen(k + 1).doubleValue();
    }

    /**
     * Ticks at the one-digit values m × 10^k in [low, high], added a rank of mantissas at a time — 1; then 2 and 5;
     * then 3; then 4, 6, 7, 8, 9 — while the ticks number at most {@value #MAX_MANTISSA_TICKS}, a value being left
     * out when it lies within {@value #MIN_LOG_GAP} of the axis' decades of a tick already taken (9 beside 10 on an
     * axis over a decade). Ranks are taken beyond that number while there are no more than {@value #MIN_LOG_TICKS}
     * ticks (1.5·10⁹ … 7·10¹¹: 10¹⁰ and 10¹¹ alone are too few, so 2 and 5 × 10^k join them, eight ticks; 3.1 … 13:
     * 3, 5, 10 are few, so 4, 6, 7, 8, 9 join them).
     */
    private static AxisTicks mantissaTicks(double low, double high) {
        double minGap = MIN_LOG_GAP * Math.log10(high / low);
        int first = (int) Math.floor(Math.log10(low));
        int last = (int) Math.floor(Math.log10(high));
        TreeSet<Double> taken = new TreeSet<>();
        for (int[] rank : MANTISSA_RANKS) {
            TreeSet<Double> next = new TreeSet<>(taken);
            for (int k = first; k <= last; k++) {
                for (int m : rank) {
                    double value = new BigDecimal(m).scaleByPowerOfTen(k).doubleValue();
                    if (value >= low * (1 - 1e-12) && value <= high * (1 + 1e-12) && apart(next, value, minGap)) {
                        next.add(value);
                    }
                }
            }
            if (next.size() > MAX_MANTISSA_TICKS && taken.size() > MIN_LOG_TICKS) {
                break;
            }
            taken = next;
        }
        AxisTicksBuilder ticks = new AxisTicksBuilder(Scale.LOG, low, high);
        taken.forEach(value -> ticks.add(value, label(value)));
        return ticks.build();
    }

    /** Whether {@code value} lies at least {@code gap} decades from every value of {@code ticks}. */
    private static boolean apart(TreeSet<Double> ticks, double value, double gap) {
        Double below = ticks.floor(value);
        Double above = ticks.ceiling(value);
        return (below == null || Math.log10(value / below) >= gap)
                && (above == null || Math.log10(above / value) >= gap);
    }

    /** v rounded down to one significant digit, m × 10^k with m = ⌊v / 10^k⌋. */
    private static double roundedDown(double value) {
        int k = (int) Math.floor(Math.log10(value));
        return new BigDecimal(Math.floor(value / Math.pow(10, k) + 1e-12)).scaleByPowerOfTen(k).doubleValue();
    }

    /** v rounded up to one significant digit, m × 10^k with m = ⌈v / 10^k⌉. */
    private static double roundedUp(double value) {
        int k = (int) Math.floor(Math.log10(value));
        return new BigDecimal(Math.ceil(value / Math.pow(10, k) - 1e-12)).scaleByPowerOfTen(k).doubleValue();
    }

    /** The tick label of a value: a plain decimal in [10⁻³, 10⁵), else m×10^k (1×10^k written 10^k). */
    public static String label(double value) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e5) {
            return plain(value);
        }
        int exponent = (int) Math.floor(Math.log10(magnitude) + 1e-12);
        double mantissa = value / Math.pow(10, exponent);
        if (Math.abs(Math.abs(mantissa) - 1) < 1e-9) {
            return (value < 0 ? "−" : "") + powerOfTen(exponent);
        }
        return plain(mantissa).replace('-', '−') + "×" + powerOfTen(exponent);
    }

    /** 10 with a superscript exponent, e.g. 10¹⁹. */
    public static String powerOfTen(int exponent) {
        StringBuilder text = new StringBuilder("10");
        if (exponent < 0) {
            text.append('⁻');
        }
        for (char digit : Integer.toString(Math.abs(exponent)).toCharArray()) {
            text.append(SUPERSCRIPT_DIGITS.charAt(digit - '0'));
        }
        return text.toString();
    }

    /** A decimal with at most 4 significant digits and no trailing zeros. */
    private static String plain(double value) {
        String text = new BigDecimal(String.format(Locale.ROOT, "%.4g", value).trim()).stripTrailingZeros()
                .toPlainString();
        return text.startsWith("-") ? "−" + text.substring(1) : text;
    }

    /** Where {@code value} lies in the visible range: 0 at low, 1 at high (on the axis' scale). */
    public double fraction(double value) {
        double from = scale.transform(low);
        double to = scale.transform(high);
        return (scale.transform(value) - from) / (to - from);
    }

    /** Whether every tick is a power of ten (a log axis spanning three decades or more). */
    public boolean powersOfTen() {
        if (scale != Scale.LOG || values.length == 0) {
            return false;
        }
        for (double value : values) {
            double exponent = Math.log10(value);
            if (Math.abs(exponent - Math.rint(exponent)) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Collects ticks in increasing order. */
    private static final class AxisTicksBuilder {
        private final Scale scale;
        private final double low;
        private final double high;
        private final List<Double> values = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();

        AxisTicksBuilder(Scale scale, double low, double high) {
            this.scale = scale;
            this.low = low;
            this.high = high;
        }

        AxisTicksBuilder add(double value, String label) {
            values.add(value);
            labels.add(label);
            return this;
        }

        int size() {
            return values.size();
        }

        /** Ticks at multiples of the 1, 2 or 5 × 10^k step that puts nearest {@code count} in [from, to]. */
        AxisTicksBuilder linearSteps(double from, double to, int count) {
            double span = to - from;
            double power = Math.pow(10, Math.floor(Math.log10(span / count)));
            double step = power;
            for (double nice : new double[] {1, 2, 5, 10}) {
                if (Math.abs(span / (nice * power) - count) < Math.abs(span / step - count)) {
                    step = nice * power;
                }
            }
            long firstIndex = (long) Math.ceil(from / step - 1e-9);
            long lastIndex = (long) Math.floor(to / step + 1e-9);
            for (long i = firstIndex; i <= lastIndex; i++) {
                double value = new BigDecimal(i).multiply(new BigDecimal(Double.toString(step))).doubleValue();
                if (value >= from && value <= to && (scale == Scale.LINEAR || value > 0)) {
                    add(value, label(value));
                }
            }
            return this;
        }

        AxisTicks build() {
            return new AxisTicks(scale, low, high, values.stream().mapToDouble(Double::doubleValue).toArray(),
                    labels);
        }
    }
}
