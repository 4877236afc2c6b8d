package org.scalefit.io.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A second process using a store, for the tests that need another process' lock or a process killed mid-write:
 * {@code hold FILE} opens the file and keeps it open; {@code write FILE} records entry after entry, printing
 * {@code recorded i} after each commit.
 */
public final class StoreProcess {

    private StoreProcess() {
    }

    /** The process' entry point: {@code hold FILE} or {@code write FILE}. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("hold")) {
            try (Connection held = DriverManager.getConnection("jdbc:duckdb:" + file)) {
                System.out.println("holding");
                System.out.flush();
                Thread.sleep(60_000);
            }
            return;
        }
        ResultsStore store = ResultsStore.at(file);
        for (int i = 0; ; i++) {
            store.record(runTable(i), key(i), document(i), i, Instant.ofEpochSecond(1_700_000_000L + i));
            System.out.println("recorded " + i);
            System.out.flush();
        }
    }

    /** The key the writer files entry {@code i} under. */
    static CacheKey key(int i) {
        return CacheKey.of("test-entry", sha(i), Map.of("entry", i), "test");
    }

    /** The document of entry {@code i}: large enough that a commit takes a while. */
    static String document(int i) {
        return "{\"entry\":" + i + ",\"payload\":\"" + String.valueOf((char) ('a' + i % 26)).repeat(50_000) + "\"}\n";
    }

    /** The run table recorded with entry {@code i}. */
    static StoredRunTable runTable(int i) {
        return new StoredRunTable("entry-" + i, sha(i), i + 1, Map.of("loss", "final_loss"));
    }

    private static String sha(int i) {
        return CacheKey.sha256Hex("data " + i);
    }

    /** Starts {@code StoreProcess mode file} in a new JVM with this JVM's class path. */
    static Process start(String mode, Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StoreProcess.class.getName(), mode, file.toString())).redirectErrorStream(true).start();
    }
}
