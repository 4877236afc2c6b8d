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
}
