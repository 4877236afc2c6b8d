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
        CsvRecords records = new CsvRecords();
        for (int i = 0; i < text.length(); i++) {
            records.accept(text.charAt(i));
        }
        return records.starts().boxed();
    }

    /** A growable array of {@code int}s, so that millions of line numbers take 4 bytes each. */
    static final class IntList {

        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            java.util.Objects.checkIndex(index, size);
            return values[index];
        }

        int size() {
            return size;
        }

        /** A copy of the values from {@code from} on. */
        int[] toArray(int from) {
            return java.util.Arrays.copyOfRange(values, Math.min(from, size), Math.max(from, size));
        }

        List<Integer> boxed() {
            List<Integer> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(values[i]);
            }
            return list;
        }
    }

    /**
     * Where CSV records start, fed one character at a time ({@link #csvRecords(String)} over a stream): RFC 4180
     * quoting with {@code "} and {@code ""}; blank lines hold no record; CR and byte-order marks are ignored.
     */
    static final class CsvRecords {

        private final IntList starts = new IntList();
        private int line = 1;
        private boolean inRecord;
        private boolean inQuotes;
        /** A {@code "} inside quotes was the last character: it closes them unless another {@code "} follows. */
        private boolean quoteSeen;

        void accept(char c) {
            if (quoteSeen) {
                quoteSeen = false;
                if (c == '"') {
                    return;
                }
                inQuotes = false;
            }
            if (c == '\n') {
                line++;
                if (!inQuotes) {
                    inRecord = false;
                }
            } else if (inQuotes) {
                if (c == '"') {
                    quoteSeen = true;
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

        /** The 1-based line of each record so far, header included. */
        IntList starts() {
            return starts;
        }

        /** Whether the first record (the header) has ended: a line end outside quotes followed it. */
        boolean headerEnded() {
            return starts.size() > 1 || (starts.size() == 1 && !inRecord);
        }
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
        return json(text).starts().boxed();
    }

    private static JsonRecords json(String text) {
        JsonRecords records = new JsonRecords();
        for (int i = 0; i < text.length(); i++) {
            records.accept(text.charAt(i));
        }
        records.finish();
        return records;
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
        return json(text).problem();
    }

    /**
     * Where JSON object records start and the first {@link JsonProblem} ({@link #jsonObjects} and
     * {@link #jsonProblem} over a stream), fed one character at a time.
     */
    static final class JsonRecords {

        private final IntList starts = new IntList();
        private long position = -1;
        private int line = 1;
        private long lineStart;
        private int depth;
        private boolean topLevelArray;
        private boolean inString;
        /** The last character was a backslash in a string: this one is skipped, even a line end. */
        private boolean escaped;
        private long stringStart = -1;
        /** An empty key of a record was closed: a problem if the next character that is not white space is a colon. */
        private JsonProblem emptyKey;
        private JsonProblem problem;

        void accept(char c) {
            long i = ++position;
            if (escaped) {
                escaped = false;
                return;
            }
            if (emptyKey != null && !Character.isWhitespace(c)) {
                if (c == ':' && problem == null) {
                    problem = emptyKey;
                }
                emptyKey = null;
            }
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (inString) {
                if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                    boolean recordKey = depth == 1 && !topLevelArray || depth == 2 && topLevelArray;
                    if (recordKey && i == stringStart + 1) {
                        int character = (int) (stringStart - lineStart + 1);
                        emptyKey = new JsonProblem(line, character, "a non-empty name for every key of a record",
                                "the key \"\" at character " + character);
                    }
                }
            } else if (c == '"') {
                inString = true;
                stringStart = i;
            } else if (c == '{' || c == '[') {
                if (depth == 0) {
                    topLevelArray = c == '[';
                }
                if (c == '{' && (depth == 0 || (depth == 1 && topLevelArray))) {
                    starts.add(line);
                }
                depth++;
                int recordDepth = topLevelArray ? depth - 1 : depth;   // DuckDB reads an array's records one by one
                if (recordDepth > MAX_JSON_DEPTH && problem == null) {
                    int character = (int) (i - lineStart + 1);
                    problem = new JsonProblem(line, character, "records nested at most " + MAX_JSON_DEPTH
                            + " levels deep (the limit of DuckDB's JSON reader, even in keys that are not used)",
                            "level " + recordDepth + " at character " + character);
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }

        /** The end of the text: an empty key followed by nothing is no problem. */
        void finish() {
            emptyKey = null;
        }

        /** The 1-based line of each object record so far. */
        IntList starts() {
            return starts;
        }

        /** The first problem found so far, or null. */
        JsonProblem problem() {
            return problem;
        }
    }
}
