package org.scalefit.io.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The results store: an embedded DuckDB file holding the run tables read and the results computed from them, each
 * filed under its {@link CacheKey}, so that a computation already done is {@link #find found} instead of repeated.
 *
 * <p>Schema (version {@value #SCHEMA_VERSION}, recorded in {@code schema_version}, one row per migration applied):
 * <pre>
 * runs (data_sha256, source, row_count, columns JSON, first_recorded)   primary key (data_sha256, source, columns)
 * fits (cache_key PK, analysis, data_sha256, options JSON, result JSON, scalefit_version, created, seconds)
 * </pre>
 * {@code created} and {@code first_recorded} are UTC timestamps.
 *
 * <p>Every operation opens the file, does its work and closes it again, so the file is held only for milliseconds
 * and never while a result is being computed: a process killed mid-computation leaves the store closed and intact.
 * Each {@link #record} is one transaction (DuckDB's write-ahead log makes a commit durable and an interrupted one
 * vanish; a {@code .wal} file left by a process killed inside a commit is replayed on the next open). DuckDB lets one
 * process at a time open a file; an operation that finds it held by another process retries for up to the
 * {@link #withLockWait lock wait} and then fails with {@link ResultsStoreException.Reason#LOCKED}, naming that
 * process. Within one process, any number of threads may use the store at once: their connections share one DuckDB
 * database, and an operation that comes while that database is being closed after the last one waits the same way.
 *
 * <p>A store is a value (the file and the lock wait); it keeps no connection between operations.
 */
public final class ResultsStore {

    /** The file name of a store kept next to an analysis' output. */
    public static final String DEFAULT_FILE_NAME = "scalefit-store.duckdb";
    /** The schema version this scalefit reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    private static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(10);
    private static final Pattern LOCK_HOLDER = Pattern.compile("Conflicting lock is held in (.*?) \\(PID (\\d+)\\)");
    /**
     * DuckDB's refusal to open a file that a database of this process still has attached. The JDBC driver shares one
     * database per file among a process' connections (its process-wide instance cache) and closes it when the last
     * connection closes; a connection opened while that close is still under way is not handed the closing
     * database but starts a new one, which the process-wide register of open files refuses until the close is done
     * (DuckDB's {@code DatabaseFilePathManager}). The register and the cache are DuckDB's, process-wide, and say
     * nothing about when the close will be done; rather than keep a process-wide register of its own (one more
     * piece of global state, and no help against connections opened by other code of the process), the store
     * waits this passing conflict out like another process' lock, within the same {@link #withLockWait lock wait}.
     */
    private static final String ATTACHED_IN_PROCESS = "Unique file handle conflict";
    private static final DateTimeFormatter ASIDE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Statements that take the schema from version i to i + 1, at index i. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE runs (data_sha256 VARCHAR NOT NULL, source VARCHAR NOT NULL, row_count INTEGER NOT NULL, "
                    + "columns VARCHAR NOT NULL, first_recorded TIMESTAMP NOT NULL, "
                    + "PRIMARY KEY (data_sha256, source, columns))",
            "CREATE TABLE fits (cache_key VARCHAR PRIMARY KEY, analysis VARCHAR NOT NULL, "
                    + "data_sha256 VARCHAR NOT NULL, options VARCHAR NOT NULL, result VARCHAR NOT NULL, "
                    + "scalefit_version VARCHAR NOT NULL, created TIMESTAMP NOT NULL, seconds DOUBLE NOT NULL)"));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> COLUMNS = new TypeReference<>() {
    };
    private static final String FITS_SELECT = "SELECT cache_key, analysis, data_sha256, options, result, "
            + "scalefit_version, epoch_us(created), seconds FROM fits";

    private final Path file;
    private final Duration lockWait;

    private ResultsStore(Path file, Duration lockWait) {
        this.file = file;
        this.lockWait = lockWait;
    }

    /** The store in {@code file} (nothing is opened or created until an operation needs it). */
    public static ResultsStore at(Path file) {
        return new ResultsStore(file.toAbsolutePath().normalize(), DEFAULT_LOCK_WAIT);
    }

    /**
     * This store, waiting up to {@code wait} (default 10 s) for another process to release the file (or this
     * process' DuckDB to finish closing it).
     */
    public ResultsStore withLockWait(Duration wait) {
        if (wait.isNegative()) {
            throw new IllegalArgumentException("lock wait must not be negative, was " + wait);
        }
        return new ResultsStore(file, wait);
    }

    /** The store file (absolute). */
    public Path file() {
        return file;
    }

    /**
     * The result filed under {@code key}, if any. A store file that does not exist holds nothing (and is not
     * created).
     *
     * @throws ResultsStoreException if the file is locked, unreadable, not a store or of a newer schema
     */
    public Optional<StoredResult> find(CacheKey key) {
        try (Connection connection = open(false)) {
            if (connection == null) {
                return Optional.empty();
            }
            try (PreparedStatement query = connection.prepareStatement(FITS_SELECT + " WHERE cache_key = ?")) {
                query.setString(1, key.sha256());
                List<StoredResult> found = fits(query);
                return found.stream().filter(result -> result.analysis().equals(key.analysis())
                        && result.dataSha256().equals(key.dataSha256()) && result.options().equals(key.options())
                        && result.version().equals(key.version())).findFirst();
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /**
     * Checks that the store can be used — the file, if it exists, is a readable store of a schema this scalefit
     * knows and no other process keeps it locked — without adding to it (an empty database gets the schema).
     *
     * @throws ResultsStoreException if not
     */
    public void check() {
        try (Connection ignored = open(false)) {
            // opening validates
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /**
     * Files {@code result} under {@code key}, replacing what was filed there, and records the run table it was
     * computed from — both in one transaction: after a crash the store holds both or neither. Creates the file
     * (and its folder) if needed.
     *
     * @param runs    the run table read
     * @param key     the result's key
     * @param result  the result document
     * @param seconds how long computing it took
     * @param created when it was computed
     * @return the result as stored
     * @throws ResultsStoreException if the store cannot be opened or the transaction fails
     */
    public StoredResult record(StoredRunTable runs, CacheKey key, String result, double seconds, Instant created) {
        Objects.requireNonNull(result, "result");
        Instant stored = created.truncatedTo(ChronoUnit.MICROS);
        StoredResult entry = new StoredResult(key.sha256(), key.analysis(), key.dataSha256(), key.options(), result,
                key.version(), stored, seconds);
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, stored);
        try (Connection connection = open(true)) {
            connection.setAutoCommit(false);
            try (PreparedStatement run = connection.prepareStatement("INSERT INTO runs VALUES (?, ?, ?, ?, "
                    + "make_timestamp(?)) ON CONFLICT DO NOTHING");
                 PreparedStatement fit = connection.prepareStatement("INSERT OR REPLACE INTO fits VALUES "
                         + "(?, ?, ?, ?, ?, ?, make_timestamp(?), ?)")) {
                run.setString(1, runs.dataSha256());
                run.setString(2, runs.source());
                run.setInt(3, runs.rows());
                run.setString(4, JSON.writeValueAsString(runs.columns()));
                run.setLong(5, micros);
                run.executeUpdate();
                fit.setString(1, entry.key());
                fit.setString(2, entry.analysis());
                fit.setString(3, entry.dataSha256());
                fit.setString(4, entry.options());
                fit.setString(5, entry.result());
                fit.setString(6, entry.version());
                fit.setLong(7, micros);
                fit.setDouble(8, entry.seconds());
                fit.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly(connection);
                throw new ResultsStoreException(file, ResultsStoreException.Reason.WRITE_FAILED,
                        "cannot write results store " + file + ": " + e.getMessage() + " (nothing was written)", e);
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
        return entry;
    }

    /**
     * Every stored result, oldest first.
     *
     * @throws ResultsStoreException as {@link #find}
     */
    public List<StoredResult> fits() {
        try (Connection connection = open(false)) {
            if (connection == null) {
                return List.of();
            }
            try (PreparedStatement query = connection.prepareStatement(FITS_SELECT + " ORDER BY created, cache_key")) {
                return fits(query);
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /**
     * Every run table recorded, in the order first recorded.
     *
     * @throws ResultsStoreException as {@link #find}
     */
    public List<StoredRunTable> runs() {
        try (Connection connection = open(false)) {
            if (connection == null) {
                return List.of();
            }
            List<StoredRunTable> runs = new ArrayList<>();
            try (Statement query = connection.createStatement();
                 ResultSet rows = query.executeQuery("SELECT source, data_sha256, row_count, columns FROM runs "
                         + "ORDER BY first_recorded, data_sha256, source, columns")) {
                while (rows.next()) {
                    runs.add(new StoredRunTable(rows.getString(1), rows.getString(2), rows.getInt(3),
                            JSON.readValue(rows.getString(4), COLUMNS)));
                }
            }
            return List.copyOf(runs);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /**
     * Moves an unusable store file (and its write-ahead log, if any) aside, to
     * {@code <file>.unreadable-<yyyyMMddTHHmmssZ of now>}, so that the next operation starts an empty store and the
     * old bytes are kept for inspection.
     *
     * @return where the file went
     * @throws java.io.UncheckedIOException if it cannot be moved
     */
    public Path moveAside(Instant now) {
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + ASIDE_STAMP.format(now));
        Path wal = file.resolveSibling(file.getFileName() + ".wal");
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            if (Files.exists(wal)) {
                Files.move(wal, aside.resolveSibling(aside.getFileName() + ".wal"), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot move results store " + file + " aside: " + e.getMessage(),
                    e);
        }
        return aside;
    }

    @Override
    public String toString() {
        return "ResultsStore[" + file + "]";
    }

    private static List<StoredResult> fits(PreparedStatement query) throws SQLException {
        List<StoredResult> results = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                results.add(new StoredResult(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6),
                        Instant.EPOCH.plus(rows.getLong(7), ChronoUnit.MICROS), rows.getDouble(8)));
            }
        }
        return List.copyOf(results);
    }

    /**
     * A connection with the schema in place, waiting out another process' lock; {@code null} if the file does not
     * exist and {@code create} is false.
     */
    private Connection open(boolean create) {
        if (!create && !Files.exists(file)) {
            return null;
        }
        if (create) {
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new ResultsStoreException(file, ResultsStoreException.Reason.WRITE_FAILED,
                        "cannot create the folder of results store " + file + ": " + e.getMessage(), e);
            }
        }
        if (Files.isDirectory(file)) {
            throw new ResultsStoreException(file, ResultsStoreException.Reason.UNREADABLE,
                    "results store " + file + " is a directory, not a DuckDB file", null);
        }
        long deadline = System.nanoTime() + lockWait.toNanos();
        long pauseMillis = 20;
        while (true) {
            Connection connection;
            try {
                connection = DriverManager.getConnection("jdbc:duckdb:" + file);
            } catch (SQLException e) {
                String message = String.valueOf(e.getMessage());
                boolean lockedByProcess = message.contains("Could not set lock");
                boolean attachedInProcess = message.contains(ATTACHED_IN_PROCESS);
                if (!lockedByProcess && !attachedInProcess) {
                    throw unreadable(e);
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    Matcher holder = LOCK_HOLDER.matcher(message);
                    String who = attachedInProcess ? "another DuckDB database of this process"
                            : holder.find() ? "another process (PID " + holder.group(2) + ", " + holder.group(1) + ")"
                            : "another process";
                    throw new ResultsStoreException(file, ResultsStoreException.Reason.LOCKED,
                            "results store " + file + " is in use by " + who + " and stayed locked for "
                                    + lockWait.toMillis() / 1000.0 + " s", e);
                }
                pause(Math.min(pauseMillis, Math.max(1, remaining / 1_000_000)));
                pauseMillis = Math.min(2 * pauseMillis, 500);
                continue;
            }
            try {
                ensureSchema(connection);
                return connection;
            } catch (RuntimeException e) {
                closeQuietly(connection);
                throw e;
            }
        }
    }

    /** Creates the schema in an empty database, or migrates an older one; refuses foreign or newer ones. */
    private void ensureSchema(Connection connection) {
        try {
            List<String> tables = new ArrayList<>();
            try (Statement query = connection.createStatement();
                 ResultSet rows = query.executeQuery("SELECT table_name FROM information_schema.tables "
                         + "WHERE table_catalog = current_database() AND table_schema = 'main'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            int version = 0;
            if (tables.contains("schema_version")) {
                try (Statement query = connection.createStatement();
                     ResultSet rows = query.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                    rows.next();
                    version = rows.getInt(1);
                }
            } else if (!tables.isEmpty()) {
                throw new ResultsStoreException(file, ResultsStoreException.Reason.NOT_A_STORE,
                        "results store " + file + " is a DuckDB database but not a scalefit results store (it has "
                                + "tables " + tables + " and no schema_version); choose another file", null);
            }
            if (version > SCHEMA_VERSION) {
                throw new ResultsStoreException(file, ResultsStoreException.Reason.NEWER_SCHEMA,
                        "results store " + file + " has schema version " + version + "; this scalefit reads version "
                                + SCHEMA_VERSION + " (the store was written by a newer scalefit)", null);
            }
            if (version < SCHEMA_VERSION) {
                try {
                    migrate(connection, version);
                } catch (ResultsStoreException e) {
                    if (!migratedMeanwhile(connection)) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** Whether another connection of this process brought the schema up to date while ours was failing to. */
    private static boolean migratedMeanwhile(Connection connection) {
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rows.next();
            return rows.getInt(1) == SCHEMA_VERSION;
        } catch (SQLException e) {
            return false;
        }
    }

    private void migrate(Connection connection, int from) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (from == 0) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, "
                        + "applied TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)");
            }
            for (int version = from; version < SCHEMA_VERSION; version++) {
                for (String sql : MIGRATIONS.get(version)) {
                    statement.execute(sql);
                }
                statement.execute("INSERT INTO schema_version (version) VALUES (" + (version + 1) + ")");
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw new ResultsStoreException(file, ResultsStoreException.Reason.WRITE_FAILED,
                    "cannot create the schema of results store " + file + ": " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private ResultsStoreException unreadable(SQLException e) {
        return new ResultsStoreException(file, ResultsStoreException.Reason.UNREADABLE,
                "results store " + file + " is not a readable DuckDB database: " + e.getMessage(), e);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the results store");
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the failure being reported is the one that matters
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the failure being reported is the one that matters
        }
    }
}
