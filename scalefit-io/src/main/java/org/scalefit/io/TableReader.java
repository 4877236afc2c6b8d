package org.scalefit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalefit.data.RunTable;

/**
 * Reads a run table — a user's JSONL, JSON, CSV or Parquet file, or a {@link BundledDataset} — into a
 * {@link RunTable} holding the {@link ColumnRequest requested} columns under their logical names.
 *
 * <p>Files are read through DuckDB (an in-memory database opened for each read and closed after it), every value as
 * text, and then checked here so that a problem can be reported with its line and the text found:
 * <ul>
 *   <li>every requested value must be a positive finite decimal number ({@code nan}, {@code inf}, empty cells,
 *       {@code null}, zero and negative numbers are rejected — parameters, tokens, widths, depths, losses and FLOPs
 *       are all &gt; 0);</li>
 *   <li>the table must have at least one row, every required column, and no two rows with the same values in all the
 *       requested columns.</li>
 * </ul>
 * Anything else raises an {@link InputException}. The format is chosen by extension ({@link TableFormat#of}), or by
 * content for a stream. CSV files need a header line and {@code "} quotes; the delimiter is the one of
 * {@code , ; TAB |} the header line holds (a comma if it has one); an empty header cell (pandas' {@code to_csv()}
 * index) is named {@code Unnamed: i} as pandas does. A UTF-8 byte-order mark and CRLF line ends are accepted. Bundled datasets are copied to a temporary
 * file and read by the same code, so they pass the same checks.
 *
 * <p>The table's {@link RunTable#source() source} is the path as given (or the dataset id), its
 * {@link RunTable#contentHash() content hash} the SHA-256 of the file's bytes, and its
 * {@link RunTable#sourceLines() source lines} the 1-based line where each row starts (a CSV header is line 1, blank
 * lines count), or the 1-based row number for Parquet.
 *
 * <p>Instances hold no state and may be shared between threads.
 */
public final class TableReader {

    /** DuckDB's default {@code max_line_size} of {@code read_csv}, 2 MB. */
    private static final long DUCKDB_MAX_LINE_SIZE = 2_097_152;
    private static final String DUCKDB_IN_MEMORY = "jdbc:duckdb:";
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern DUCKDB_CSV_LINE = Pattern.compile("CSV Error on Line: (\\d+)");
    private static final Pattern DUCKDB_JSON_RECORD = Pattern.compile(" in (?:line|record/value|object) (\\d+)");
    private static final Pattern DUCKDB_FILE_NAME = Pattern.compile(" (?:in|of) file \"[^\"]*\"|file \"[^\"]*\"");
    private static final int LONGEST_QUOTED_VALUE = 60;
    /** What DuckDB takes as a glob pattern in a path. */
    private static final Pattern GLOB = Pattern.compile("[*?\\[]");

    private final boolean keepBadValues;
    /** Logical columns checked as by a strict reader even when {@link #keepBadValues} (e.g. a checkpoint's shape). */
    private final Set<String> strictColumns;

    /** A reader; it keeps nothing between reads. */
    public TableReader() {
        this(false, Set.of());
    }

    private TableReader(boolean keepBadValues, Set<String> strictColumns) {
        this.keepBadValues = keepBadValues;
        this.strictColumns = Set.copyOf(strictColumns);
    }

    /**
     * A reader for analyses that report bad points themselves (e.g. IsoFLOP budgets, where a budget with a missing
     * loss is analysed without it and says so): a value that is not a positive finite number (empty, {@code nan},
     * {@code inf}, zero, negative, or not a number) is read as NaN, and repeated rows are kept. Malformed files and
     * missing columns still raise {@link InputException}.
     */
    public static TableReader keepingBadValues() {
        return new TableReader(true, Set.of());
    }

    /**
     * As {@link #keepingBadValues()}, except that a bad value in one of the {@code strict} logical columns raises
     * {@link InputException} with its line, column and text, as {@link #TableReader()} does: for columns an analysis
     * cannot report per point, such as the width and depth a checkpoint's size is counted from.
     */
    public TableReader strictIn(String... strict) {
        return new TableReader(keepBadValues, Set.of(strict));
    }

    /**
     * Reads {@code source}: a bundled dataset if {@link BundledDataset#exists(String) one has that id}, otherwise the
     * file at that path.
     *
     * @throws InputException if {@code source} is neither a dataset id nor an existing file (the message lists the
     *                        dataset ids), or as {@link #read(Path, ColumnRequest)}
     */
    public RunTable read(String source, ColumnRequest request) {
        return readWithColumns(source, request).table();
    }

    /**
     * A table and the file columns it was read from: the request's mapping {@link ColumnMapping#resolvedIn resolved}
     * in the file (what a result should record, so that the same columns can be read again).
     *
     * @param table   the table read
     * @param columns logical name → the file column that was read for it (no alternatives left)
     * @param text    each requested {@link ColumnMapping#TEXT_NAMES text column} the file has → its value in every
     *                row of {@code table} (stripped; "" for an empty cell), in row order
     */
    public record Read(RunTable table, ColumnMapping columns, Map<String, List<String>> text) {

        public Read {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            text.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            text = java.util.Collections.unmodifiableMap(copy);
        }

        /** A table without text columns. */
        public Read(RunTable table, ColumnMapping columns) {
            this(table, columns, Map.of());
        }

        /** The values of text column {@code logical} (e.g. {@code run}), if it was requested and read. */
        public Optional<List<String>> text(String logical) {
            return Optional.ofNullable(text.get(logical));
        }
    }

    /** As {@link #read(String, ColumnRequest)}, with the columns that were read. */
    public Read readWithColumns(String source, ColumnRequest request) {
        if (BundledDataset.exists(source)) {
            return readBundled(BundledDataset.of(source), request);
        }
        Path file;
        try {
            file = Path.of(source);
        } catch (InvalidPathException e) {
            file = null;
        }
        if (file == null || !Files.exists(file)) {
            throw new InputException(source, null, null, "an existing file or one of the bundled datasets "
                    + String.join(", ", BundledDataset.ids()), "neither");
        }
        return read(file, source, request);
    }

    /**
     * Reads a table from a stream (standard input, {@code --data -}), read to its end first; the format follows from
     * the content: Parquet's magic bytes, a JSON array, JSON objects, or else CSV.
     *
     * @param name what to call the source in messages and provenance, e.g. {@code -}
     * @throws InputException as {@link #read(Path, ColumnRequest)}
     */
    public Read readWithColumns(InputStream in, String name, ColumnRequest request) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new InputException(name, null, null, "a readable stream", "an I/O error: " + e.getMessage(), e);
        }
        return read(bytes, null, name, TableFormat.sniff(bytes), Map.of(), request);
    }

    /**
     * Reads the requested columns of a file.
     *
     * @throws InputException if the file is missing, unreadable, of an unknown type, malformed, empty, lacks a
     *                        required column, holds a value that is not a positive finite number, or repeats a row
     */
    public RunTable read(Path file, ColumnRequest request) {
        return read(file, file.toString(), request).table();
    }

    private Read read(Path file, String source, ColumnRequest request) {
        TableFormat format = TableFormat.of(file);
        return read(readBytes(file, source), file, source, format, Map.of(), request);
    }

    /**
     * Reads the requested columns of a bundled dataset; the table's source is the dataset's id.
     *
     * @throws InputException as {@link #read(Path, ColumnRequest)}, e.g. if a required column is not in the dataset
     */
    public RunTable read(BundledDataset dataset, ColumnRequest request) {
        return readBundled(dataset, request).table();
    }

    private Read readBundled(BundledDataset dataset, ColumnRequest request) {
        Path copy = null;
        try {
            copy = Files.createTempFile("scalefit-", "-" + dataset.fileName());
            try (InputStream in = dataset.open()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return read(readBytes(copy, dataset.id()), copy, dataset.id(), TableFormat.of(copy),
                    dataset.derivedColumns(), request);
        } catch (IOException e) {
            throw new InputException(dataset.id(), null, null, "a readable bundled dataset",
                    "an I/O error: " + e.getMessage(), e);
        } finally {
            deleteQuietly(copy);
        }
    }

    /**
     * Reads {@code bytes} (the content of {@code file}, or of a stream when {@code file} is null). DuckDB reads the
     * file itself unless it cannot read it as it is: then it reads a temporary copy — of a stream, of a file that is
     * not a regular one (a named pipe can be read only once), of a file whose name DuckDB would take as a glob
     * pattern ({@code runs*.jsonl}, {@code h[12].jsonl}), or of a text file without its byte-order mark and with
     * CRLF line ends made LF (same lines, so line numbers hold). The content hash is always that of {@code bytes}.
     */
    private Read read(byte[] bytes, Path file, String source, TableFormat format, Map<String, String> derivedColumns,
                      ColumnRequest request) {
        String original = format.isText() ? new String(bytes, StandardCharsets.UTF_8) : "";
        String text = format.isText() ? normalised(original) : "";
        if (bytes.length == 0 || (format.isText() && text.isBlank())) {
            throw new InputException(source, null, null, "at least one row", "an empty file");
        }
        boolean copy = file == null || !Files.isRegularFile(file) || GLOB.matcher(file.toString()).find()
                || !text.equals(original);
        Path readable = file;
        try {
            if (copy) {
                readable = Files.createTempFile("scalefit-", format.extensions().get(0));
                Files.write(readable, format.isText() ? text.getBytes(StandardCharsets.UTF_8) : bytes);
            }
            return read(readable, source, sha256(bytes), text, format, derivedColumns, request);
        } catch (IOException e) {
            throw new InputException(source, null, null, "a file that can be copied to a temporary file",
                    "an I/O error: " + e.getMessage(), e);
        } finally {
            if (copy) {
                deleteQuietly(readable);
            }
        }
    }

    private Read read(Path file, String source, String contentHash, String text, TableFormat format,
                      Map<String, String> derivedColumns, ColumnRequest request) {
        try (Connection duckdb = DriverManager.getConnection(DUCKDB_IN_MEMORY)) {
            Relation relation = relation(duckdb, file, source, format, text);
            if (!derivedColumns.isEmpty()) {
                relation = relation.project(derivedColumns);
            }
            long rows = count(duckdb, relation);
            if (rows == 0) {
                throw new InputException(source, null, null, "at least one row", "no rows");
            }
            Map<String, String> fileColumns = resolve(request, relation.columns(), source);
            List<String[]> cells = new ArrayList<>();
            List<Integer> rowNumbers = new ArrayList<>();
            readCells(duckdb, relation, fileColumns.values(), format, cells, rowNumbers);
            int[] lines = sourceLines(format, text, rowNumbers, cells.size(), source);
            if (request.where() != null) {
                boolean[] keep = matching(duckdb, file, source, format, text, derivedColumns, request.where(),
                        cells.size());
                List<String[]> kept = new ArrayList<>();
                List<Integer> keptLines = new ArrayList<>();
                for (int row = 0; row < keep.length; row++) {
                    if (keep[row]) {
                        kept.add(cells.get(row));
                        keptLines.add(lines[row]);
                    }
                }
                if (kept.isEmpty()) {
                    throw new InputException(source, null, null, "at least one row with --where " + request.where(),
                            "none of the " + cells.size() + " rows");
                }
                cells = kept;
                lines = keptLines.stream().mapToInt(Integer::intValue).toArray();
            }
            Map<String, String> numeric = new LinkedHashMap<>(fileColumns);
            Map<String, List<String>> textColumns = new LinkedHashMap<>();
            List<String> logical = List.copyOf(fileColumns.keySet());
            for (int column = 0; column < logical.size(); column++) {
                if (ColumnMapping.TEXT_NAMES.contains(logical.get(column))) {
                    int at = column;
                    numeric.remove(logical.get(column));
                    textColumns.put(logical.get(column), cells.stream()
                            .map(row -> row[at] == null ? "" : row[at].strip()).toList());
                }
            }
            List<String[]> numbers = cells;
            if (!textColumns.isEmpty()) {
                int[] keep = java.util.stream.IntStream.range(0, logical.size())
                        .filter(c -> !ColumnMapping.TEXT_NAMES.contains(logical.get(c))).toArray();
                numbers = cells.stream().map(row -> java.util.Arrays.stream(keep).mapToObj(c -> row[c])
                        .toArray(String[]::new)).toList();
            }
            return new Read(table(source, contentHash, numeric, numbers, lines, format, keepBadValues,
                    strictColumns),
                    request.mapping().resolvedIn(relation.columns()), textColumns);
        } catch (SQLException e) {
            throw malformed(source, format, text, e);
        }
    }

    /**
     * Which of the {@code rows} rows of the file satisfy {@code where}, in file order: the condition is evaluated on
     * the file read with DuckDB's own column types (so that {@code tokens >= 1e9} compares numbers), after the
     * dataset's derived columns if it has any; false or NULL leaves a row out.
     *
     * @throws IllegalArgumentException if DuckDB cannot evaluate the condition on the file's columns (its message
     *                                  and the columns are given)
     */
    private static boolean[] matching(Connection duckdb, Path file, String source, TableFormat format, String text,
                                      Map<String, String> derivedColumns, String where, int rows) throws SQLException {
        String path = literal(file.toString());
        String typed = switch (format) {
            case CSV -> "read_csv(" + path + ", header = true, delim = "
                    + literal(String.valueOf(RecordLines.csvDelimiter(text))) + ", quote = '\"', escape = '\"', "
                    + csvLineSize(text) + ")";
            case JSON -> "read_json(" + path + ", format = 'auto', sample_size = -1)";
            case JSON_LINES -> "read_json(" + path + ", format = 'newline_delimited', sample_size = -1)";
            case PARQUET -> "read_parquet(" + path + ")";
        };
        Relation relation = new Relation(typed, describe(duckdb, typed));
        if (!derivedColumns.isEmpty()) {
            relation = relation.project(derivedColumns);
        }
        boolean[] keep = new boolean[rows];
        int row = 0;
        try (Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery("SELECT coalesce(CAST((" + where + ") AS BOOLEAN), false) "
                     + "FROM " + relation.sql())) {
            while (result.next()) {
                if (row < rows) {
                    keep[row] = result.getBoolean(1);
                }
                row++;
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("--where '" + where + "': expected a condition over the columns of "
                    + source + " (" + String.join(", ", relation.columns()) + "), found an error evaluating it "
                    + "(DuckDB: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip() + ")", e);
        }
        if (row != rows) {
            throw new InputException(source, null, null, "the same " + rows + " rows when read with column types "
                    + "for --where", row + " rows");
        }
        return keep;
    }

    /**
     * DuckDB's {@code max_line_size} option for {@code text}: its default, 2 MB, or the longest line in UTF-8 bytes
     * if longer, so that a long cell (a run's configuration, a note) is read rather than refused.
     */
    private static String csvLineSize(String text) {
        long longest = 0;
        long current = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                longest = Math.max(longest, current);
                current = 0;
            } else {
                current += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            }
        }
        longest = Math.max(longest, current);
        return "max_line_size = " + Math.max(DUCKDB_MAX_LINE_SIZE, longest + 1);
    }

    /** {@code text} without a leading byte-order mark and with CRLF line ends made LF. */
    private static String normalised(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return body.indexOf('\r') < 0 ? body : body.replace("\r\n", "\n");
    }

    /** What to select from: a DuckDB table expression and the names of its columns. */
    private record Relation(String sql, List<String> columns) {

        Relation project(Map<String, String> expressions) {
            StringJoiner select = new StringJoiner(", ");
            expressions.forEach((name, expression) -> select.add(expression + " AS " + identifier(name)));
            return new Relation("(SELECT " + select + " FROM " + sql + ")", List.copyOf(expressions.keySet()));
        }
    }

    private static Relation relation(Connection duckdb, Path file, String source, TableFormat format, String text)
            throws SQLException {
        String path = literal(file.toString());
        switch (format) {
            case CSV -> {
                char delimiter = RecordLines.csvDelimiter(text);
                List<String> header = new ArrayList<>(RecordLines.csvHeader(text, delimiter));
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).isEmpty()) {
                        header.set(i, "Unnamed: " + i);   // pandas' name for it (e.g. to_csv()'s index column)
                    }
                }
                Set<String> seen = new HashSet<>();
                for (String name : header) {
                    if (!seen.add(name)) {
                        throw new InputException(source, RecordLines.csvRecords(text).get(0), name,
                                "distinct column names in the header", "'" + name + "' twice");
                    }
                }
                return new Relation("read_csv(" + path + ", auto_detect = false, header = true, delim = "
                        + literal(String.valueOf(delimiter)) + ", "
                        + "quote = '\"', escape = '\"', strict_mode = true, null_padding = false, " + csvLineSize(text)
                        + ", columns = " + allVarchar(header) + ")", header);
            }
            case JSON, JSON_LINES -> {
                RecordLines.JsonProblem problem = RecordLines.jsonProblem(text);
                if (problem != null) {
                    throw new InputException(source, problem.line(), null, problem.expected(), problem.found());
                }
                String jsonFormat = format == TableFormat.JSON ? "'auto'" : "'newline_delimited'";
                List<String> columns = describe(duckdb, "read_json(" + path + ", format = " + jsonFormat
                        + ", sample_size = -1, map_inference_threshold = -1)");
                return new Relation("read_json(" + path + ", format = " + jsonFormat + ", columns = "
                        + allVarchar(columns) + ")", columns);
            }
            case PARQUET -> {
                List<String> columns = describe(duckdb, "read_parquet(" + path + ")");
                return new Relation("read_parquet(" + path + ", file_row_number = true)", columns);
            }
            default -> throw new AssertionError(format);
        }
    }

    private static List<String> describe(Connection duckdb, String tableFunction) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery("DESCRIBE SELECT * FROM " + tableFunction)) {
            while (result.next()) {
                columns.add(result.getString("column_name"));
            }
        }
        return List.copyOf(columns);
    }

    private static long count(Connection duckdb, Relation relation) throws SQLException {
        try (Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + relation.sql())) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Logical name → file column, for every required column and every optional one the file has: the first of the
     * mapping's {@link ColumnMapping#candidates candidates} in the file. Every missing required column is reported
     * at once, with the {@code --column} option that would map it.
     */
    private static Map<String, String> resolve(ColumnRequest request, List<String> available, String source) {
        Map<String, String> fileColumns = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String logical : request.all()) {
            List<String> candidates = request.mapping().candidates(logical);
            Optional<String> found = candidates.stream().filter(available::contains).findFirst();
            if (found.isPresent()) {
                fileColumns.put(logical, found.get());
            } else if (request.isRequired(logical)) {
                missing.add(logical);
            }
        }
        if (!missing.isEmpty()) {
            StringJoiner wanted = new StringJoiner(", ");
            StringJoiner options = new StringJoiner(" ");
            for (String logical : missing) {
                List<String> names = request.mapping().candidates(logical);
                wanted.add(names.equals(List.of(logical)) ? "'" + logical + "'"
                        : "'" + logical + "' (" + orList(names) + (missing.size() == 1 ? ";" : ")"));
                options.add("--column " + logical + "=COLUMN");
            }
            String column = missing.size() == 1 ? request.mapping().fileColumn(missing.get(0)) : null;
            boolean one = missing.size() == 1;
            boolean listed = one && !request.mapping().candidates(missing.get(0)).equals(List.of(missing.get(0)));
            throw new InputException(source, null, column, (one ? "a column for " : "columns for ") + wanted
                    + (listed ? " or" : " (or") + " name " + (one ? "it" : "them") + " with " + options + ")",
                    "only the columns " + quotedList(available));
        }
        return fileColumns;
    }

    private static String orList(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static void readCells(Connection duckdb, Relation relation, Iterable<String> columns, TableFormat format,
                                  List<String[]> cells, List<Integer> rowNumbers) throws SQLException {
        StringJoiner select = new StringJoiner(", ");
        int width = 0;
        for (String column : columns) {
            select.add("CAST(" + identifier(column) + " AS VARCHAR)");
            width++;
        }
        boolean numbered = format == TableFormat.PARQUET;
        if (numbered) {
            select.add("file_row_number");
        }
        try (Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + select + " FROM " + relation.sql())) {
            while (result.next()) {
                String[] row = new String[width];
                for (int i = 0; i < width; i++) {
                    row[i] = result.getString(i + 1);
                }
                cells.add(row);
                if (numbered) {
                    rowNumbers.add(Math.toIntExact(result.getLong(width + 1) + 1));
                }
            }
        }
    }

    private static int[] sourceLines(TableFormat format, String text, List<Integer> rowNumbers, int rows,
                                     String source) {
        List<Integer> lines = switch (format) {
            case CSV -> {
                List<Integer> records = RecordLines.csvRecords(text);
                yield records.subList(Math.min(1, records.size()), records.size());
            }
            case JSON, JSON_LINES -> RecordLines.jsonObjects(text);
            case PARQUET -> rowNumbers;
        };
        if (lines.size() != rows) {
            throw new InputException(source, null, null, "one " + (format == TableFormat.CSV ? "CSV record" : "JSON object")
                    + " per row", lines.size() + " records for the " + rows + " rows DuckDB read");
        }
        return lines.stream().mapToInt(Integer::intValue).toArray();
    }

    private static RunTable table(String source, String contentHash, Map<String, String> fileColumns,
                                  List<String[]> cells, int[] lines, TableFormat format, boolean keepBad,
                                  Set<String> strict) {
        List<String> logical = List.copyOf(fileColumns.keySet());
        List<String> inFile = List.copyOf(fileColumns.values());
        double[][] values = new double[logical.size()][cells.size()];
        Map<List<Double>, Integer> firstLineOfRow = new HashMap<>();
        for (int row = 0; row < cells.size(); row++) {
            List<Double> key = new ArrayList<>(logical.size());
            for (int column = 0; column < logical.size(); column++) {
                double value = keepBad && !strict.contains(logical.get(column))
                        ? positiveFiniteOrNaN(cells.get(row)[column])
                        : positiveFinite(cells.get(row)[column], source, lines[row], inFile.get(column), format);
                values[column][row] = value;
                key.add(value);
            }
            if (keepBad) {
                continue;
            }
            Integer earlier = firstLineOfRow.putIfAbsent(key, lines[row]);
            if (earlier != null) {
                throw new InputException(source, lines[row], null, "each row only once",
                        "the same " + quotedList(inFile) + " as " + (format.isText() ? "line " : "row ") + earlier);
            }
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int column = 0; column < logical.size(); column++) {
            columns.put(logical.get(column), values[column]);
        }
        return new RunTable(source, contentHash, columns, lines);
    }

    private static double positiveFiniteOrNaN(String cell) {
        String number = cell == null ? "" : cell.strip();
        double value = DECIMAL.matcher(number).matches() ? Double.parseDouble(number) : Double.NaN;
        return value > 0 && value < Double.POSITIVE_INFINITY ? value : Double.NaN;
    }

    private static double positiveFinite(String cell, String source, int line, String column, TableFormat format) {
        String expected = "a positive finite number";
        if (cell == null) {
            String found = switch (format) {
                case CSV -> "an empty cell";
                case JSON, JSON_LINES -> "null or no value";
                case PARQUET -> "null";
            };
            throw new InputException(source, line, column, expected, found);
        }
        String number = cell.strip();
        double value = DECIMAL.matcher(number).matches() ? Double.parseDouble(number) : Double.NaN;
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new InputException(source, line, column, expected, quoted(cell));
        }
        return value;
    }

    /**
     * An {@link InputException} for a file DuckDB could not parse, at the line DuckDB names.
     *
     * <p>For CSV, DuckDB names the file line ({@code CSV Error on Line: 4}). For JSON it names the failing record,
     * counting only records (blank lines and lines inside a record are skipped) and adding one twice (DuckDB 2.0:
     * {@code GetLineNumber} returns {@code line + 1} and the message prints {@code line + 1}), so the n-th record is
     * reported as {@code n + 1}; it is mapped back to the line on which that record starts.
     */
    private static InputException malformed(String source, TableFormat format, String text, SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Integer line = null;
        Matcher csvLine = DUCKDB_CSV_LINE.matcher(message);
        Matcher jsonRecord = DUCKDB_JSON_RECORD.matcher(message);
        if (format == TableFormat.CSV && csvLine.find()) {
            line = Integer.valueOf(csvLine.group(1));
        } else if ((format == TableFormat.JSON || format == TableFormat.JSON_LINES) && jsonRecord.find()) {
            int record = Integer.parseInt(jsonRecord.group(1)) - 2;
            List<Integer> starts = RecordLines.jsonObjects(text);
            line = record >= 0 && record < starts.size() ? starts.get(record) : null;
            message = jsonRecord.replaceFirst("");
        }
        message = DUCKDB_FILE_NAME.matcher(message).replaceAll("");
        StringJoiner found = new StringJoiner("; ");
        for (String part : message.split("\\R")) {
            if (part.startsWith("Possible fixes") || part.startsWith("LINE ")) {
                break;
            }
            if (!part.isBlank()) {
                found.add(part.strip());
            }
        }
        String expected = switch (format) {
            case CSV -> "a well-formed CSV file with a header line (delimiter '"
                    + String.valueOf(RecordLines.csvDelimiter(text)).replace("\t", "\\t") + "')";
            case JSON, JSON_LINES -> "well-formed JSON objects";
            case PARQUET -> "a readable Parquet file";
        };
        return new InputException(source, line, null, expected, "an error reading it (DuckDB: " + found + ")", e);
    }

    private static byte[] readBytes(Path file, String source) {
        if (!Files.exists(file)) {
            throw new InputException(source, null, null, "an existing file", "nothing at that path");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(source, null, null, "a file", "a directory");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            throw new InputException(source, null, null, "a readable file", "an unreadable one (" + e + ")", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary copy of a bundled dataset is harmless
            }
        }
    }

    private static String allVarchar(List<String> columns) {
        StringJoiner struct = new StringJoiner(", ", "{", "}");
        for (String column : columns) {
            struct.add(literal(column) + ": 'VARCHAR'");
        }
        return struct.toString();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String quoted(String cell) {
        String shown = cell.length() > LONGEST_QUOTED_VALUE ? cell.substring(0, LONGEST_QUOTED_VALUE) + "…" : cell;
        return "\"" + shown + "\"";
    }

    private static String quotedList(List<String> names) {
        StringJoiner list = new StringJoiner(", ");
        names.forEach(name -> list.add("'" + name + "'"));
        return list.toString();
    }
}
