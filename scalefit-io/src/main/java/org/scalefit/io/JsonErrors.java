package org.scalefit.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * What a JSON parser's failure tells a user: the parser's own message, without its advice on parser options (which
 * a user of the command line cannot set), and a non-number such as {@code NaN} or {@code Infinity} — what Python's
 * {@code json.dump} writes for float('nan') — named as what it is.
 */
final class JsonErrors {

    private static final Pattern NON_NUMBER = Pattern.compile("Non-standard token '([^']*)'");
    private static final Pattern ADVICE = Pattern.compile(":? *enable `[^`]*` to allow.*$", Pattern.DOTALL);

    private JsonErrors() {
    }

    /** The "found" part of an {@link InputException} for {@code e}. */
    static String found(JacksonException e) {
        String message = e.getOriginalMessage() == null ? e.getMessage() : e.getOriginalMessage();
        Matcher nonNumber = NON_NUMBER.matcher(message);
        if (nonNumber.find()) {
            return nonNumber.group(1) + ", which JSON has no number for (Python's json.dump writes it for a "
                    + "non-finite float): give a finite number, or leave the entry out";
        }
        return ADVICE.matcher(message).replaceFirst("").strip();
    }
}
