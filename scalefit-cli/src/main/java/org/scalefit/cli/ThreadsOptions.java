package org.scalefit.cli;

import org.scalefit.parallel.LocalParallelism;
import picocli.CommandLine.Option;

/**
 * {@code --threads} (a picocli mixin of every command that computes in parallel, and of {@link EngineOptions}): how
 * many of this machine's threads to use. Results never depend on it ({@link org.scalefit.parallel.Parallelism}).
 */
final class ThreadsOptions {

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all cores.")
    Integer threads;

    /**
     * The count given, or null for all cores.
     *
     * @throws IllegalArgumentException if the count given is below 1
     */
    Integer given() {
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, was " + threads);
        }
        return threads;
    }

    /** The count given, or all cores. */
    int count() {
        Integer given = given();
        return given != null ? given : Runtime.getRuntime().availableProcessors();
    }

    /** This machine's threads, {@link #count()} of them. */
    LocalParallelism local() {
        return LocalParallelism.withThreads(count());
    }
}
