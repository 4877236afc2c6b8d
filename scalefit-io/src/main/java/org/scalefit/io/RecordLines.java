package org.scalefit.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each record of a text table starts, so that rows read by DuckDB can be reported by their line in the file.
 * DuckDB skips blank lines and lets quoted CSV cells and JSON values span lines; these scanners follow the same
 * rules but only locate records, they do not read values.
 */
final class RecordLines {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private RecordLines() {
    }

    /**
     * The 1-based line on which each CSV record starts, header included (RFC 4180 quoting with {@code "} and
     * {@code ""}; blank lines hold no record).
     */
    static List<Integer> csvRecords(String text) {
        List<Integer> starts = new ArrayList<>();
        int line = 1;
        boolean inRecord = false;
        boolean inQuotes = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                if (!inQuotes) {
                    inRecord = false;
                }
            } else if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        inQuotes = false;
                    }
                }
            } else if (c != '\r' && c != BYTE_ORDER_MARK) {
                if (!inRecord) {
                    inRecord = true;
                    starts.add(line);
                }
                if (c == '"') {
                    inQuotes = true;
                }
            }
        }
        return starts;
    }

    /** The cells of the first comma-separated record (the header), unquoted. Empty if the text holds no record. */
    static List<String> csvHeader(String text) {
        return csvHeader(text, ',');
    }

    /**
     * The delimiter of a CSV text, from its first record: a comma if the record has one outside quotes, otherwise
     * whichever of semicolon, tab and vertical bar it has most of (a comma if none: a one-column table).
     */
    static char csvDelimiter(String text) {
        char[] delimiters = {',', ';', '\t', '|'};
        int[] counts = new int[delimiters.length];
        boolean started = false;
        boolean inQuotes = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && (c == '\n' || c == '\r')) {
                if (started) {
                    break;
                }
            } else if (!inQuotes && c != BYTE_ORDER_MARK) {
                started = true;
                for (int d = 0; d < delimiters.length; d++) {
                    if (c == delimiters[d]) {
                        counts[d]++;
                    }
                }
            }
        }
        if (counts[0] > 0) {
            return ',';
        }
        int best = 0;
        for (int d = 1; d < delimiters.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        return delimiters[best];
    }

    /** The cells of the first CSV record (the header) split at {@code delimiter}, unquoted. */
    static List<String> csvHeader(String text, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean started = false;
        boolean inQuotes = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '\n' || c == '\r') {
                if (started) {
                    break;
                }
            } else if (c != BYTE_ORDER_MARK) {
                started = true;
                if (c == delimiter) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '"') {
                    inQuotes = true;
                } else {
                    cell.append(c);
                }
            }
        }
        if (started) {
            cells.add(cell.toString());
        }
        return cells;
    }

    /**
     * The 1-based line on which each JSON object record starts: every top-level object (JSON Lines, or objects
     * simply following one another), or every element object of a top-level array.
     */
    static List<Integer> jsonObjects(String text) {
        List<Integer> starts = new ArrayList<>();
        int line = 1;
        int depth = 0;
        boolean topLevelArray = false;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (depth == 0) {
                    topLevelArray = c == '[';
                }
                if (c == '{' && (depth == 0 || (depth == 1 && topLevelArray))) {
                    starts.add(line);
                }
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return starts;
    }

    /** The deepest nesting of JSON arrays and objects DuckDB's reader takes (its "maximum recursion depth of 128"). */
    static final int MAX_JSON_DEPTH = 127;

    /**
     * Where a JSON text holds what DuckDB's reader cannot take, found without parsing it.
     *
     * @param line      1-based line
     * @param character 1-based character in that line
     * @param expected  what is needed, to follow "expected"
     * @param found     what is there, to follow "found"
     */
    record JsonProblem(int line, int character, String expected, String found) {
    }

    /**
     * The first place in {@code text} (JSON Lines, or a JSON array of objects) that DuckDB cannot read, or null:
     * arrays and objects nested more than {@link #MAX_JSON_DEPTH} deep within a record (the record itself is level
     * 1; in any key, used or not), or an empty key
     * in a record (a record's keys name the columns; DuckDB reads a record with an empty key as one column "json").
     */
    static JsonProblem jsonProblem(String text) {
        int line = 1;
        int lineStart = 0;
        int depth = 0;
        boolean topLevelArray = false;
        boolean inString = false;
        int stringStart = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    boolean recordKey = depth == 1 && !topLevelArray || depth == 2 && topLevelArray;
                    if (recordKey && i == stringStart + 1 && nextIsColon(text, i + 1)) {
                        return new JsonProblem(line, stringStart - lineStart + 1, "a non-empty name for every key "
                                + "of a record", "the key \"\" at character " + (stringStart - lineStart + 1));
                    }
                }
            } else if (c == '"') {
                inString = true;
                stringStart = i;
            } else if (c == '{' || c == '[') {
                if (depth == 0) {
                    topLevelArray = c == '[';
                }
                depth++;
                int recordDepth = topLevelArray ? depth - 1 : depth;   // DuckDB reads an array's records one by one
                if (recordDepth > MAX_JSON_DEPTH) {
                    return new JsonProblem(line, i - lineStart + 1, "records nested at most " + MAX_JSON_DEPTH
                            + " levels deep (the limit of DuckDB's JSON reader, even in keys that are not used)",
                            "level " + recordDepth + " at character " + (i - lineStart + 1));
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return null;
    }

    /** Whether the first character of {@code text} from {@code from} that is not white space is a colon. */
    private static boolean nextIsColon(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == ':';
            }
        }
        return false;
    }
}
