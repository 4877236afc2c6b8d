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
 * <p>Side columns ({@link #withSideColumns}) are optional columns read beside the table for a caution about it (e.g.
 * each run's unique tokens, {@link org.scalefit.data.RepeatedTokens}): present or not, good values or bad, they
 * neither fail the read nor enter the table or its recorded columns; whether they are requested does not change the
 * repeated-row check, which compares the file's identifying columns whatever is read
 * ({@link TableReader#IDENTIFYING_QUANTITIES}).
 *
 * @param required logical columns that must be present, in the order the table should list them
 * @param optional logical columns read if present, listed after the required ones
 * @param mapping  logical name → file column
 * @param where    the row condition, or null for every row
 * @param finite   requested logical columns whose values need only be finite
 * @param side     optional columns read beside the table ({@link TableReader.Read#side}); one read from the file
 *                 column of another requested column is not read (that column is read as requested)
 */
public record ColumnRequest(List<String> required, List<String> optional, ColumnMapping mapping, String where,
                            Set<String> finite, Set<String> side) {

    /** The prefix of a row condition's label in a fit's recorded transforms ({@link #whereLabel}). */
    private static final String WHERE_LABEL = "where(";

    public ColumnRequest {
        if (where != null) {
            requireCondition(where);
        }
        Objects.requireNonNull(mapping, "mapping");
        required = List.copyOf(required);
        Set<String> sideKept = new HashSet<>();
        List<String> optionalKept = new ArrayList<>();
        for (String name : optional) {
            if (!side.contains(name)) {
                optionalKept.add(name);
            }
        }
        for (String name : optional) {
            String inFile = mapping.fileColumn(name);
            if (side.contains(name) && concat(required, optionalKept).stream()
                    .noneMatch(other -> mapping.fileColumn(other).equals(inFile))) {
                optionalKept.add(name);
                sideKept.add(name);
            }
        }
        optional = optional.stream().filter(optionalKept::contains).toList();
        side = Set.copyOf(sideKept);
        finite = Set.copyOf(finite);
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
        this(required, optional, mapping, where, Set.of(), Set.of());
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
        Set<String> nextSide = new HashSet<>(side);
        List<String> more = new ArrayList<>();
        for (String name : optional) {
            if (nextSide.remove(name)) {
                continue;   // a side column asked for as an ordinary one is read as one
            }
            more.add(name);
        }
        return new ColumnRequest(required, concat(this.optional, more), mapping, where, finite, nextSide);
    }

    /**
     * A copy of this request that also reads the given columns beside the table when the file has them
     * ({@link TableReader.Read#side}, {@link TableReader.Read#text} for a text one): a value that is not a positive
     * finite number is read as NaN, and they take no part in the table or its recorded columns, and do not change its
     * repeated-row check. A text one (a run's name) is read only when a numeric one is: it tells their rows' runs
     * apart. A name already requested is read as requested.
     */
    public ColumnRequest withSideColumns(String... columns) {
        List<String> more = new ArrayList<>();
        Set<String> next = new HashSet<>(side);
        for (String name : columns) {
            if (!all().contains(name) && !more.contains(name)) {
                more.add(name);
                next.add(name);
            }
        }
        return new ColumnRequest(required, concat(optional, more), mapping, where, finite, next);
    }

    /** A copy of this request that locates the columns with {@code mapping} instead. */
    public ColumnRequest withMapping(ColumnMapping mapping) {
        return new ColumnRequest(required, optional, mapping, where, finite, side);
    }

    /**
     * A copy of this request that keeps only the rows satisfying {@code condition} (null: every row).
     *
     * @throws IllegalArgumentException if the condition is blank, holds a {@code ;} or a SQL comment, or its
     *                                  parentheses or quotes are unbalanced: it must be one expression
     */
    public ColumnRequest withWhere(String condition) {
        return new ColumnRequest(required, optional, mapping, condition, finite, side);
    }

    /**
     * A copy of this request in which the values of the given requested columns need only be finite, of any sign
     * (e.g. the loss of a fit on the raw residual scale, where an exact 0 is a legitimate value).
     */
    public ColumnRequest withFiniteValues(String... columns) {
        Set<String> next = new HashSet<>(finite);
        next.addAll(List.of(columns));
        return new ColumnRequest(required, optional, mapping, where, next, side);
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
