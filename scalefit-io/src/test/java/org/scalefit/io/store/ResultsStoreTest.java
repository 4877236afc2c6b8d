package org.scalefit.io.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {

    private static final Instant FITTED = Instant.parse("2025-06-01T12:34:56.123456789Z");

    @TempDir
    Path folder;

    private static CacheKey key(double delta) {
        return CacheKey.of("approach3-fit", "ab".repeat(32), Map.of("law", "chinchilla", "delta", delta), "0.1.0");
    }

    private static StoredRunTable runs() {
        return new StoredRunTable("gemstones:hot", "ab".repeat(32), 28, Map.of("params", "params_active_precise"));
    }

    private static void assertFindReportsLocked(Path file, String holder) {
        assertThatThrownBy(() -> ResultsStore.at(file).withLockWait(Duration.ofMillis(200)).find(key(1e-3)))
                .isInstanceOfSatisfying(ResultsStoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(ResultsStoreException.Reason.LOCKED))
                .hasMessageContaining(file.toString())
                .hasMessageContaining(holder);
    }

    @Test
    void recordedResultIsFoundUnderItsKeyWithItsProvenance() {
        ResultsStore store = ResultsStore.at(folder.resolve("store.duckdb"));
        store.record(runs(), key(1e-3), "{\"loss\": 1.5}\n", 12.5, FITTED);

        StoredResult found = store.find(key(1e-3)).orElseThrow();
        assertThat(found.result()).isEqualTo("{\"loss\": 1.5}\n");
        assertThat(found.analysis()).isEqualTo("approach3-fit");
        assertThat(found.dataSha256()).isEqualTo("ab".repeat(32));
        assertThat(found.options()).isEqualTo("{\"delta\":0.001,\"law\":\"chinchilla\"}");
        assertThat(found.version()).isEqualTo("0.1.0");
        assertThat(found.created()).isEqualTo(Instant.parse("2025-06-01T12:34:56.123456Z"));
        assertThat(found.seconds()).isEqualTo(12.5);
        assertThat(store.runs()).containsExactly(runs());
    }

    @Test
    void anotherKeyIsAMiss() {
        ResultsStore store = ResultsStore.at(folder.resolve("store.duckdb"));
        store.record(runs(), key(1e-3), "{}", 1, FITTED);

        assertThat(store.find(key(1e-4))).isEmpty();
    }

    @Test
    void missingFileHoldsNothingAndIsNotCreatedByReading() {
        ResultsStore store = ResultsStore.at(folder.resolve("none.duckdb"));

        assertThat(store.find(key(1e-3))).isEmpty();
        assertThat(store.fits()).isEmpty();
        store.check();
        assertThat(folder.resolve("none.duckdb")).doesNotExist();
    }

    @Test
    void recordingTheSameKeyAgainReplacesTheResultAndKeepsOneRunTable() {
        ResultsStore store = ResultsStore.at(folder.resolve("store.duckdb"));
        store.record(runs(), key(1e-3), "{\"old\":1}", 1, FITTED);
        store.record(runs(), key(1e-3), "{\"new\":1}", 2, FITTED.plusSeconds(60));

        assertThat(store.fits()).singleElement().satisfies(fit -> {
            assertThat(fit.result()).isEqualTo("{\"new\":1}");
            assertThat(fit.seconds()).isEqualTo(2);
        });
        assertThat(store.runs()).hasSize(1);
    }

    @Test
    void storeCreatedInAMissingFolderHasTheCurrentSchemaVersion() throws Exception {
        Path file = folder.resolve("a/b/store.duckdb");
        ResultsStore.at(file).record(runs(), key(1e-3), "{}", 1, FITTED);

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement query = connection.createStatement();
             var rows = query.executeQuery("SELECT max(version) FROM schema_version")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(ResultsStore.SCHEMA_VERSION);
        }
    }

    @Test
    void fileThatIsNotADatabaseIsUnreadableAndNamed() throws Exception {
        Path file = folder.resolve("store.duckdb");
        Files.writeString(file, "not a database ".repeat(500));

        assertThatThrownBy(() -> ResultsStore.at(file).find(key(1e-3)))
                .isInstanceOfSatisfying(ResultsStoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(ResultsStoreException.Reason.UNREADABLE))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a readable DuckDB database");
    }

    @Test
    void truncatedStoreIsUnreadable() throws Exception {
        Path file = folder.resolve("store.duckdb");
        ResultsStore.at(file).record(runs(), key(1e-3), "{}", 1, FITTED);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));

        assertThatThrownBy(() -> ResultsStore.at(file).fits())
                .isInstanceOfSatisfying(ResultsStoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(ResultsStoreException.Reason.UNREADABLE))
                .hasMessageContaining(file.toString());
    }

    @Test
    void unreadableStoreMovedAsideKeepsItsBytesAndFreesTheName() throws Exception {
        Path file = folder.resolve("store.duckdb");
        Files.writeString(file, "garbage");
        ResultsStore store = ResultsStore.at(file);

        Path aside = store.moveAside(Instant.parse("2025-06-01T12:00:00Z"));

        assertThat(aside.getFileName().toString()).isEqualTo("store.duckdb.unreadable-20250601T120000Z");
        assertThat(Files.readString(aside)).isEqualTo("garbage");
        store.record(runs(), key(1e-3), "{}", 1, FITTED);
        assertThat(store.find(key(1e-3))).isPresent();
    }

    @Test
    void databaseOfSomethingElseIsNotTakenOver() throws Exception {
        Path file = folder.resolve("other.duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (id INTEGER)");
        }

        assertThatThrownBy(() -> ResultsStore.at(file).record(runs(), key(1e-3), "{}", 1, FITTED))
                .isInstanceOfSatisfying(ResultsStoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(ResultsStoreException.Reason.NOT_A_STORE))
                .hasMessageContaining(file.toString());
    }

    @Test
    void storeOfANewerSchemaIsRefused() throws Exception {
        Path file = folder.resolve("store.duckdb");
        ResultsStore.at(file).record(runs(), key(1e-3), "{}", 1, FITTED);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO schema_version (version) VALUES (" + (ResultsStore.SCHEMA_VERSION + 1)
                    + ")");
        }

        assertThatThrownBy(() -> ResultsStore.at(file).find(key(1e-3)))
                .isInstanceOfSatisfying(ResultsStoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(ResultsStoreException.Reason.NEWER_SCHEMA))
                .hasMessageContaining("newer scalefit");
    }

    @Test
    void concurrentReadersAllFindTheResult() throws Exception {
        ResultsStore store = ResultsStore.at(folder.resolve("store.duckdb"));
        store.record(runs(), key(1e-3), "{\"loss\": 1.5}\n", 1, FITTED);
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<StoredResult>>> reads = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                reads.add(readers.submit(() -> ResultsStore.at(folder.resolve("store.duckdb")).find(key(1e-3))));
            }
            for (Future<Optional<StoredResult>> read : reads) {
                assertThat(read.get(30, TimeUnit.SECONDS)).hasValueSatisfying(
                        found -> assertThat(found.result()).isEqualTo("{\"loss\": 1.5}\n"));
            }
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void threadsOpeningAndClosingTheStoreInTurnNeverCollide() throws Exception {
        Path file = folder.resolve("store.duckdb");
        ResultsStore.at(file).record(runs(), key(1e-3), "{\"loss\": 1.5}\n", 1, FITTED);
        // Two threads, so that the count of open connections keeps dropping to zero: each time it does, DuckDB
        // closes the database while the other thread may already be opening it again.
        long stop = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        ExecutorService users = Executors.newFixedThreadPool(2);
        try {
            Future<?> reader = users.submit(() -> {
                for (int i = 0; i < 100 && System.nanoTime() < stop; i++) {
                    assertThat(ResultsStore.at(file).find(key(1e-3))).isPresent();
                }
                return null;
            });
            Future<?> writer = users.submit(() -> {
                for (int i = 0; i < 100 && System.nanoTime() < stop; i++) {
                    ResultsStore.at(file).record(runs(), key(i), "{}", 1, FITTED);
                }
                return null;
            });
            reader.get(30, TimeUnit.SECONDS);
            writer.get(30, TimeUnit.SECONDS);
        } finally {
            users.shutdownNow();
        }
    }

    @Test
    void storeKeptAttachedByAnotherDatabaseOfThisProcessIsReportedAsLocked() throws Exception {
        Path file = folder.resolve("store.duckdb");
        ResultsStore.at(file).record(runs(), key(1e-3), "{}", 1, FITTED);
        try (Connection other = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = other.createStatement()) {
            statement.execute("ATTACH '" + file + "' AS kept");

            assertFindReportsLocked(file, "this process");
        }
        assertThat(ResultsStore.at(file).find(key(1e-3))).isPresent();
    }

    @Test
    void storeHeldByAnotherProcessIsReportedWithThatProcess() throws Exception {
        Path file = folder.resolve("store.duckdb");
        ResultsStore.at(file).record(runs(), key(1e-3), "{}", 1, FITTED);
        Process holder = StoreProcess.start("hold", file);
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("holding");

            assertFindReportsLocked(file, "PID " + holder.pid());
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertThat(ResultsStore.at(file).find(key(1e-3))).isPresent();
    }

    @Test
    void writerKilledMidCommitLeavesAReadableStoreOfWholeEntries() throws Exception {
        Path file = folder.resolve("store.duckdb");
        Process writer = StoreProcess.start("write", file);
        int reported = -1;
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8));
            while (reported < 3) {
                String line = output.readLine();
                assertThat(line).as("writer output").startsWith("recorded ");
                reported = Integer.parseInt(line.substring("recorded ".length()));
            }
        } finally {
            writer.destroyForcibly().waitFor();
        }

        ResultsStore store = ResultsStore.at(file);
        List<StoredResult> fits = store.fits();
        assertThat(fits.size()).isGreaterThan(reported);
        for (int i = 0; i < fits.size(); i++) {
            String expected = StoreProcess.document(i);
            assertThat(store.find(StoreProcess.key(i))).as("entry " + i)
                    .hasValueSatisfying(fit -> assertThat(fit.result()).isEqualTo(expected));
        }
        assertThat(store.runs()).hasSize(fits.size());
    }
}
