package org.scalefit.parallel;

import java.io.Serializable;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Runs independent, numbered tasks and returns their results in task order.
 *
 * <p>The engines cut their work into tasks whose results do not depend on which thread or machine runs them, so
 * the same engine gives the same bytes on one thread, many threads, or a cluster (the {@code scalefit-spark} module
 * implements this interface too). A task may therefore be serialised and run in another process: it is a
 * {@link Task}, and what it captures (the objective, the grid, the basin map, …) is {@link Serializable}. Anything
 * that must stay in the calling process (a progress listener, a thread pool) is not captured by the task but given
 * as the {@code finished} callback, which the implementation calls in the calling process.
 */
public interface Parallelism {

    /**
     * One numbered task: result i = {@code apply(i)}. Serializable, so that an implementation may run it in another
     * process; every lambda or method reference given to {@link #map} is one.
     */
    @FunctionalInterface
    interface Task<T> extends IntFunction<T>, Serializable {
    }

    /**
     * Runs {@code task.apply(i)} for i = 0 … taskCount−1 and returns the results, result i at index i. After task i
     * has finished, {@code finished.accept(i)} is called in this process (on any thread, never concurrently with
     * itself for the same i; it must be thread-safe).
     *
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted meanwhile
     */
    <T> List<T> map(int taskCount, Task<T> task, IntConsumer finished);

    /** {@link #map(int, Task, IntConsumer)} without being told of finished tasks. */
    default <T> List<T> map(int taskCount, Task<T> task) {
        return map(taskCount, task, i -> { });
    }

    /** How many tasks may run at once. */
    int threads();
}
