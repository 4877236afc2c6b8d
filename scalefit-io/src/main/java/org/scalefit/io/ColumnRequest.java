package org.scalefit.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>A request may also say that some columns are counted in a larger unit ({@link #withUnits}, {@code --unit}): each
 * value x of such a column is read as f·x, f the unit's size (e.g. f = 10<sup>9</sup> for tokens written in billions),
 * before any value is checked and before the repeated-row check, so that every check, warning and analysis sees
 * counts. The row condition compares the file's own values.
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
 * @param units    requested numeric logical column (side columns too) → the size f of the unit its values are
 *                 counted in (positive, finite); each value x is read as f·x. In the order of
 *                 {@link ColumnMapping#LOGICAL_NAMES}
 */
public record ColumnRequest(List<String> required, List<String> optional, ColumnMapping mapping, String where,
                            Set<String> finite, Set<String> side, Map<String, Double> units) {

    /** The prefix of a row condition's label in a fit's recorded transforms ({@link #whereLabel}). */
    private static final String WHERE_LABEL = "where(";
    /** The prefix of a column's unit label in a fit's recorded transforms ({@link #unitLabel}). */
    private static final String UNIT_LABEL = "unit(";

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
        units = requireUnits(units);
        List<String> numbers = new ArrayList<>();
        for (String name : concat(required, optional)) {
            if (!ColumnMapping.TEXT_NAMES.contains(name)) {
                numbers.add(name);
            }
        }
        for (Map.Entry<String, Double> unit : units.entrySet()) {
            if (!numbers.contains(unit.getKey())) {
                throw new IllegalArgumentException(unitOption(unit.getKey(), unit.getValue()) + ": this analysis "
                        + "reads no " + unit.getKey() + " column (it reads " + String.join(", ", numbers) + ")");
            }
        }
    }

    /** The columns under {@code mapping} with the row condition {@code where} and no units, as in {@code side}. */
    public ColumnRequest(List<String> required, List<String> optional, ColumnMapping mapping, String where,
                         Set<String> finite, Set<String> side) {
        this(required, optional, mapping, where, finite, side, Map.of());
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
        return new ColumnRequest(required, concat(this.optional, more), mapping, where, finite, nextSide, units);
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
        return new ColumnRequest(required, concat(optional, more), mapping, where, finite, next, units);
    }

    /** A copy of this request that locates the columns with {@code mapping} instead. */
    public ColumnRequest withMapping(ColumnMapping mapping) {
        return new ColumnRequest(required, optional, mapping, where, finite, side, units);
    }

    /**
     * A copy of this request that keeps only the rows satisfying {@code condition} (null: every row).
     *
     * @throws IllegalArgumentException if the condition is blank, holds a {@code ;} or a SQL comment, or its
     *                                  parentheses or quotes are unbalanced: it must be one expression
     */
    public ColumnRequest withWhere(String condition) {
        return new ColumnRequest(required, optional, mapping, condition, finite, side, units);
    }

    /**
     * A copy of this request in which the values of the given requested columns need only be finite, of any sign
     * (e.g. the loss of a fit on the raw residual scale, where an exact 0 is a legitimate value).
     */
    public ColumnRequest withFiniteValues(String... columns) {
        Set<String> next = new HashSet<>(finite);
        next.addAll(List.of(columns));
        return new ColumnRequest(required, optional, mapping, where, next, side, units);
    }

    /**
     * A copy of this request in which each value x of the column {@code logical} is read as f·x, f =
     * {@code units.get(logical)}, the size of the unit the file counts it in (e.g. 1e9 for tokens in billions); it
     * replaces the units given before (empty: every column as the file gives it).
     *
     * @throws IllegalArgumentException if a factor is not a positive finite number, or names a column this request
     *                                  does not read as a number
     */
    public ColumnRequest withUnits(Map<String, Double> units) {
        return new ColumnRequest(required, optional, mapping, where, finite, side, units);
    }

    /**
     * {@code units} checked and in a fixed order — that of {@link ColumnMapping#LOGICAL_NAMES}, other names after
     * them by name — so that the same factors given in any order are one request, one provenance and one store key.
     *
     * @throws IllegalArgumentException if a factor is not a positive finite number, or a column is a text one
     */
    static Map<String, Double> requireUnits(Map<String, Double> units) {
        Map<String, Double> ordered = new LinkedHashMap<>();
        units.keySet().stream().sorted(Comparator.comparingInt((String name) -> {
            int index = ColumnMapping.LOGICAL_NAMES.indexOf(name);
            return index < 0 ? Integer.MAX_VALUE : index;
        }).thenComparing(Comparator.naturalOrder())).forEach(name -> {
            Double factor = units.get(name);
            if (factor == null || !(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException(unitOption(name, factor) + ": expected a positive finite number, "
                        + "the size of the unit the file counts " + name + " in (e.g. 1e9 for a column in billions)");
            }
            if (ColumnMapping.TEXT_NAMES.contains(name)) {
                throw new IllegalArgumentException(unitOption(name, factor) + ": " + name + " is a text column (each "
                        + "run's name); --unit multiplies a numeric column");
            }
            ordered.put(name, factor);
        });
        return Collections.unmodifiableMap(ordered);
    }

    /** The option that reads {@code logical} in units of {@code factor}: {@code --unit tokens=1e9}. */
    public static String unitOption(String logical, Double factor) {
        return "--unit " + logical + "=" + (factor == null ? "" : factorText(factor));
    }

    /**
     * A factor as the shortest decimal that reads back as it ({@code 1e9}, {@code 8.64e19}, {@code 0.001}, {@code 2}),
     * so that {@code 1000000000} and {@code 1e9} are recorded alike.
     */
    public static String factorText(double factor) {
        if (!Double.isFinite(factor)) {
            return Double.toString(factor);
        }
        return new BigDecimal(Double.toString(factor)).stripTrailingZeros().toString().toLowerCase(Locale.ROOT)
                .replace("e+", "e");
    }

    /** The label of a column's unit among a fit's recorded transforms: {@code unit(tokens=1e9)}. */
    public static String unitLabel(String logical, double factor) {
        return UNIT_LABEL + logical + "=" + factorText(factor) + ")";
    }

    /** The units recorded among {@code transforms} by {@link #unitLabel}, in order (empty if there are none). */
    public static Map<String, Double> unitsIn(List<String> transforms) {
        Map<String, Double> units = new LinkedHashMap<>();
        for (String label : transforms) {
            if (isUnitLabel(label)) {
                String pair = label.substring(UNIT_LABEL.length(), label.length() - 1);
                int equals = pair.indexOf('=');
                units.put(pair.substring(0, equals), Double.parseDouble(pair.substring(equals + 1)));
            }
        }
        return Collections.unmodifiableMap(units);
    }

    /** True if {@code label} is a column's unit label ({@link #unitLabel}). */
    public static boolean isUnitLabel(String label) {
        return label.startsWith(UNIT_LABEL) && label.endsWith(")") && label.indexOf('=') > UNIT_LABEL.length();
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
