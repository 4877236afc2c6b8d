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
 * <p>A request may also keep only the rows that satisfy a condition ({@link #withWhere}): a SQL boolean expression
 * over the file's own columns, typed as DuckDB reads them (e.g. {@code tokens >= 1e9 AND run_name LIKE 'PyGemma%'});
 * a row for which it is false or NULL is left out before any value is checked.
 *
 * <p>Every numeric value must be a positive finite number, except in the columns named {@link #finite}, whose values
 * need only be finite (zero and negative values are kept): the values a law is fitted to on the raw residual scale,
 * where no logarithm is taken of them ({@link #withFiniteValues}).
 *
 * @param required logical columns that must be present, in the order the table should list them
 * @param optional logical columns read if present, listed after the required ones
 * @param mapping  logical name → file column
 * @param where    the row condition, or null for every row
 * @param finite   requested logical columns whose values need only be finite
 */
public record ColumnRequest(List<String> required, List<String> optional, ColumnMapping mapping, String where,
                            Set<String> finite) {

    /** The prefix of a row condition's label in a fit's recorded transforms ({@link #whereLabel}). */
    private static final String WHERE_LABEL = "where(";

    public ColumnRequest {
        if (where != null) {
            requireCondition(where);
        }
        required = List.copyOf(required);
        optional = List.copyOf(optional);
        finite = Set.copyOf(finite);
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
        for (String name : finite) {
            if (!logical.contains(name)) {
                throw new IllegalArgumentException("column '" + name + "' may hold any finite value but is not "
                        + "requested");
            }
        }
    }

    /** The columns under {@code mapping} with the row condition {@code where}, every value positive. */
    public ColumnRequest(List<String> required, List<String> optional, ColumnMapping mapping, String where) {
        this(required, optional, mapping, where, Set.of());
    }

    /** The columns under {@code mapping}, every row. */
    public ColumnRequest(List<String> required, List<String> optional, ColumnMapping mapping) {
        this(required, optional, mapping, null);
    }

    /** The given columns, all required, located with {@link ColumnMapping#defaults()}. */
    public static ColumnRequest of(String... required) {
        return new ColumnRequest(List.of(required), List.of(), ColumnMapping.defaults());
    }

    /** A copy of this request that also reads the given columns when the file has them. */
    public ColumnRequest withOptional(String... optional) {
        return new ColumnRequest(required, concat(this.optional, List.of(optional)), mapping, where, finite);
    }

    /** A copy of this request that locates the columns with {@code mapping} instead. */
    public ColumnRequest withMapping(ColumnMapping mapping) {
        return new ColumnRequest(required, optional, mapping, where, finite);
    }

    /**
     * A copy of this request that keeps only the rows satisfying {@code condition} (null: every row).
     *
     * @throws IllegalArgumentException if the condition is blank, holds a {@code ;} or a SQL comment, or its
     *                                  parentheses or quotes are unbalanced: it must be one expression
     */
    public ColumnRequest withWhere(String condition) {
        return new ColumnRequest(required, optional, mapping, condition, finite);
    }

    /**
     * A copy of this request in which the values of the given requested columns need only be finite, of any sign
     * (e.g. the loss of a fit on the raw residual scale, where an exact 0 is a legitimate value).
     */
    public ColumnRequest withFiniteValues(String... columns) {
        Set<String> next = new HashSet<>(finite);
        next.addAll(List.of(columns));
        return new ColumnRequest(required, optional, mapping, where, next);
    }

    /** The label of row condition {@code where} among a fit's recorded transforms: {@code where(CONDITION)}. */
    public static String whereLabel(String where) {
        return WHERE_LABEL + where + ")";
    }

    /** The row condition recorded among {@code transforms} by {@link #whereLabel}, or null if there is none. */
    public static String whereIn(List<String> transforms) {
        for (String label : transforms) {
            if (isWhereLabel(label)) {
                return label.substring(WHERE_LABEL.length(), label.length() - 1);
            }
        }
        return null;
    }

    /** True if {@code label} is a row condition's label ({@link #whereLabel}). */
    public static boolean isWhereLabel(String label) {
        return label.startsWith(WHERE_LABEL) && label.endsWith(")");
    }

    /** A single SQL expression: not blank, no statement separator or comment, balanced parentheses and quotes. */
    private static void requireCondition(String condition) {
        String problem = null;
        if (condition.isBlank()) {
            problem = "it is blank";
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < condition.length() && problem == null; i++) {
            char c = condition.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                problem = "a ')' at column " + (i + 1) + " closes nothing";
            } else if (c == ';') {
                problem = "a ';' at column " + (i + 1) + " (one condition, not statements)";
            } else if (condition.startsWith("--", i) || condition.startsWith("/*", i)) {
                problem = "a SQL comment at column " + (i + 1);
            }
        }
        if (problem == null && quote != 0) {
            problem = "a " + quote + " quote is not closed";
        } else if (problem == null && depth > 0) {
            problem = depth + " '(' not closed";
        }
        if (problem != null) {
            throw new IllegalArgumentException("--where '" + condition + "': expected one SQL condition over the "
                    + "file's columns (e.g. \"tokens >= 1e9 AND loss < 4\"), but " + problem);
        }
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
