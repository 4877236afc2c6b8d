package org.scalefit.io;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.scalefit.data.RowLocation;

/**
 * Input that scalefit cannot use: a missing or unreadable file, a malformed table, a missing column, or a value
 * that is not a positive finite number (or not a finite number, where a column may hold any sign). The message names the place and says what was expected and what was found,
 * for example
 * <pre>data.csv:17: column 'final_loss': expected a positive finite number, found "abc"
 * data.parquet, row 16: column 'final_loss': expected a positive finite number, found "nan"
 * law.json: field 'parameters.gamma': expected a parameter of the expression, found a name the expression does
 *   not use</pre>
 * A run table (CSV, JSONL, Parquet) has columns; a document (a JSON or YAML fit, law or result file) has fields,
 * named by their path ({@link #field}).
 *
 * <p>{@link #line()} is the 1-based line of a JSONL or CSV file (the header of a CSV file is line 1), or the
 * 1-based row of a Parquet file, as {@link #locations()} says; it is empty when the problem concerns the whole file.
 * The place is written by {@link RowLocation#in}.
 */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final RowLocation locations;
    private final Integer line;
    private final String name;
    private final boolean documentField;
    private final String expected;
    private final String found;

    /**
     * @param file     the file path or dataset id, as the user gave it
     * @param line     1-based line (or Parquet row), or {@code null} if the problem concerns the whole file
     * @param column   the column in the file, or {@code null} if the problem concerns no single column
     * @param expected what scalefit needs, phrased to follow "expected"
     * @param found    what is there instead, phrased to follow "found"
     */
    public InputException(String file, Integer line, String column, String expected, String found) {
        this(file, line, column, expected, found, null);
    }

    /** As {@link #InputException(String, Integer, String, String, String)}, keeping the underlying cause. */
    public InputException(String file, Integer line, String column, String expected, String found, Throwable cause) {
        this(file, RowLocation.LINE, line, column, expected, found, cause);
    }

    /**
     * A problem at {@code place} of a file whose rows are located as {@code locations} says: a line of a text file
     * or a row of a Parquet file.
     *
     * @param locations whether {@code place} is a line or a Parquet row
     * @param place     1-based line or row, or {@code null} if the problem concerns the whole file
     */
    public InputException(String file, RowLocation locations, Integer place, String column, String expected,
                          String found) {
        this(file, locations, place, column, expected, found, null);
    }

    /** As {@link #InputException(String, RowLocation, Integer, String, String, String)}, keeping the cause. */
    public InputException(String file, RowLocation locations, Integer place, String column, String expected,
                          String found, Throwable cause) {
        this(file, locations, place, column, false, expected, found, cause);
    }

    private InputException(String file, RowLocation locations, Integer place, String name, boolean documentField,
                           String expected, String found, Throwable cause) {
        this(file, locations, place, name, documentField,
                name == null ? null : (documentField ? "field '" : "column '") + name + "'", expected, found, cause);
    }

    private InputException(String file, RowLocation locations, Integer place, String name, boolean documentField,
                           String shownPlace, String expected, String found, Throwable cause) {
        this(file, locations, place, name, documentField, shownPlace, expected, found, null, cause);
    }

    private InputException(String file, RowLocation locations, Integer place, String name, boolean documentField,
                           String shownPlace, String expected, String found, String hint, Throwable cause) {
        super(message(file, Objects.requireNonNull(locations, "locations"), place, shownPlace, expected, found)
                + (hint == null ? "" : "; " + hint), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.locations = locations;
        this.line = place;
        this.name = name;
        this.documentField = documentField;
        this.expected = Objects.requireNonNull(expected, "expected");
        this.found = Objects.requireNonNull(found, "found");
    }

    /**
     * A problem in a document (a JSON or YAML file of fields, not a run table): the message names {@code field}, the
     * field's path such as {@code parameters.alpha}, as a field.
     *
     * @param line  1-based line of the document, or {@code null} if the problem concerns no single line
     * @param field the field's path, or {@code null} if the problem concerns the whole document
     */
    public static InputException field(String file, Integer line, String field, String expected, String found) {
        return field(file, line, field, expected, found, null);
    }

    /** As {@link #field(String, Integer, String, String, String)}, keeping the underlying cause. */
    public static InputException field(String file, Integer line, String field, String expected, String found,
                                       Throwable cause) {
        return new InputException(file, RowLocation.LINE, line, field, true, expected, found, cause);
    }

    /**
     * A required column the file does not have: {@link #column()} is {@code column}, the file column the mapping
     * looked for first (so that a caller can tell which input is missing), but the message does not name it as a
     * place — the file has no such column, and {@code expected} names the logical column and every name looked for.
     */
    public static InputException missingColumn(String file, String column, String expected, String found) {
        return new InputException(file, RowLocation.LINE, null, Objects.requireNonNull(column, "column"), false, null,
                expected, found, null);
    }

    /**
     * This problem with {@code hint} — what the user can do about it — after its message ({@code …, found "inf";
     * HINT}); the place, expected and found stay as they are.
     */
    public InputException withHint(String hint) {
        return new InputException(file, locations, line, name, documentField,
                name == null ? null : (documentField ? "field '" : "column '") + name + "'", expected, found,
                Objects.requireNonNull(hint, "hint"), getCause());
    }

    private static String message(String file, RowLocation locations, Integer line, String place, String expected,
                                  String found) {
        StringBuilder text = new StringBuilder(line == null ? RowLocation.source(file) : locations.in(file, line));
        text.append(": ");
        if (place != null) {
            text.append(place).append(": ");
        }
        return text.append("expected ").append(expected).append(", found ").append(found).toString();
    }

    /** The file path or dataset id, as the user gave it. */
    public String file() {
        return file;
    }

    /** The 1-based line (JSONL, CSV) or row (Parquet), if the problem is at one place in the file. */
    public OptionalInt line() {
        return line == null ? OptionalInt.empty() : OptionalInt.of(line);
    }

    /** Whether {@link #line()} is a line of a text file or a row of a Parquet file. */
    public RowLocation locations() {
        return locations;
    }

    /** The column of the run table, if the problem concerns one column. */
    public Optional<String> column() {
        return documentField ? Optional.empty() : Optional.ofNullable(name);
    }

    /** The path of the document's field ({@link #field}), if the problem concerns one field. */
    public Optional<String> field() {
        return documentField ? Optional.ofNullable(name) : Optional.empty();
    }

    /** What scalefit needs, e.g. {@code a positive finite number}. */
    public String expected() {
        return expected;
    }

    /** What the input holds instead, e.g. {@code "abc"} (quoted when it is text copied from the file). */
    public String found() {
        return found;
    }
}
