package org.scalefit.io;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A number written as a user writes it and read back as the same double: the shortest decimal that parses back to
 * it exactly, plain between 10⁻² and 10⁵ ({@code 0.01}, {@code 123.5}, {@code 20}), {@code m e k} outside
 * ({@code 1e-3}, {@code 7e10}, {@code 1.23456789e8}), {@code 0} for zero, and "NaN", "Infinity", "-Infinity" as
 * Java writes and reads them. Unlike {@link Double#toString} ({@code 7.0E10}, {@code 20.0}) it adds no digit the
 * value does not need, and unlike {@code %g} it loses none, so that rows still join exactly on the numbers.
 */
public final class ExactDecimal {

    /** Decimal exponents written plain; outside them a number is m e k, as the command line takes it. */
    private static final int LOWEST_PLAIN_EXPONENT = -2;
    private static final int HIGHEST_PLAIN_EXPONENT = 4;

    private ExactDecimal() {
    }

    /** {@code value} as the shortest decimal that parses back to it exactly. */
    public static String of(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal shortest = shortest(value);
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent >= LOWEST_PLAIN_EXPONENT && exponent <= HIGHEST_PLAIN_EXPONENT) {
            return shortest.toPlainString();
        }
        BigDecimal mantissa = shortest.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }

    private static BigDecimal shortest(double value) {
        for (int digits = 1; digits < 17; digits++) {
            String text = String.format(Locale.ROOT, "%." + (digits - 1) + "e", value);
            if (Double.parseDouble(text) == value) {
                return new BigDecimal(text).stripTrailingZeros();
            }
        }
        return new BigDecimal(String.format(Locale.ROOT, "%.16e", value)).stripTrailingZeros();
    }
}
