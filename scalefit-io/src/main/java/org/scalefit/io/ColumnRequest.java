package org.scalefit.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The logical columns a caller wants from a run table: the required ones (reading fails without them), the optional
 * ones (read when the file has them, silently left out when it does not), and the {@link ColumnMapping} that says
 * where each lives in the file.
 *
 * <pre>{@code
 * ColumnRequest.of("params", "tokens", "loss").withOptional("width", "depth")
 * }</pre>
 *
 * @param required logical columns that must be present, in the order the table should list them
 * @param optional logical columns read if present, listed after the required ones
 * @param mapping  logical name → file column
 */
public record ColumnRequest(List<String> required, List<String> optional, ColumnMapping mapping) {

    public ColumnRequest {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
        Objects.requireNonNull(mapping, "mapping");
        if (required.isEmpty() && optional.isEmpty()) {
            throw new IllegalArgumentException("a column request needs at least one column");
        }
        Set<String> logical = new HashSet<>();
        Set<String> inFile = new HashSet<>();
        for (String name : concat(required, optional)) {
            if (!logical.add(name)) {
                throw new IllegalArgumentException("column '" + name + "' is requested twice");
            }
            if (!inFile.add(mapping.fileColumn(name))) {
                throw new IllegalArgumentException("two requested columns are both read from file column '"
                        + mapping.fileColumn(name) + "'");
            }
        }
    }

    /** The given columns, all required, located with {@link ColumnMapping#defaults()}. */
    public static ColumnRequest of(String... required) {
        return new ColumnRequest(List.of(required), List.of(), ColumnMapping.defaults());
    }

    /** A copy of this request that also reads the given columns when the file has them. */
    public ColumnRequest withOptional(String... optional) {
        return new ColumnRequest(required, concat(this.optional, List.of(optional)), mapping);
    }

    /** A copy of this request that locates the columns with {@code mapping} instead. */
    public ColumnRequest withMapping(ColumnMapping mapping) {
        return new ColumnRequest(required, optional, mapping);
    }

    /** Required then optional logical columns, in order. */
    public List<String> all() {
        return concat(required, optional);
    }

    /** Whether {@code logical} must be present. */
    public boolean isRequired(String logical) {
        return required.contains(logical);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
