package org.scalefit.fit;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Runs independent, numbered tasks and returns their results in task order.
 *
 * <p>The engines cut their work into tasks whose results do not depend on which thread or machine runs them, so
 * the same engine gives the same bytes on one thread, many threads, or a cluster (the Spark module implements
 * this interface too).
 */
public interface Parallelism {

    /**
     * Runs {@code task.apply(i)} for i = 0 … taskCount−1 and returns the results, result i at index i.
     *
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted meanwhile
     */
    <T> List<T> map(int taskCount, IntFunction<T> task);

    /** How many tasks may run at once. */
    int threads();
}
