package org.scalefit.cli;

import java.math.BigDecimal;
import java.util.Locale;
import org.scalefit.law.expr.Penalty;

/**
 * How every command's text output writes the things they share, one way each: an exact number (the shortest decimal
 * that reads back as the same double, e.g. {@code 1e-3}, {@code 2.5e-4}, {@code 0.01}, {@code 4e9}), the Huber
 * threshold ({@code δ = 1e-3}), a penalty and the name of the minimised quantity ({@link #OBJECTIVE}; "loss" is a
 * model's loss, never the objective).
 */
final class Wording {

    /** The name of the quantity a fit minimises, F = Σ_i w_i·ρ(r_i). */
    static final String OBJECTIVE = "objective";

    /** Decimal exponents written plain; outside them a number is m e k, as the options take it ({@code 1e-3}). */
    private static final int LOWEST_PLAIN_EXPONENT = -2;
    private static final int HIGHEST_PLAIN_EXPONENT = 4;

    private Wording() {
    }

    /**
     * The shortest decimal that parses back to {@code value} exactly: plain between 10⁻² and 10⁵ ({@code 0.01},
     * {@code 123.5}), {@code m e k} outside ({@code 1e-3}, {@code 1.24e11}), {@code 0} for zero, and "NaN",
     * "Infinity", "-Infinity" as Java writes and reads them.
     */
    static String exact(double value) {
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

    /** The Huber threshold as every command prints it: {@code δ = 1e-3}. */
    static String delta(double delta) {
        return "δ = " + exact(delta);
    }

    /** A penalty: {@code huber, δ = 1e-3}, {@code squared}, {@code over-estimate, δ = 1e-3, κ = 10}. */
    static String penalty(Penalty penalty) {
        if (penalty instanceof Penalty.Huber huber) {
            return "huber, " + delta(huber.delta());
        }
        if (penalty instanceof Penalty.OverEstimate over) {
            return "over-estimate, " + delta(over.delta()) + ", κ = " + exact(over.kappa());
        }
        return penalty.toString();
    }

    /**
     * The one-line error on standard error of a command whose data cannot identify the law: the reasons are part of
     * the result on standard output and are not repeated.
     *
     * @param where the command, and the data where it says more, e.g. {@code scalefit bootstrap: runs.csv}
     */
    static String notIdentified(String where) {
        return where + ": the data cannot identify the law (the reasons are in the result on standard output)";
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
