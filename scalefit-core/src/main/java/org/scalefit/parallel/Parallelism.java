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
 * {@link Task}, and what it captures (the objective, the grid, the handle of a {@link #share shared} value, …) is
 * {@link Serializable}. Anything that must stay in the calling process (a progress listener, a thread pool) is not
 * captured by the task but given as the {@code finished} callback, which the implementation calls in the calling
 * process.
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

    /**
     * Shares {@code value} with the tasks of later {@link #map} calls: a task that captures the returned handle reads
     * the value with {@link Shared#get()}. An implementation that runs tasks in other processes sends the value to
     * each of them once (not with every call's tasks; again only after {@link Shared#dropCopies()}) and keeps one
     * copy there, deserialised once, for all the tasks that run there until the handle is
     * {@linkplain Shared#close() closed}; so a copy may carry state that the tasks of successive calls build up in
     * that process (in transient fields). The default, for implementations that run every task in this process: a
     * handle holding the value.
     */
    default <V extends Serializable> Shared<V> share(V value) {
        return new InProcessShared<>(value);
    }

    /**
     * A value shared with the tasks of later {@link #map} calls ({@link #share}): a small handle, serializable so that
     * tasks may capture it, whatever the size of the value.
     */
    interface Shared<V extends Serializable> extends Serializable, AutoCloseable {

        /**
         * The value: this process's copy of it, or (in an implementation that runs every task in this process) the
         * value given.
         */
        V get();

        /**
         * Lets the processes that keep copies of the value for tasks drop them: the tasks ahead read it seldom, and
         * a task that does reads it again from the process that shared it, which keeps it. Nothing to drop when
         * every task runs in this process.
         */
        default void dropCopies() {
        }

        /** Releases the value here and in every process that keeps a copy; {@link #get()} may fail afterwards. */
        @Override
        void close();
    }
}
