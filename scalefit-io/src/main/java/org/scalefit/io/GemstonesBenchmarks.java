package org.scalefit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalefit.data.BenchmarkScores;
import org.scalefit.data.RowLocation;
import org.scalefit.data.RunTable;
import org.scalefit.data.ScoresAtLoss;

/**
 * Gemstones' downstream benchmark results (McLeish et al. 2025, {@code benchmarks/}): lighteval accuracies of every checkpoint on the
 * tasks (in the bundled files the 9 tasks {@code arc:challenge, arc:easy, commonsense_qa, hellaswag, mmlu,
 * openbookqa, piqa, siqa, winogrande}; 22 models × 35 revisions), from two Parquet files written by pandas:
 * {@value #ACCURACY_FILE} (accuracies) and {@value #STANDARD_ERROR_FILE} (their standard errors), each with the
 * checkpoint names in the index column {@value #INDEX_COLUMN} and one numeric column per task.
 *
 * <p>{@link #read(String)} parses them as {@code gadre_fit.py} and {@code plot_lighteval.py} do:
 * <ul>
 *   <li>a name {@code Gemstone-<W>x<D>-step_<digits>} or {@code Gemstone-<W>x<D>-main} (the regular expression
 *       {@code Gemstone-(\d+)x(\d+)-(?:step_(\d+)|main)}) gives width W, depth D and the step, {@code main} being
 *       step {@value #FINAL_STEP}; tokens = step·2048·2048 (2048 sequences of 2048 tokens per step);</li>
 *   <li>the task columns are every column but the index, in file order; the standard-error file must have the same
 *       tasks and the same checkpoints (matched by name);</li>
 *   <li>every accuracy must be a number in [0, 1] and every standard error a finite number ≥ 0 (no null or NaN:
 *       the averages of {@link BenchmarkScores} use every task).</li>
 * </ul>
 * {@link #atLosses(RunTable)} is the study's inner merge with a loss table on (model, tokens): 770 rows with the
 * bundled files and {@code gemstones:hot_100b+_477}. Files are read through DuckDB (an in-memory database per
 * read); a file that cannot be used stops the read with an {@link InputException} naming the file, the 1-based row
 * and the column.
 *
 * @param source      {@value #BUNDLED} for the bundled copy, or the directory read
 * @param contentHash SHA-256 of the accuracy file's bytes followed by the standard-error file's, lower-case hex
 * @param checkpoints every checkpoint, in the accuracy file's row order
 */
public record GemstonesBenchmarks(String source, String contentHash, List<BenchmarkScores> checkpoints) {

    /** The id of the bundled copy. */
    public static final String BUNDLED = "gemstones";
    /** The accuracy file's name (in the bundled folder, or in a directory given instead). */
    public static final String ACCURACY_FILE = "light_eval_df.parquet";
    /** The standard-error file's name. */
    public static final String STANDARD_ERROR_FILE = "light_eval_df_err.parquet";
    /** The column that holds pandas' index, the checkpoint names. */
    public static final String INDEX_COLUMN = "__index_level_0__";
    /** The loss table Gemstones merges the results with (Dolma validation loss every 477 steps). */
    public static final String DEFAULT_LOSSES = "gemstones:hot_100b+_477";
    /** The step of the {@code main} revision. */
    public static final long FINAL_STEP = 83475;
    /** Tokens per optimiser step: 2048 sequences of 2048 tokens. */
    public static final double TOKENS_PER_STEP = 2048.0 * 2048.0;

    private static final String FOLDER = "datasets/gemstones/";
    private static final Pattern NAME = Pattern.compile("Gemstone-(\\d+)x(\\d+)-(?:step_(\\d+)|main)");
    private static final String NAME_FORMAT = "a checkpoint name Gemstone-<width>x<depth>-step_<digits> or "
            + "Gemstone-<width>x<depth>-main";

    public GemstonesBenchmarks {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentHash, "contentHash");
        checkpoints = List.copyOf(checkpoints);
    }

    /** The columns {@link #atLosses} needs from a loss table, under the Gemstones names. */
    public static ColumnRequest lossColumns() {
        return ColumnRequest.of("width", "depth", "tokens", "loss");
    }

    /**
     * Reads the benchmark results.
     *
     * @param data {@value #BUNDLED} for the bundled copy, or a directory holding {@value #ACCURACY_FILE} and
     *             {@value #STANDARD_ERROR_FILE}
     * @throws InputException if a file is missing or unreadable, or holds a bad name, value or column
     */
    public static GemstonesBenchmarks read(String data) {
        if (data.equals(BUNDLED)) {
            Path folder = null;
            try {
                folder = Files.createTempDirectory("scalefit-gemstones-benchmarks-");
                Path accuracies = extract(ACCURACY_FILE, folder);
                Path errors = extract(STANDARD_ERROR_FILE, folder);
                return read(BUNDLED, accuracies, BUNDLED + ":" + ACCURACY_FILE, errors,
                        BUNDLED + ":" + STANDARD_ERROR_FILE);
            } catch (IOException e) {
                throw new InputException(BUNDLED, null, null, "readable bundled benchmark files",
                        "an I/O error: " + e.getMessage(), e);
            } finally {
                deleteQuietly(folder);
            }
        }
        Path folder = Path.of(data);
        if (!Files.isDirectory(folder)) {
            throw new InputException(data, null, null, "'" + BUNDLED + "' or a directory holding " + ACCURACY_FILE
                    + " and " + STANDARD_ERROR_FILE, Files.exists(folder) ? "a file" : "nothing at that path");
        }
        Path accuracies = folder.resolve(ACCURACY_FILE);
        Path errors = folder.resolve(STANDARD_ERROR_FILE);
        return read(data, accuracies, accuracies.toString(), errors, errors.toString());
    }

    /** The checkpoints of revision {@code main}, each model's last, in row order. */
    public List<BenchmarkScores> finalRevisions() {
        return checkpoints.stream().filter(BenchmarkScores::isFinalRevision).toList();
    }

    /**
     * The checkpoints that have a loss in {@code losses}, each with its loss, in row order: Gemstones' inner merge on
     * (model, tokens), the model being matched by the table's width and depth.
     *
     * @param losses a table with the columns of {@link #lossColumns()}
     * @throws InputException if the table gives two different losses for one (width, depth, tokens)
     */
    public List<ScoresAtLoss> atLosses(RunTable losses) {
        double[] width = losses.column("width");
        double[] depth = losses.column("depth");
        double[] tokens = losses.column("tokens");
        double[] loss = losses.column("loss");
        Map<List<Double>, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < losses.rows(); i++) {
            Integer earlier = rowOf.putIfAbsent(List.of(width[i], depth[i], tokens[i]), i);
            if (earlier != null && loss[earlier] != loss[i]) {
                throw new InputException(losses.source(), losses.locations(), losses.sourceLine(i), null,
                        "one loss per (width, depth, tokens)", String.format(java.util.Locale.ROOT,
                                "a second one for (%s, %s, %s) (the first on %s)", plain(width[i]),
                                plain(depth[i]), plain(tokens[i]), losses.location(earlier)));
            }
        }
        List<ScoresAtLoss> matched = new ArrayList<>();
        for (BenchmarkScores scores : checkpoints) {
            Integer row = rowOf.get(List.of((double) scores.width(), (double) scores.depth(), scores.tokens()));
            if (row != null) {
                matched.add(new ScoresAtLoss(scores, loss[row]));
            }
        }
        return List.copyOf(matched);
    }

    // ---------------------------------------------------------------- reading

    private static GemstonesBenchmarks read(String source, Path accuracyFile, String accuracyLabel, Path errorFile,
                                            String errorLabel) {
        byte[] accuracyBytes = bytes(accuracyFile, accuracyLabel);
        byte[] errorBytes = bytes(errorFile, errorLabel);
        Table accuracies = table(accuracyFile, accuracyLabel, "an accuracy between 0 and 1", 1);
        Table errors = table(errorFile, errorLabel, "a finite standard error ≥ 0", Double.POSITIVE_INFINITY);
        if (!errors.tasks.equals(accuracies.tasks)) {
            throw new InputException(errorLabel, null, null, "the task columns of " + accuracyLabel + " "
                    + accuracies.tasks, "the columns " + errors.tasks);
        }
        for (String name : errors.values.keySet()) {
            if (!accuracies.values.containsKey(name)) {
                throw new InputException(errorLabel, RowLocation.ROW, errors.rows.get(name), INDEX_COLUMN,
                        "only checkpoints that " + accuracyLabel + " has", quote(name));
            }
        }
        List<BenchmarkScores> checkpoints = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : accuracies.values.entrySet()) {
            String name = entry.getKey();
            double[] error = errors.values.get(name);
            if (error == null) {
                throw new InputException(errorLabel, null, INDEX_COLUMN, "a row for every checkpoint of "
                        + accuracyLabel, "none for " + quote(name));
            }
            checkpoints.add(scores(name, accuracies.tasks, entry.getValue(), error));
        }
        MessageDigest digest = sha256();
        digest.update(accuracyBytes);
        digest.update(errorBytes);
        return new GemstonesBenchmarks(source, HexFormat.of().formatHex(digest.digest()), checkpoints);
    }

    /** One file: its task names and, per checkpoint name (in row order), the values and the 1-based row. */
    private record Table(List<String> tasks, Map<String, double[]> values, Map<String, Integer> rows) {
    }

    private static Table table(Path file, String label, String expected, double high) {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            String relation = "read_parquet(" + literal(file.toString()) + ", file_row_number = true)";
            List<String> columns = new ArrayList<>();
            List<String> types = new ArrayList<>();
            try (Statement statement = duckdb.createStatement();
                 ResultSet result = statement.executeQuery("DESCRIBE SELECT * FROM "
                         + "read_parquet(" + literal(file.toString()) + ")")) {
                while (result.next()) {
                    columns.add(result.getString("column_name"));
                    types.add(result.getString("column_type"));
                }
            }
            if (!columns.contains(INDEX_COLUMN)) {
                throw new InputException(label, null, INDEX_COLUMN, "the checkpoint names (pandas' index)",
                        "only the columns " + columns);
            }
            List<String> tasks = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).equals(INDEX_COLUMN)) {
                    continue;
                }
                if (!List.of("DOUBLE", "FLOAT", "DECIMAL", "BIGINT", "INTEGER").contains(types.get(c).replaceAll(
                        "\\(.*", ""))) {
                    throw new InputException(label, null, columns.get(c), "a numeric task column",
                            "a column of type " + types.get(c));
                }
                tasks.add(columns.get(c));
            }
            if (tasks.isEmpty()) {
                throw new InputException(label, null, null, "at least one task column besides " + INDEX_COLUMN,
                        "none");
            }
            StringJoiner select = new StringJoiner(", ");
            select.add(identifier(INDEX_COLUMN));
            tasks.forEach(task -> select.add("CAST(" + identifier(task) + " AS DOUBLE)"));
            select.add("file_row_number");
            Map<String, double[]> values = new LinkedHashMap<>();
            Map<String, Integer> rows = new HashMap<>();
            try (Statement statement = duckdb.createStatement();
                 ResultSet result = statement.executeQuery("SELECT " + select + " FROM " + relation
                         + " ORDER BY file_row_number")) {
                while (result.next()) {
                    int row = Math.toIntExact(result.getLong(tasks.size() + 2) + 1);
                    String name = result.getString(1);
                    if (name == null || !NAME.matcher(name).matches()) {
                        throw new InputException(label, RowLocation.ROW, row, INDEX_COLUMN, NAME_FORMAT,
                                name == null ? "null" : quote(name));
                    }
                    double[] rowValues = new double[tasks.size()];
                    for (int t = 0; t < tasks.size(); t++) {
                        double value = result.getDouble(t + 2);
                        boolean missing = result.wasNull();
                        if (missing || !(value >= 0 && value <= high) || Double.isInfinite(value)) {
                            throw new InputException(label, RowLocation.ROW, row, tasks.get(t), expected,
                                    missing ? "null" : Double.toString(value));
                        }
                        rowValues[t] = value;
                    }
                    Integer earlier = rows.putIfAbsent(name, row);
                    if (earlier != null) {
                        throw new InputException(label, RowLocation.ROW, row, INDEX_COLUMN, "each checkpoint once",
                                quote(name) + " again (first on " + RowLocation.ROW.at(earlier) + ")");
                    }
                    values.put(name, rowValues);
                }
            }
            if (values.isEmpty()) {
                throw new InputException(label, null, null, "at least one row", "no rows");
            }
            return new Table(List.copyOf(tasks), values, rows);
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new InputException(label, null, null, "a readable Parquet file",
                    "an error reading it (DuckDB: " + message + ")", e);
        }
    }

    private static BenchmarkScores scores(String name, List<String> tasks, double[] accuracy, double[] error) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new AssertionError(name);
        }
        int width = Integer.parseInt(matcher.group(1));
        int depth = Integer.parseInt(matcher.group(2));
        boolean main = matcher.group(3) == null;
        long step = main ? FINAL_STEP : Long.parseLong(matcher.group(3));
        String revision = main ? BenchmarkScores.FINAL_REVISION : "step_" + matcher.group(3);
        Map<String, Double> accuracies = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            accuracies.put(tasks.get(t), accuracy[t]);
            errors.put(tasks.get(t), error[t]);
        }
        return new BenchmarkScores(name, width, depth, revision, step, step * TOKENS_PER_STEP, accuracies, errors);
    }

    private static Path extract(String file, Path folder) throws IOException {
        Path copy = folder.resolve(file);
        try (InputStream in = GemstonesBenchmarks.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("the bundled file " + FOLDER + file + " is missing from the class "
                        + "path");
            }
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    private static byte[] bytes(Path file, String label) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(label, null, null, "an existing file",
                    Files.exists(file) ? "a directory" : "nothing at that path");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(label, null, null, "a readable file", "an unreadable one (" + e + ")", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // a leftover temporary copy of the bundled files is harmless
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e18 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
