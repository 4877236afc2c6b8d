package org.scalefit.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.scalefit.io.store.CacheKey;
import org.scalefit.io.store.ResultsStore;
import org.scalefit.io.store.ResultsStoreException;
import org.scalefit.io.store.StoredResult;
import org.scalefit.io.store.StoredRunTable;
import picocli.CommandLine.Option;

/**
 * The options that say where a command keeps its results and whether it may reuse them — {@code --store},
 * {@code --no-store}, {@code --no-cache}, {@code --recreate-store} (a picocli mixin) — and the two steps a caching command takes with
 * them: {@link #lookup} before computing, {@link #record} after.
 *
 * <p>The store is {@code --store FILE} if given, else {@value ResultsStore#DEFAULT_FILE_NAME} in the folder of
 * {@code --out}, else none (a command without {@code --out} or {@code --store}, or with {@code --no-store}, neither
 * reads nor writes a store). A store file the command creates is announced on standard error.
 * A result served from the store is the stored document byte for byte, including its timing fields, which describe
 * the computation that produced it.
 */
final class StoreOptions {

    private static final DateTimeFormatter FITTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Option(names = "--store", paramLabel = "FILE",
            description = "Results store (a DuckDB file): results already computed from the same data with the same "
                    + "options are served from it, new ones are added. Default: " + ResultsStore.DEFAULT_FILE_NAME
                    + " in the folder of --out; none without --out.")
    Path store;

    @Option(names = "--no-store",
            description = "Neither read nor write a results store (none is created beside --out).")
    boolean noStore;

    @Option(names = "--no-cache", description = "Compute even if the store holds the result, and replace it there.")
    boolean noCache;

    @Option(names = "--recreate-store",
            description = "If the store file is not a readable database, move it aside (to FILE.unreadable-<time>) "
                    + "and start an empty store.")
    boolean recreateStore;

    /** The store to use for a command writing to {@code out} (which may be null). */
    Optional<ResultsStore> resultsStore(Path out) {
        if (noStore) {
            if (store != null) {
                throw new IllegalArgumentException("--no-store and --store " + store + " contradict each other; "
                        + "give one");
            }
            return Optional.empty();
        }
        if (store != null) {
            return Optional.of(ResultsStore.at(store));
        }
        if (out != null) {
            return Optional.of(ResultsStore.at(out.toAbsolutePath().resolveSibling(ResultsStore.DEFAULT_FILE_NAME)));
        }
        return Optional.empty();
    }

    /**
     * The stored result for {@code key}, unless there is no store or {@code --no-cache} was given; a hit is announced
     * on standard error. The store is checked even under {@code --no-cache}, so that a broken store stops the
     * command before, not after, the work.
     *
     * @throws UncheckedIOException if the store cannot be used (the message names the file and what to do)
     */
    Optional<StoredResult> lookup(String command, Path out, CacheKey key) {
        Optional<ResultsStore> chosen = resultsStore(out);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        ResultsStore results = chosen.get();
        Optional<StoredResult> found;
        try {
            if (noCache) {
                results.check();
                found = Optional.empty();
            } else {
                found = results.find(key);
            }
        } catch (ResultsStoreException e) {
            if (e.reason() == ResultsStoreException.Reason.LOCKED) {
                throw new UncheckedIOException(e.getMessage() + "; wait for it to finish, or pass --store with "
                        + "another file", e.getCause());
            }
            if (e.reason() != ResultsStoreException.Reason.UNREADABLE) {
                throw e;
            }
            if (!recreateStore) {
                throw new UncheckedIOException(e.getMessage() + "; pass --recreate-store to move it aside and start "
                        + "an empty store", e.getCause());
            }
            Path aside = results.moveAside(Instant.now());
            System.err.println("scalefit " + command + ": results store " + results.file() + " was unreadable; moved "
                    + "it to " + aside + " and started an empty store");
            return Optional.empty();
        }
        found.ifPresent(hit -> announce(command, results, hit, System.err));
        return found;
    }

    /**
     * Files {@code document} under {@code key} in the store, if there is one. The work is done by then, so a store
     * that cannot take it only draws a warning on standard error.
     */
    void record(String command, Path out, StoredRunTable runs, CacheKey key, String document, double seconds) {
        Optional<ResultsStore> chosen = resultsStore(out);
        if (chosen.isEmpty()) {
            return;
        }
        boolean created = !Files.exists(chosen.get().file());
        try {
            chosen.get().record(runs, key, document, seconds, Instant.now());
            if (created) {
                System.err.println("scalefit " + command + ": started a results store at " + chosen.get().file()
                        + " (the same fit is served from it next time; --no-store for none, --store FILE for "
                        + "another file)");
            }
        } catch (ResultsStoreException e) {
            System.err.println("scalefit " + command + ": warning: result not stored: " + e.getMessage());
        }
    }

    private static void announce(String command, ResultsStore results, StoredResult hit, PrintStream err) {
        err.printf(Locale.ROOT, "scalefit %s: served from store (fitted %s, %.2f s): %s%n", command,
                FITTED.format(hit.created()), hit.seconds(), results.file());
    }
}
