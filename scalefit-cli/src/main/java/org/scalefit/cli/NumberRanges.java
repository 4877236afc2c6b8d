package org.scalefit.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.shapes.OvertrainingParabola;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Numbers on the command line in one syntax for every command (picocli type converters): a range's bounds
 * {@code LOW:HIGH} ({@code shapes --flops 1e18:1e26}), and lists of values, each item a number or a log-spaced range
 * {@code LOW:HIGH[:FACTOR]} — LOW, LOW·FACTOR, LOW·FACTOR², … up to HIGH, FACTOR 10 unless given — so that
 * {@code --compute 1e21:1e24} is {@code 1e21,1e22,1e23,1e24} and {@code 1e21:1e22:2} is {@code 1e21,2e21,4e21,8e21};
 * and powers of two {@code LOW:HIGH} ({@code parabola --factors -4:4}).
 */
final class NumberRanges {

    /** At most this many values come from one list, so that a typo cannot ask for billions. */
    static final int MAX_VALUES = 10_000;

    private NumberRanges() {
    }

    /** The bounds {@code LOW:HIGH} of a range, {@code low ≤ high}. */
    record Bounds(double low, double high) {
        Bounds {
            if (!(low <= high)) {
                throw new IllegalArgumentException("LOW must not exceed HIGH, got " + low + ":" + high);
            }
        }
    }

    /** Values in the order given. */
    record Values(List<Double> values) {
        Values {
            values = List.copyOf(values);
        }
    }

    /** Converts {@code LOW:HIGH}. */
    static final class BoundsConverter implements ITypeConverter<Bounds> {
        @Override
        public Bounds convert(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length != 2) {
                throw new TypeConversionException("expected LOW:HIGH (two numbers), got '" + text + "'");
            }
            try {
                return new Bounds(number(parts[0], text), number(parts[1], text));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage() + " in '" + text + "'");
            }
        }
    }

    /** Converts a comma-separated list of numbers and {@code LOW:HIGH[:FACTOR]} ranges. */
    static final class ValuesConverter implements ITypeConverter<Values> {
        @Override
        public Values convert(String text) {
            List<Double> values = new ArrayList<>();
            for (String item : text.split(",", -1)) {
                String[] parts = item.split(":", -1);
                if (parts.length == 1) {
                    values.add(number(parts[0], text));
                } else if (parts.length == 2 || parts.length == 3) {
                    double low = number(parts[0], text);
                    double high = number(parts[1], text);
                    double factor = parts.length == 3 ? number(parts[2], text) : 10;
                    values.addAll(logSpaced(low, high, factor, item));
                } else {
                    throw new TypeConversionException("expected a number or LOW:HIGH[:FACTOR], got '" + item + "'");
                }
                if (values.size() > MAX_VALUES) {
                    throw new TypeConversionException("'" + text + "' gives more than " + MAX_VALUES + " values");
                }
            }
            return new Values(values);
        }

        private static List<Double> logSpaced(double low, double high, double factor, String item) {
            if (!(low > 0) || !(high >= low) || !(factor > 1)) {
                throw new TypeConversionException("a range LOW:HIGH[:FACTOR] needs 0 < LOW ≤ HIGH and FACTOR > 1, "
                        + "got '" + item + "'");
            }
            // in decimal, then rounded once, so that LOW·FACTOR^k is the double nearest the decimal value
            BigDecimal start = BigDecimal.valueOf(low);
            BigDecimal step = BigDecimal.valueOf(factor);
            double slack = high * 1e-12;
            List<Double> values = new ArrayList<>();
            for (int k = 0; values.size() <= MAX_VALUES; k++) {
                double value = Double.parseDouble(start.multiply(step.pow(k)).toString());
                if (value > high + slack) {
                    break;
                }
                values.add(Math.abs(value - high) <= slack ? high : value);
            }
            return values;
        }
    }

    /**
     * The powers of two 2^LOW, 2^(LOW+1), …, 2^HIGH of {@code text}, {@code LOW:HIGH} two integers.
     *
     * @throws IllegalArgumentException naming {@code option} if {@code text} is not of that form
     */
    static List<Double> powersOfTwo(String option, String text) {
        String[] parts = text.split(":");
        try {
            if (parts.length == 2) {
                return OvertrainingParabola.powersOfTwo(Integer.parseInt(parts[0].trim()),
                        Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " expects LOW:HIGH (two integer powers of two), got '" + text
                + "'");
    }

    private static double number(String part, String whole) {
        try {
            double value = Double.parseDouble(part.trim());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + part.trim() + "' in '" + whole + "' is not a finite number");
        }
    }
}
