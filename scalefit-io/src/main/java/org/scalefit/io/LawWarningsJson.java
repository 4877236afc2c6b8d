package org.scalefit.io;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The warnings of the fit a law came from ({@link org.scalefit.law.FittedLaw#warnings}) in a result document computed
 * from that law: the field {@value #FIELD}, an array of strings, present only when there are warnings, so that a
 * shape, parabola, allocation, bootstrap or prediction document carries the caveats of its law beside its numbers.
 */
public final class LawWarningsJson {

    /** The field's name. */
    public static final String FIELD = "law_warnings";

    private LawWarningsJson() {
    }

    /** Adds {@value #FIELD} with {@code warnings} to {@code node}, unless there are none. */
    public static void put(ObjectNode node, List<String> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        ArrayNode array = node.putArray(FIELD);
        warnings.forEach(array::add);
    }
}
