package org.scalefit.data;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A choice with a short name that command lines and result files use (e.g. {@code pairs}, {@code gpu-hours}), and
 * the one look-up of an enum constant by that name. An enum's label is by default its constant's name in lower case
 * with hyphens for underscores ({@code GPU_HOURS} → {@code gpu-hours}).
 */
public interface Labelled {

    /** The constant's name (an enum's {@link Enum#name()}). */
    String name();

    /** The short name of this choice: by default {@link #name()} in lower case, {@code _} → {@code -}. */
    default String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} whose {@link #label()} equals {@code label}.
     *
     * @param what what the labels name, for the message (e.g. "resampling scheme")
     * @throws IllegalArgumentException if there is none: "unknown WHAT 'LABEL'; expected a, b or c"
     */
    static <E extends Enum<E> & Labelled> E byLabel(Class<E> type, String label, String what) {
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (constant.label().equals(label)) {
                return constant;
            }
        }
        List<String> labels = Stream.of(constants).map(Labelled::label).toList();
        String expected = labels.size() == 1 ? labels.get(0) : String.join(", ", labels.subList(0, labels.size() - 1))
                + " or " + labels.get(labels.size() - 1);
        throw new IllegalArgumentException("unknown " + what + " '" + label + "'; expected " + expected);
    }
}
