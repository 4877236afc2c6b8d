package org.scalefit.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalefit.data.RunTable;

/**
 * Reads a run table — a user's JSONL, JSON, CSV or Parquet file, or a {@link BundledDataset} — into a
 * {@link RunTable} holding the {@link ColumnRequest requested} columns under their logical names.
 *
 * <p>Files are read through DuckDB (an in-memory database opened for each read and closed after it) as a stream of
 * rows: memory holds the table read (its numbers, text columns and line numbers), never the file's text. A cell is
 * taken as DuckDB parses it when it is a plain positive finite decimal number; any other cell is checked here, so
 * that a problem can be reported with its line and the text found:
 * <ul>
 *   <li>every requested value must be a positive finite decimal number ({@code nan}, {@code inf}, empty cells,
 *       {@code null}, zero and negative numbers are rejected — parameters, tokens, widths, depths, losses and FLOPs
 *       are all &gt; 0), except in the columns a request names {@link ColumnRequest#finite}, whose values need only
 *       be finite (a loss fitted on the raw residual scale, where an exact 0 is legitimate);</li>
 *   <li>the table must have at least one row, every required column, and no run listed twice: no two rows with the
 *       same values in every {@link #IDENTIFYING_QUANTITIES identifying} column.</li>
 * </ul>
 * Anything else raises an {@link InputException}. The format is chosen by extension ({@link TableFormat#of}), or by
 * content for a stream. CSV files need a header line and {@code "} quotes; the delimiter is the one of
 * {@code , ; TAB |} the header line holds (a comma if it has one); an empty header cell (pandas' {@code to_csv()}
 * index) is named {@code Unnamed: i} as pandas does. A UTF-8 byte-order mark and CRLF line ends are accepted.
 * Bundled datasets are copied to a temporary file and read by the same code, so they pass the same checks.
 *
 * <p>The table's {@link RunTable#source() source} is the path as given (or the dataset id), its
 * {@link RunTable#contentHash() content hash} the SHA-256 of the file's bytes, and its
 * {@link RunTable#sourceLines() source lines} the 1-based line where each row starts (a CSV header is line 1, blank
 * lines count), or the 1-based row number for Parquet.
 *
 * <p>One pass over the file's bytes comes before DuckDB's: their SHA-256 and, for a text file, where each record
 * starts, its header and its longest line. A reader {@link #withProgress reports} the progress of both passes; a
 * read stops with a {@link java.util.concurrent.CancellationException} when its thread is interrupted, leaving no
 * temporary file.
 *
 * <p>Instances keep nothing between reads and may be shared between threads (their progress listener is then told
 * about every read).
 */
public final class TableReader {

    /** How much of a stream's start decides its format ({@link TableFormat#sniff}). */
    private static final int SNIFFED_BYTES = 4096;
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

    /**
     * The logical quantities that tell one run's row from another's: two rows are one run listed twice when they hold
     * the same numbers in every requested numeric column and in every column of these quantities the file has
     * (located by the request's mapping), whatever columns a request reads. Runs that differ only in a column a law
     * does not read (e.g. tokens, for a law in unique tokens) are two rows; a run's name, a timestamp or an index
     * column does not tell runs apart (the same run can be logged twice under two of them). A cell of these columns
     * that is not a finite number is compared as NaN.
     */
    public static final List<String> IDENTIFYING_QUANTITIES = java.util.stream.Stream.concat(
            ColumnMapping.LOGICAL_NAMES.stream().filter(name -> !ColumnMapping.TEXT_NAMES.contains(name)),
            java.util.stream.Stream.of(RepeatedData.UNIQUE_TOKENS, RepeatedData.EPOCHS, IsoflopInputs.SEED)).toList();

    /** Rows between two checks for an interruption and two progress reports, less one (a power of two). */
    private static final int PROGRESS_ROWS = (1 << 12) - 1;

    private final boolean keepBadValues;
    /** Logical columns checked as by a strict reader even when {@link #keepBadValues} (e.g. a checkpoint's shape). */
    private final Set<String> strictColumns;
    private final ReadProgress progress;

    /** A reader; it keeps nothing between reads. */
    public TableReader() {
        this(false, Set.of(), ReadProgress.NONE);
    }

    private TableReader(boolean keepBadValues, Set<String> strictColumns, ReadProgress progress) {
        this.keepBadValues = keepBadValues;
        this.strictColumns = Set.copyOf(strictColumns);
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * This reader, telling {@code progress} how far each read has got ({@link ReadProgress}: a non-decreasing
     * fraction that reaches 1 when a read succeeds, then {@link ReadProgress#ended()} however it ends).
     */
    public TableReader withProgress(ReadProgress progress) {
        return new TableReader(keepBadValues, strictColumns, progress);
    }

    /**
     * A reader for analyses that report bad points themselves (e.g. IsoFLOP budgets, where a budget with a missing
     * loss is analysed without it and says so): a value that is not a positive finite number (empty, {@code nan},
     * {@code inf}, zero, negative, or not a number) is read as NaN, and repeated rows are kept. Malformed files and
     * missing columns still raise {@link InputException}.
     */
    public static TableReader keepingBadValues() {
        return new TableReader(true, Set.of(), ReadProgress.NONE);
    }

    /**
     * As {@link #keepingBadValues()}, except that a bad value in one of the {@code strict} logical columns raises
     * {@link InputException} with its line, column and text, as {@link #TableReader()} does: for columns an analysis
     * cannot report per point, such as the width and depth a checkpoint's size is counted from.
     */
    public TableReader strictIn(String... strict) {
        return new TableReader(keepBadValues, Set.of(strict), progress);
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
     * @param side    each numeric {@link ColumnRequest#side() side column} the file has → its value in every row of
     *                {@code table}, NaN where it is not a positive finite number
     */
    public record Read(RunTable table, ColumnMapping columns, Map<String, List<String>> text,
                       Map<String, double[]> side) {

        public Read {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            text.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            text = java.util.Collections.unmodifiableMap(copy);
            Map<String, double[]> sideCopy = new LinkedHashMap<>();
            side.forEach((name, values) -> sideCopy.put(name, values.clone()));
            side = java.util.Collections.unmodifiableMap(sideCopy);
        }

        /** A table without side columns. */
        public Read(RunTable table, ColumnMapping columns, Map<String, List<String>> text) {
            this(table, columns, text, Map.of());
        }

        /** A table without text or side columns. */
        public Read(RunTable table, ColumnMapping columns) {
            this(table, columns, Map.of());
        }

        /** The values of numeric side column {@code logical} in every row, if it was requested and the file has it. */
        public Optional<double[]> side(String logical) {
            double[] values = side.get(logical);
            return values == null ? Optional.empty() : Optional.of(values.clone());
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
     * Reads a table from a stream (standard input, {@code --data -}), copied to a temporary file first; the format
     * follows from the content: Parquet's magic bytes, a JSON array, JSON objects, or else CSV.
     *
     * @param name what to call the source in messages and provenance, e.g. {@code -}
     * @throws InputException as {@link #read(Path, ColumnRequest)}
     */
    public Read readWithColumns(InputStream in, String name, ColumnRequest request) {
        Stages stages = new Stages(progress);
        Path copy = null;
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, SNIFFED_BYTES);
            buffered.mark(SNIFFED_BYTES);
            TableFormat format = TableFormat.sniff(buffered.readNBytes(SNIFFED_BYTES));
            buffered.reset();
            copy = temporaryCopy(format, name);
            TableScan.Result scan;
            try (OutputStream out = Files.newOutputStream(copy)) {
                scan = TableScan.scan(buffered, format, out, bytes -> { });
            }
            Read read = read(copy, name, format, scan, Map.of(), request, stages);
            stages.done(read.table().rows());
            return read;
        } catch (IOException e) {
            throwIfInterrupted(e);
            throw new InputException(name, null, null, "a readable stream", "an I/O error: " + e.getMessage(), e);
        } finally {
            deleteQuietly(copy);
            stages.end();
        }
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
        requireFile(file, source);
        return readFile(file, source, format, Map.of(), request);
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
            return readFile(copy, dataset.id(), TableFormat.of(copy), dataset.derivedColumns(), request);
        } catch (IOException e) {
            throw new InputException(dataset.id(), null, null, "a readable bundled dataset",
                    "an I/O error: " + e.getMessage(), e);
        } finally {
            deleteQuietly(copy);
        }
    }

    /**
     * Reads a file DuckDB can be pointed at, or a temporary copy when it cannot read it as it is: a file that is not
     * a regular one (a named pipe can be read only once), a file whose name DuckDB would take as a glob pattern
     * ({@code runs*.jsonl}, {@code h[12].jsonl}), or a text file with a byte-order mark or CRLF line ends (copied
     * without the mark and with LF line ends: same lines, so line numbers hold). The content hash is always that of
     * the file's own bytes. A copy is written while the file is scanned, or by a second pass when only the scan
     * shows that the text needs normalising.
     */
    private Read readFile(Path file, String source, TableFormat format, Map<String, String> derivedColumns,
                          ColumnRequest request) {
        Stages stages = new Stages(progress);
        Path copy = null;
        try {
            boolean copied = !Files.isRegularFile(file) || GLOB.matcher(file.toString()).find();
            long size = copied ? -1 : Files.size(file);
            TableScan.Result scan;
            if (copied) {
                copy = temporaryCopy(format, source);
            }
            try (InputStream in = Files.newInputStream(file);
                 OutputStream out = copy == null ? null : Files.newOutputStream(copy)) {
                scan = TableScan.scan(in, format, out, bytes -> stages.at(Stage.SCAN, bytes, size));
            }
            if (copy == null && format.isText() && scan.changed()) {
                copy = temporaryCopy(format, source);
                try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(copy)) {
                    TableScan.scan(in, format, out, bytes -> stages.at(Stage.COPY, bytes, size));
                }
            }
            Read read = read(copy == null ? file : copy, source, format, scan, derivedColumns, request, stages);
            stages.done(read.table().rows());
            return read;
        } catch (IOException | SecurityException e) {
            throwIfInterrupted(e);
            throw new InputException(source, null, null, "a readable file", "an unreadable one (" + e + ")", e);
        } finally {
            deleteQuietly(copy);
            stages.end();
        }
    }

    /** An I/O error that is an interruption (a file channel closed by it) stops the read as one. */
    private static void throwIfInterrupted(Exception e) {
        if (e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
            CancellationException cancelled = new CancellationException("interrupted");
            cancelled.initCause(e);
            throw cancelled;
        }
    }

    private static Path temporaryCopy(TableFormat format, String source) {
        try {
            return Files.createTempFile("scalefit-", format.extensions().get(0));
        } catch (IOException e) {
            throw new InputException(source, null, null, "a file that can be copied to a temporary file",
                    "an I/O error: " + e.getMessage(), e);
        }
    }

    /**
     * DuckDB settings under which a {@code --where} condition that names a function of an extension DuckDB does not
     * bundle (e.g. inet's {@code >>=}) fails alike on every machine, instead of DuckDB downloading and loading that
     * extension when it can reach the network: the readers need only what is bundled (CSV, JSON, Parquet).
     */
    private static Properties withoutExtensionDownloads() {
        Properties settings = new Properties();
        settings.setProperty("autoinstall_known_extensions", "false");
        settings.setProperty("autoload_known_extensions", "false");
        return settings;
    }

    /**
     * Reads the requested columns of {@code file} (what DuckDB reads: the file or its normalised copy) through
     * DuckDB, row by row from a streaming result. Numbers are parsed by DuckDB ({@code TRY_CAST} to DOUBLE of a
     * cell that is a plain decimal number); only a cell it does not give as a positive finite number comes to Java
     * as text, to be checked as before and reported with its line. Problems are reported in the order a reader that
     * first counted the rows, then checked them one by one, would meet them: a malformed file, no rows, a
     * {@code --where} DuckDB cannot evaluate, no row kept, then the first bad value or repeated row in file order.
     */
    private Read read(Path file, String source, TableFormat format, TableScan.Result scan,
                      Map<String, String> derivedColumns, ColumnRequest request, Stages stages) {
        if (scan.bytes() == 0 || (format.isText() && scan.blank())) {
            throw new InputException(source, null, null, "at least one row", "an empty file");
        }
        Properties streamingResults = withoutExtensionDownloads();
        streamingResults.setProperty("jdbc_stream_results", "true");
        try (Connection duckdb = DriverManager.getConnection(DUCKDB_IN_MEMORY, withoutExtensionDownloads());
             Connection streaming = DriverManager.getConnection(DUCKDB_IN_MEMORY, streamingResults)) {
            Relation relation = relation(duckdb, file, source, format, scan);
            if (!derivedColumns.isEmpty()) {
                relation = relation.project(derivedColumns);
            }
            Map<String, String> fileColumns;
            try {
                fileColumns = resolve(request, relation.columns(), source);
            } catch (InputException missing) {
                if (count(duckdb, relation) == 0) {
                    throw new InputException(source, null, null, "at least one row", "no rows");
                }
                throw missing;
            }
            for (Map.Entry<String, Double> unit : request.units().entrySet()) {
                if (!fileColumns.containsKey(unit.getKey())) {
                    throw new IllegalArgumentException(ColumnRequest.unitOption(unit.getKey(), unit.getValue())
                            + ": " + source + " has no column for " + unit.getKey() + " (its columns: "
                            + String.join(", ", relation.columns()) + ")");
                }
            }
            requireUniqueTokensUnit(request.units(), fileColumns, source);
            long expected = format == TableFormat.PARQUET ? count(duckdb, relation) : scan.records().size();
            Where where = request.where() == null ? null
                    : matching(duckdb, streaming, file, source, format, scan, derivedColumns, request.where(), stages,
                    expected);
            Map<String, String> identifying = keepBadValues ? Map.of()
                    : identifyingColumns(request, relation.columns(), fileColumns);
            Rows rows = new Rows(source, format, fileColumns, identifying, keepBadValues, strictColumns,
                    request.finite(), request.side(), request.units());
            try {
                rows.read(streaming, relation, scan.records(), where == null ? null : where.keep(), stages, expected);
            } catch (SQLException streamed) {
                count(duckdb, relation);   // a streaming result loses DuckDB's message; counting gives it again
                throw streamed;
            }
            if (rows.read == 0) {
                throw new InputException(source, null, null, "at least one row", "no rows");
            }
            if (format.isText() && rows.read != scan.records().size()) {
                throw new InputException(source, null, null, "one " + (format == TableFormat.CSV ? "CSV record"
                        : "JSON object") + " per row", scan.records().size() + " records for the " + rows.read
                        + " rows DuckDB read");
            }
            if (where != null) {
                if (where.failure() != null) {
                    throw where.failure();
                }
                if (where.rows() != rows.read) {
                    throw new InputException(source, null, null, "the same " + rows.read + " rows when read with "
                            + "column types for --where", where.rows() + " rows");
                }
                if (rows.kept == 0) {
                    throw new InputException(source, null, null, "at least one row with --where " + request.where(),
                            "none of the " + rows.read + " rows");
                }
            }
            if (rows.firstError != null) {
                throw rows.firstError;
            }
            return new Read(rows.table(scan.sha256()), request.mapping().resolvedIn(relation.columns()),
                    rows.text, rows.side());
        } catch (SQLException e) {
            throw malformed(source, format, scan, e);
        }
    }

    /**
     * The columns of the file, beyond those requested, that the repeated-row check compares: for each
     * {@link #IDENTIFYING_QUANTITIES identifying quantity} not requested, the first of its candidates under the
     * request's mapping that the file has and that no other column is read from.
     */
    private static Map<String, String> identifyingColumns(ColumnRequest request, List<String> available,
                                                          Map<String, String> requested) {
        Map<String, String> identifying = new LinkedHashMap<>();
        for (String quantity : IDENTIFYING_QUANTITIES) {
            if (requested.containsKey(quantity)) {
                continue;
            }
            request.mapping().candidates(quantity).stream()
                    .filter(name -> available.contains(name) && !requested.containsValue(name)
                            && !identifying.containsValue(name))
                    .findFirst().ifPresent(name -> identifying.put(quantity, name));
        }
        return identifying;
    }

    /**
     * What {@code --where} keeps: the rows (0-based, in file order) for which the condition holds, or why it could
     * not be evaluated (reported only after the file itself is known to be well formed).
     */
    private record Where(BitSet keep, long rows, RuntimeException failure) {
    }

    /**
     * Which rows of the file satisfy {@code where}, in file order: the condition is evaluated on the file read with
     * DuckDB's own column types (so that {@code tokens >= 1e9} compares numbers), after the dataset's derived
     * columns if it has any; false or NULL leaves a row out. If DuckDB cannot evaluate the condition on the file's
     * columns, the failure is an {@link IllegalArgumentException} giving its message and the columns.
     */
    private static Where matching(Connection duckdb, Connection streaming, Path file, String source,
                                  TableFormat format,
                                  TableScan.Result scan, Map<String, String> derivedColumns, String where,
                                  Stages stages, long expected) {
        String path = literal(file.toString());
        String typed = switch (format) {
            case CSV -> "read_csv(" + path + ", header = true, delim = "
                    + literal(String.valueOf(RecordLines.csvDelimiter(scan.header()))) + ", quote = '\"', "
                    + "escape = '\"', " + csvLineSize(scan) + ")";
            case JSON -> "read_json(" + path + ", format = 'auto', sample_size = -1)";
            case JSON_LINES -> "read_json(" + path + ", format = 'newline_delimited', sample_size = -1)";
            case PARQUET -> "read_parquet(" + path + ")";
        };
        Relation relation;
        try {
            relation = new Relation(typed, describe(duckdb, typed));
        } catch (SQLException e) {
            return new Where(null, 0, malformed(source, format, scan, e));
        }
        if (!derivedColumns.isEmpty()) {
            relation = relation.project(derivedColumns);
        }
        BitSet keep = new BitSet();
        int row = 0;
        String query = "SELECT coalesce(CAST((" + where + ") AS BOOLEAN), false) FROM " + relation.sql();
        try (Statement statement = streaming.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                if (result.getBoolean(1)) {
                    keep.set(row);
                }
                row++;
                if ((row & PROGRESS_ROWS) == 0) {
                    TableScan.checkInterrupt();
                    stages.at(Stage.WHERE, row, expected);
                }
            }
        } catch (SQLException streamed) {
            SQLException e = streamed;
            try (Statement statement = duckdb.createStatement();
                 ResultSet result = statement.executeQuery(query)) {
                while (result.next()) {
                    TableScan.checkInterrupt();   // a streaming result loses DuckDB's message; this gives it again
                }
            } catch (SQLException again) {
                e = again;
            }
            return new Where(null, row, new IllegalArgumentException("--where '" + where + "': expected a condition "
                    + "over the columns of " + source + " (" + String.join(", ", relation.columns()) + "), found an "
                    + "error evaluating it (DuckDB: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    .strip() + ")", e));
        }
        return new Where(keep, row, null);
    }

    /**
     * DuckDB's {@code max_line_size} option for a scanned text: its default, 2 MB, or the longest line in UTF-8
     * bytes if longer, so that a long cell (a run's configuration, a note) is read rather than refused.
     */
    private static String csvLineSize(TableScan.Result scan) {
        return "max_line_size = " + Math.max(DUCKDB_MAX_LINE_SIZE, scan.longestLine() + 1);
    }

    /** What to select from: a DuckDB table expression and the names of its columns. */
    private record Relation(String sql, List<String> columns) {

        Relation project(Map<String, String> expressions) {
            StringJoiner select = new StringJoiner(", ");
            expressions.forEach((name, expression) -> select.add(expression + " AS " + identifier(name)));
            return new Relation("(SELECT " + select + " FROM " + sql + ")", List.copyOf(expressions.keySet()));
        }
    }

    private static Relation relation(Connection duckdb, Path file, String source, TableFormat format,
                                     TableScan.Result scan) throws SQLException {
        String path = literal(file.toString());
        switch (format) {
            case CSV -> {
                char delimiter = RecordLines.csvDelimiter(scan.header());
                List<String> header = new ArrayList<>(RecordLines.csvHeader(scan.header(), delimiter));
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).isEmpty()) {
                        header.set(i, "Unnamed: " + i);   // pandas' name for it (e.g. to_csv()'s index column)
                    }
                }
                Map<String, String> seen = new HashMap<>();   // DuckDB matches column names without case
                for (String name : header) {
                    String earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                    if (earlier != null) {
                        int line = RecordLines.csvRecords(scan.header()).get(0);
                        throw earlier.equals(name)
                                ? new InputException(source, line, name, "distinct column names in the header",
                                        "'" + name + "' twice")
                                : new InputException(source, line, name, "column names that differ in more than "
                                        + "case (they are matched without case)", "'" + earlier + "' and '" + name
                                        + "'");
                    }
                }
                return new Relation("read_csv(" + path + ", auto_detect = false, header = true, delim = "
                        + literal(String.valueOf(delimiter)) + ", "
                        + "quote = '\"', escape = '\"', strict_mode = true, null_padding = false, " + csvLineSize(scan)
                        + ", columns = " + allVarchar(header) + ")", header);
            }
            case JSON, JSON_LINES -> {
                RecordLines.JsonProblem problem = scan.jsonProblem();
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

    /**
     * The file columns that differ from a missing column's names only in case or by white space around them, as the
     * options that would map them (names are matched exactly, so such a column is never taken silently); empty if
     * there are none.
     */
    private static String nearMatches(ColumnRequest request, List<String> missing, List<String> available) {
        StringJoiner options = new StringJoiner(" ");
        for (String logical : missing) {
            request.mapping().candidates(logical).stream()
                    .flatMap(name -> available.stream().filter(column -> column.strip().equalsIgnoreCase(name)))
                    .findFirst()
                    .ifPresent(column -> options.add("--column \"" + logical + "=" + column + "\""));
        }
        return options.length() == 0 ? "" : "; names differ in case or spaces: map them with " + options;
    }

    /**
     * The file's columns whose name holds "loss" (any case; {@code val_loss}, {@code eval/loss}, {@code train_loss}),
     * offered when no column is found for the loss: the one with the option that maps it, or several to choose from.
     */
    private static String lossLike(List<String> available) {
        List<String> named = available.stream().filter(column -> column.toLowerCase(Locale.ROOT).contains("loss"))
                .toList();
        if (named.isEmpty()) {
            return "";
        }
        return named.size() == 1 ? "; '" + named.get(0) + "' may hold the loss: map it with --column \"loss="
                + named.get(0) + "\"" : "; " + quotedList(named) + " may hold the loss: map one with --column "
                + "\"loss=COLUMN\"";
    }

    private static long count(Connection duckdb, Relation relation) throws SQLException {
        try (Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + relation.sql())) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Logical name → file column, for every required column and every optional one the file has: its mapped column
     * if the file has it, else the one of the mapping's other {@link ColumnMapping#candidates candidates} in the
     * file; two of those (N and params, no params_active_precise) are refused rather than one chosen silently. Every
     * missing required column is reported at once, with the {@code --column} option that would map it.
     */
    private static Map<String, String> resolve(ColumnRequest request, List<String> available, String source) {
        Map<String, String> fileColumns = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String logical : request.all()) {
            List<String> candidates = request.mapping().candidates(logical);
            List<String> present = candidates.stream().filter(available::contains).toList();
            boolean mappedPresent = available.contains(request.mapping().fileColumn(logical));
            if (present.size() > 1 && !mappedPresent && !ColumnMapping.TEXT_NAMES.contains(logical)) {
                throw new InputException(source, null, present.get(0), "one column for '"
                        + logical + "'", countedNames(present) + " (choose one with --column " + logical
                        + "=COLUMN)");
            }
            Optional<String> found = present.stream().findFirst();
            if (found.isPresent()) {
                fileColumns.put(logical, found.get());
            } else if (request.isRequired(logical)) {
                missing.add(logical);
            }
        }
        if (request.side().stream().noneMatch(name -> fileColumns.containsKey(name)
                && !ColumnMapping.TEXT_NAMES.contains(name))) {
            fileColumns.keySet().removeIf(request.side()::contains);   // a side run name labels only side numbers
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
            boolean one = missing.size() == 1;
            boolean listed = one && !request.mapping().candidates(missing.get(0)).equals(List.of(missing.get(0)));
            String expected = (one ? "a column for " : "columns for ") + wanted + (listed ? " or" : " (or") + " name "
                    + (one ? "it" : "them") + " with " + options + ")";
            String found = "only the columns " + quotedList(available) + nearMatches(request, missing, available)
                    + (missing.contains("loss") ? lossLike(available) : "");
            throw one ? InputException.missingColumn(source, request.mapping().fileColumn(missing.get(0)), expected,
                    found) : new InputException(source, null, null, expected, found);
        }
        return fileColumns;
    }

    /** "two: 'a' and 'b'" (or three, …) of the columns {@code names}. */
    static String countedNames(List<String> names) {
        String[] counts = {"two", "three", "four", "five"};
        String count = names.size() - 2 < counts.length ? counts[names.size() - 2] : String.valueOf(names.size());
        List<String> quoted = names.stream().map(name -> "'" + name + "'").toList();
        return count + ": " + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and "
                + quoted.get(quoted.size() - 1);
    }

    private static String orList(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }


    /**
     * Refuses tokens read in a unit beside unique tokens read as the file gives them: both count tokens, so a file
     * that gives one in billions almost surely gives the other so, and reading one scaled and one not would make
     * every run repeat its data a billion times (a caution, or a data-constrained fit, on nonsense). The user says
     * which: the same factor, or 1 when the unique tokens are counts already.
     */
    private static void requireUniqueTokensUnit(Map<String, Double> units, Map<String, String> fileColumns,
                                                String source) {
        Double tokens = units.get("tokens");
        if (tokens != null && tokens != 1 && fileColumns.containsKey(RepeatedData.UNIQUE_TOKENS)
                && !units.containsKey(RepeatedData.UNIQUE_TOKENS)) {
            throw new IllegalArgumentException(ColumnRequest.unitOption("tokens", tokens) + ": " + source
                    + " also has a column of unique tokens ('" + fileColumns.get(RepeatedData.UNIQUE_TOKENS)
                    + "'), read to say whether the runs repeat their data, in a unit not given; give "
                    + ColumnRequest.unitOption(RepeatedData.UNIQUE_TOKENS, tokens) + " if it counts tokens as "
                    + "the tokens column does, or " + ColumnRequest.unitOption(RepeatedData.UNIQUE_TOKENS, 1.0)
                    + " if it counts them one by one");
        }
    }

    /**
     * The rows of one read, filled from DuckDB's streaming result: the numbers of the numeric columns in primitive
     * arrays, the stripped text of the text columns, and the line of each row kept; the first bad value or repeated
     * row is kept to be reported once the whole file has been read.
     */
    private static final class Rows {

        /** A plain decimal number, as {@link #DECIMAL} (RE2 syntax, for DuckDB's {@code regexp_full_match}). */
        private static final String DUCKDB_DECIMAL = "'[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?'";

        private final String source;
        private final TableFormat format;
        private final List<String> logical;
        private final List<String> inFile;
        private final boolean keepBad;
        private final Set<String> strict;
        /**
         * The numeric columns' indices: the first {@link #checked} make up the table, those up to {@link #sideEnd}
         * are side columns, and the rest are read only for the repeated-row check.
         */
        private final int[] numeric;
        private final int checked;
        private final int sideEnd;
        /** Indices into {@link #numeric} of the columns a repeated row is judged on. */
        private final int[] identifying;
        private final int[] textual;
        /** Per numeric column: whether its values need only be finite (any sign) rather than positive. */
        private final boolean[] anySign;
        /** Per numeric column: the size of the unit its values are counted in (1: counts), their multiplier. */
        private final double[] unit;
        private double[][] values;
        private int capacity = 1024;
        private final RecordLines.IntList lines = new RecordLines.IntList();
        private final Map<String, List<String>> text = new LinkedHashMap<>();
        private RowIndex seen;
        /** Rows DuckDB gave, rows the {@code --where} condition kept, and rows stored. */
        private int read;
        private int kept;
        private int stored;
        private InputException firstError;

        Rows(String source, TableFormat format, Map<String, String> fileColumns, Map<String, String> identifyingOnly,
             boolean keepBad, Set<String> strict, Set<String> finite, Set<String> side, Map<String, Double> units) {
            this.source = source;
            this.format = format;
            int requested = fileColumns.size();
            List<String> names = new ArrayList<>(fileColumns.keySet());
            names.addAll(identifyingOnly.keySet());
            List<String> columns = new ArrayList<>(fileColumns.values());
            columns.addAll(identifyingOnly.values());
            this.logical = List.copyOf(names);
            this.inFile = List.copyOf(columns);
            this.keepBad = keepBad;
            this.strict = strict;
            this.numeric = java.util.stream.IntStream.concat(java.util.stream.IntStream.concat(
                    java.util.stream.IntStream.range(0, requested).filter(c -> !ColumnMapping.TEXT_NAMES
                            .contains(logical.get(c)) && !side.contains(logical.get(c))),
                    java.util.stream.IntStream.range(0, requested).filter(c -> !ColumnMapping.TEXT_NAMES
                            .contains(logical.get(c)) && side.contains(logical.get(c)))),
                    java.util.stream.IntStream.range(requested, logical.size())).toArray();
            this.checked = (int) java.util.Arrays.stream(numeric)
                    .filter(c -> c < requested && !side.contains(logical.get(c))).count();
            this.sideEnd = (int) java.util.Arrays.stream(numeric).filter(c -> c < requested).count();
            this.identifying = java.util.stream.IntStream.range(0, numeric.length)
                    .filter(k -> k < checked || k >= sideEnd
                            || IDENTIFYING_QUANTITIES.contains(logical.get(numeric[k])))
                    .toArray();
            this.textual = java.util.stream.IntStream.range(0, requested)
                    .filter(c -> ColumnMapping.TEXT_NAMES.contains(logical.get(c))).toArray();
            this.anySign = new boolean[numeric.length];
            for (int k = 0; k < numeric.length; k++) {
                anySign[k] = k >= sideEnd || finite.contains(logical.get(numeric[k]));
            }
            this.unit = new double[numeric.length];
            for (int k = 0; k < numeric.length; k++) {
                unit[k] = k < sideEnd ? units.getOrDefault(logical.get(numeric[k]), 1.0) : 1.0;
            }
            this.values = new double[numeric.length][capacity];
            for (int c : textual) {
                text.put(logical.get(c), new ArrayList<>());
            }
        }

        /**
         * Streams the rows of {@code relation}: per numeric column its number if DuckDB parses the cell as a
         * positive (or, in a column of any sign, any) finite plain decimal, and otherwise its text; per text column its text; for Parquet the row
         * number.
         */
        void read(Connection duckdb, Relation relation, RecordLines.IntList records, BitSet keep, Stages stages,
                  long expected) throws SQLException {
            seen = keepBad ? null : new RowIndex(expected);
            if (expected > capacity) {
                capacity = (int) Math.min(expected, Integer.MAX_VALUE - 8);
                values = new double[numeric.length][capacity];
            }
            StringJoiner cells = new StringJoiner(", ");
            StringJoiner parsed = new StringJoiner(", ");
            StringJoiner checked = new StringJoiner(", ");
            for (int c = 0; c < logical.size(); c++) {
                cells.add("CAST(" + identifier(inFile.get(c)) + " AS VARCHAR) AS t" + c);
                parsed.add("t" + c);
                checked.add("t" + c);
            }
            for (int c : numeric) {
                parsed.add("CASE WHEN regexp_full_match(t" + c + ", " + DUCKDB_DECIMAL + ") THEN TRY_CAST(t" + c
                        + " AS DOUBLE) END AS v" + c);
            }
            boolean numbered = format == TableFormat.PARQUET;
            if (numbered) {
                cells.add("file_row_number");
                parsed.add("file_row_number");
            }
            StringJoiner select = new StringJoiner(", ");
            for (int k = 0; k < numeric.length; k++) {
                int c = numeric[k];
                select.add("v" + c);
                select.add("CASE WHEN " + (anySign[k] ? "" : "v" + c + " > 0 AND ") + "isfinite(v" + c
                        + ") THEN NULL ELSE t" + c + " END");
            }
            for (int c : textual) {
                select.add("t" + c);
            }
            if (numbered) {
                select.add("file_row_number");
            }
            double[] row = new double[numeric.length];
            try (Statement statement = duckdb.createStatement();
                 ResultSet result = statement.executeQuery("SELECT " + select + " FROM (SELECT " + parsed
                         + " FROM (SELECT " + cells + " FROM " + relation.sql() + "))")) {
                while (result.next()) {
                    int index = read++;
                    if ((read & PROGRESS_ROWS) == 0) {
                        TableScan.checkInterrupt();
                        stages.at(Stage.READ, read, expected);
                    }
                    if (keep != null && !keep.get(index)) {
                        continue;
                    }
                    kept++;
                    if (firstError != null || (!numbered && index >= records.size())) {
                        continue;   // reported once the whole file is read
                    }
                    int line = numbered ? Math.toIntExact(result.getLong(2 * numeric.length + textual.length + 1) + 1)
                            : records.get(index);
                    if (numbers(result, line, row)) {
                        store(result, line, row);
                    }
                }
            }
        }

        /** Reads the numbers of the current row into {@code row}; false (and the error kept) if one is bad. */
        private boolean numbers(ResultSet result, int line, double[] row) throws SQLException {
            for (int k = 0; k < numeric.length; k++) {
                double value = result.getDouble(2 * k + 1);
                if (result.wasNull() || !acceptable(value, anySign[k])) {
                    String cell = result.getString(2 * k + 2);
                    String column = logical.get(numeric[k]);
                    if ((keepBad && !strict.contains(column)) || k >= checked) {
                        value = numberOrNaN(cell, anySign[k]);
                    } else {
                        try {
                            value = number(cell, source, line, inFile.get(numeric[k]), format, anySign[k]);
                        } catch (InputException bad) {
                            firstError = "loss".equals(column) && divergedLoss(cell)
                                    ? bad.withHint(keepingConverged(inFile.get(numeric[k]), anySign[k])) : bad;
                            return false;
                        }
                    }
                }
                row[k] = unit[k] == 1 ? value : scaled(k, value, line);
                if (firstError != null) {
                    return false;
                }
            }
            return true;
        }

        /**
         * {@code value} of numeric column {@code k} in counts: times its unit. A product that is no longer acceptable
         * (beyond the largest double, or below the smallest) is a bad value as any other: NaN where bad values are
         * kept, otherwise the error, kept in {@link #firstError}, naming the value, the option and the product.
         */
        private double scaled(int k, double value, int line) {
            double product = value * unit[k];
            if (acceptable(product, anySign[k]) || !acceptable(value, anySign[k])) {
                return product;
            }
            String column = logical.get(numeric[k]);
            if (keepBad && !strict.contains(column)) {
                return Double.NaN;
            }
            firstError = new InputException(source, format.rowLocation(), line, inFile.get(numeric[k]),
                    anySign[k] ? "a finite number" : "a positive finite number", value + ", which "
                    + ColumnRequest.unitOption(column, unit[k]) + " makes " + product);
            return product;
        }

        private void store(ResultSet result, int line, double[] row) throws SQLException {
            if (stored == capacity) {
                grow();
            }
            for (int k = 0; k < numeric.length; k++) {
                values[k][stored] = row[k];
            }
            if (!keepBad) {
                int earlier = seen.addOrFind(values, identifying, stored);
                if (earlier >= 0) {
                    List<String> columns = java.util.Arrays.stream(identifying).map(k -> numeric[k])
                            .mapToObj(inFile::get).toList();
                    firstError = new InputException(source, format.rowLocation(), line, null, "each row only once",
                            "the same "
                            + quotedList(columns) + " as " + format.rowLocation().at(lines.get(earlier)));
                    return;
                }
            }
            for (int i = 0; i < textual.length; i++) {
                String cell = result.getString(2 * numeric.length + i + 1);
                text.get(logical.get(textual[i])).add(cell == null ? "" : cell.strip());
            }
            lines.add(line);
            stored++;
        }

        private void grow() {
            capacity = stored + (stored >> 1);
            for (int k = 0; k < values.length; k++) {
                values[k] = java.util.Arrays.copyOf(values[k], capacity);
            }
        }

        RunTable table(String contentHash) {
            Map<String, double[]> columns = new LinkedHashMap<>();
            for (int k = 0; k < checked; k++) {
                columns.put(logical.get(numeric[k]), java.util.Arrays.copyOf(values[k], stored));
            }
            return new RunTable(source, contentHash, columns, lines.toArray(0), format.rowLocation());
        }

        /** The side columns' values, in the table's rows. */
        Map<String, double[]> side() {
            Map<String, double[]> columns = new LinkedHashMap<>();
            for (int k = checked; k < sideEnd; k++) {
                columns.put(logical.get(numeric[k]), java.util.Arrays.copyOf(values[k], stored));
            }
            return columns;
        }
    }

    /**
     * The rows stored so far by their numbers, in an open-addressing table of (hash, row index) pairs — 8 bytes a
     * slot rather than a boxed key a row — to find the first earlier row with the same numbers in every column.
     */
    private static final class RowIndex {

        private long[] slots;
        private int size;

        /** A table sized for {@code expected} rows (it grows if there are more). */
        RowIndex(long expected) {
            int capacity = 1 << 10;
            while (capacity < (1 << 30) && capacity < 2 * expected) {
                capacity <<= 1;
            }
            slots = new long[capacity];
        }

        /**
         * Adds row {@code row} of {@code values}; the earlier row with the same numbers in the {@code columns} of
         * {@code values}, or -1 if none.
         */
        int addOrFind(double[][] values, int[] columns, int row) {
            if (2 * (size + 1) > slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                for (long entry : old) {
                    if (entry != 0) {
                        int mask = slots.length - 1;
                        int i = (int) (entry >>> 32) & mask;
                        while (slots[i] != 0) {
                            i = (i + 1) & mask;
                        }
                        slots[i] = entry;
                    }
                }
            }
            int hash = hash(values, columns, row);
            int mask = slots.length - 1;
            for (int i = hash & mask; ; i = (i + 1) & mask) {
                long entry = slots[i];
                if (entry == 0) {
                    slots[i] = ((long) hash << 32) | (row + 1L);
                    size++;
                    return -1;
                }
                int earlier = (int) entry - 1;
                if ((int) (entry >>> 32) == hash && same(values, columns, earlier, row)) {
                    return earlier;
                }
            }
        }

        private static int hash(double[][] values, int[] columns, int row) {
            long h = 0;
            for (int k : columns) {
                h = mix(h + Double.doubleToLongBits(values[k][row]));
            }
            return (int) h;
        }

        /** MurmurHash3's 64-bit finaliser: every bit of {@code h} moves the low bits the table uses. */
        private static long mix(long h) {
            h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
            h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
            return h ^ (h >>> 33);
        }

        /** Equal as {@code Double.equals} compares (bit patterns), as a {@code List<Double>} key would. */
        private static boolean same(double[][] values, int[] columns, int a, int b) {
            for (int k : columns) {
                if (Double.doubleToLongBits(values[k][a]) != Double.doubleToLongBits(values[k][b])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The stages of a read, each given a share of the progress reported. */
    private enum Stage {
        SCAN(0, 0.2), COPY(0.2, 0.3), WHERE(0.3, 0.5), READ(0.5, 1);

        private final double from;
        private final double to;

        Stage(double from, double to) {
            this.from = from;
            this.to = to;
        }
    }

    /**
     * Reports a read's progress: non-decreasing, in steps of at least 1/1000, ending at 1 and the row count when the
     * read is done.
     */
    private static final class Stages {

        private final ReadProgress progress;
        private double reported;

        Stages(ReadProgress progress) {
            this.progress = progress;
        }

        void at(Stage stage, long done, long total) {
            if (total > 0) {
                report(stage.from + (stage.to - stage.from) * Math.min(1, (double) done / total));
            }
        }

        void done(int rows) {
            report(1);
            progress.read(rows);
        }

        private void report(double fraction) {
            if (fraction >= reported + 0.001 || (fraction == 1 && reported < 1)) {
                reported = fraction;
                progress.progressed(fraction);
            }
        }

        void end() {
            progress.ended();
        }
    }

    /** Whether {@code value} may stand in a column: finite, and positive unless the column takes any sign. */
    private static boolean acceptable(double value, boolean anySign) {
        return Double.isFinite(value) && (anySign || value > 0);
    }

    /**
     * Whether a loss cell that is not acceptable reads as a run that diverged: missing, NaN, infinite or a number ≤ 0
     * (not text such as {@code abc}, which is a malformed table, not a run).
     */
    private static boolean divergedLoss(String cell) {
        if (cell == null) {
            return true;
        }
        String text = cell.strip().toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
        return text.isEmpty() || text.equals("nan") || text.equals("inf") || text.equals("infinity")
                || DECIMAL.matcher(text).matches();
    }

    /** What a user types to fit the other rows: a {@code --where} condition keeping acceptable losses. */
    private static String keepingConverged(String fileColumn, boolean anySign) {
        String quoted = "\"" + fileColumn.replace("\"", "\"\"") + "\"";
        return "a run that diverged? --where 'isfinite(" + quoted + ")" + (anySign ? "" : " AND " + quoted + " > 0")
                + "' fits the other rows";
    }

    private static double numberOrNaN(String cell, boolean anySign) {
        String number = cell == null ? "" : cell.strip();
        double value = DECIMAL.matcher(number).matches() ? Double.parseDouble(number) : Double.NaN;
        return acceptable(value, anySign) ? value : Double.NaN;
    }

    private static double number(String cell, String source, int line, String column, TableFormat format,
                                 boolean anySign) {
        String expected = anySign ? "a finite number" : "a positive finite number";
        if (cell == null) {
            String found = switch (format) {
                case CSV -> "an empty cell";
                case JSON, JSON_LINES -> "null or no value";
                case PARQUET -> "null";
            };
            throw new InputException(source, format.rowLocation(), line, column, expected, found);
        }
        String number = cell.strip();
        double value = DECIMAL.matcher(number).matches() ? Double.parseDouble(number) : Double.NaN;
        if (!acceptable(value, anySign)) {
            throw new InputException(source, format.rowLocation(), line, column, expected, quoted(cell));
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
    private static InputException malformed(String source, TableFormat format, TableScan.Result scan,
                                            SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Integer line = null;
        Matcher csvLine = DUCKDB_CSV_LINE.matcher(message);
        Matcher jsonRecord = DUCKDB_JSON_RECORD.matcher(message);
        if (format == TableFormat.CSV && csvLine.find()) {
            line = Integer.valueOf(csvLine.group(1));
        } else if ((format == TableFormat.JSON || format == TableFormat.JSON_LINES) && jsonRecord.find()) {
            int record = Integer.parseInt(jsonRecord.group(1)) - 2;
            RecordLines.IntList starts = scan.records();
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
                    + String.valueOf(RecordLines.csvDelimiter(scan.header())).replace("\t", "\\t") + "')";
            case JSON, JSON_LINES -> "well-formed JSON objects";
            case PARQUET -> "a readable Parquet file";
        };
        return new InputException(source, line, null, expected, "an error reading it (DuckDB: " + found + ")", e);
    }

    private static void requireFile(Path file, String source) {
        if (!Files.exists(file)) {
            throw new InputException(source, null, null, "an existing file", "nothing at that path");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(source, null, null, "a file", "a directory");
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary copy is harmless
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
