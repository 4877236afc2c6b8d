package org.scalefit.report;

import java.math.BigDecimal;
import java.util.Locale;
import org.scalefit.report.plot.AxisTicks;

/**
 * How report text writes numbers, the same everywhere and in any locale: {@code digits} significant digits, plain
 * between 10⁻³ and 10⁶ and m×10^k outside (e.g. {@code 3.142×10¹⁹}), trailing zeros dropped.
 */
public final class Numbers {

    private Numbers() {
    }

    /** {@code value} to {@code digits} significant digits; "NaN", "∞" and "−∞" for non-finite values. */
    public static String format(double value, int digits) {
        return format(value, digits, false);
    }

    /**
     * Values shown side by side (one legend, one column) in one notation, each to {@code digits} significant digits:
     * plain if {@link #format} writes every one of them plain, otherwise every one as m×10^k, so that 10⁻³ and 10⁻⁴
     * do not read as "0.001" beside "10⁻⁴".
     *
     * @return the text of each value, in the order given
     */
    public static java.util.List<String> formatTogether(double[] values, int digits) {
        boolean powers = false;
        for (double value : values) {
            powers |= Double.isFinite(value) && value != 0 && !plain(Math.abs(value), rounded(Math.abs(value), digits));
        }
        java.util.List<String> texts = new java.util.ArrayList<>(values.length);
        for (double value : values) {
            texts.add(format(value, digits, powers));
        }
        return java.util.List.copyOf(texts);
    }

    private static String format(double value, int digits, boolean powers) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        if (value == 0) {
            return "0";
        }
        String sign = value < 0 ? "−" : "";
        BigDecimal rounded = rounded(Math.abs(value), digits);
        if (!powers && plain(Math.abs(value), rounded)) {
            return sign + rounded.stripTrailingZeros().toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.scaleByPowerOfTen(-exponent).stripTrailingZeros();
        String power = AxisTicks.powerOfTen(exponent);
        return sign + (mantissa.compareTo(BigDecimal.ONE) == 0 ? power : mantissa.toPlainString() + "×" + power);
    }

    /** A positive magnitude rounded to {@code digits} significant digits. */
    private static BigDecimal rounded(double magnitude, int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("need at least one significant digit, got " + digits);
        }
        return new BigDecimal(String.format(Locale.ROOT, "%." + (digits - 1) + "e", magnitude));
    }

    /** Whether a magnitude is written plain: at least 10⁻³, and below 10⁶ once rounded. */
    private static boolean plain(double magnitude, BigDecimal rounded) {
        return magnitude >= 1e-3 && rounded.compareTo(BigDecimal.valueOf(1_000_000)) < 0;
    }

    /** {@code value} to 4 significant digits. */
    public static String format(double value) {
        return format(value, 4);
    }

    /** "value [low, high]", each to {@code digits} significant digits, e.g. a 95 % interval. */
    public static String withInterval(double value, double low, double high, int digits) {
        return format(value, digits) + " [" + format(low, digits) + ", " + format(high, digits) + "]";
    }

    /** A fixed number of decimals, e.g. R² 0.9876 or a percentage 12.3. */
    public static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return format(value, 1);
        }
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.startsWith("-") ? "−" + text.substring(1) : text;
    }
}
