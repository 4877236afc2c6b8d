package org.scalefit.law.expr;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a law's parameter means, as a range of values: inside [lower, upper] θ is what the law says it is (e.g. a decay
 * constant, which is positive); outside, the law still computes — the range is no bound on the fit, whose starts and
 * bounds are the law's {@link ParameterSpec} — but it then says something else, which {@code outside} states in
 * words. Law-level knowledge, given where a law is defined ({@link NamedLaws}); a fit that ends outside warns
 * ({@link #warning}).
 *
 * @param parameter the parameter's name
 * @param lower     the smallest meaningful value (−∞ for none)
 * @param upper     the largest meaningful value (+∞ for none)
 * @param meaning   what the parameter is inside the range, as a clause ("the decay constant of …")
 * @param outside   what the law says when the parameter is outside the range, and what to do
 */
public record ParameterMeaning(String parameter, double lower, double upper, String meaning, String outside)
        implements Serializable {

    public ParameterMeaning {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(outside, "outside");
        if (Double.isNaN(lower) || Double.isNaN(upper) || !(lower < upper)) {
            throw new IllegalArgumentException("parameter " + parameter + ": a meaningful range needs lower < upper, "
                    + "was [" + lower + ", " + upper + "]");
        }
    }

    /** Values θ &gt; {@code lower} (and any above) are meaningful. */
    public static ParameterMeaning above(String parameter, double lower, String meaning, String outside) {
        return new ParameterMeaning(parameter, lower, Double.POSITIVE_INFINITY, meaning, outside);
    }

    /**
     * The warning for θ = {@code value}: "implausible: NAME = value is below/above BOUND, but it is MEANING; OUTSIDE";
     * empty inside the range (and for a value that is not a number).
     */
    public Optional<String> warning(double value) {
        if (!(value < lower || value > upper)) {
            return Optional.empty();
        }
        boolean below = value < lower;
        return Optional.of(String.format(Locale.ROOT, "implausible: %s = %.6g is %s %s, but %s is %s; %s",
                parameter, value, below ? "below" : "above", plain(below ? lower : upper), parameter, meaning,
                outside));
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound)
                : String.format(Locale.ROOT, "%.6g", bound);
    }
}
