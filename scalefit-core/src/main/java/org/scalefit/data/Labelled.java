package org.scalefit.data;

import java.util.List;
import java.util.stream.Stream;

/**
 * A choice with a short name that command lines and result files use (e.g. {@code pairs}, {@code gpu-hours}), and
 * the one look-up of an enum constant by that name.
 */
public interface Labelled {

    /** The short name of this choice. */
    String label();

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
