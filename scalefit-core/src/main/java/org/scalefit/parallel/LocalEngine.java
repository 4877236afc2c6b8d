package org.scalefit.parallel;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This machine's threads as an engine ({@link LocalParallelism}): the default engine of every command, with nothing
 * to release. Data is read where it is; a {@code file://} URI is taken as its path.
 *
 * @param pool the threads
 */
public record LocalEngine(LocalParallelism pool) implements EngineProvider.Engine {

    /** {@code scheme://…}: a URI, unlike a local path or a bundled dataset id ({@code gemstones:hot}). */
    private static final Pattern URI_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://.*");

    public LocalEngine {
        Objects.requireNonNull(pool, "pool");
    }

    /** All cores of this machine. */
    public static LocalEngine allCores() {
        return new LocalEngine(LocalParallelism.allCores());
    }

    /** {@code threads} worker threads. */
    public static LocalEngine withThreads(int threads) {
        return new LocalEngine(LocalParallelism.withThreads(threads));
    }

    @Override
    public <T> List<T> map(int taskCount, Task<T> task, IntConsumer finished) {
        return pool.map(taskCount, task, finished);
    }

    @Override
    public int threads() {
        return pool.threads();
    }

    @Override
    public String description() {
        return "local, " + pool.threads() + " threads";
    }

    /** A {@code file://} URI as its path; other URIs need an engine that reaches their file system. */
    @Override
    public String localCopy(String data) {
        Matcher uri = URI_SCHEME.matcher(data);
        if (!uri.matches()) {
            return data;
        }
        if (uri.group(1).equalsIgnoreCase("file")) {
            return Path.of(URI.create(data)).toString();
        }
        throw new IllegalArgumentException("--data " + data + ": " + uri.group(1) + ":// files are read by the "
                + "Spark engine (--engine spark, through Hadoop's file systems); or copy the file here first");
    }

    @Override
    public void close() {
    }
}
