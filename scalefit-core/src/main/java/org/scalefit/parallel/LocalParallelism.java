package org.scalefit.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * {@link Parallelism} on this machine's cores: a fixed number of worker threads, made for each call, pulling task
 * numbers from a shared counter; a worker reports each task it finishes right away. Interrupting the caller stops the
 * workers after their current task. Tasks run in this process and are never serialised.
 */
public final class LocalParallelism implements Parallelism {

    private final int threads;

    private LocalParallelism(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    /** Up to {@code threads} tasks at once. */
    public static LocalParallelism withThreads(int threads) {
        return new LocalParallelism(threads);
    }

    /** One task at a time, on the calling thread. */
    public static LocalParallelism sequential() {
        return new LocalParallelism(1);
    }

    /** As many tasks at once as the JVM has processors. */
    public static LocalParallelism allCores() {
        return new LocalParallelism(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public <T> List<T> map(int taskCount, Task<T> task, IntConsumer finished) {
        Object[] results = new Object[taskCount];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.currentThread();
        Runnable worker = () -> {
            int i;
            while (failure.get() == null && !caller.isInterrupted() && (i = next.getAndIncrement()) < taskCount) {
                try {
                    results[i] = task.apply(i);
                    finished.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        };
        int workers = Math.min(threads, taskCount);
        if (workers <= 1) {
            worker.run();
        } else {
            List<Thread> pool = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Thread thread = new Thread(worker, "scalefit-worker-" + w);
                thread.setDaemon(true);
                pool.add(thread);
                thread.start();
            }
            for (Thread thread : pool) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    failure.compareAndSet(null, new CancellationException("interrupted"));
                    caller.interrupt();
                    for (Thread other : pool) {
                        other.interrupt();
                    }
                }
            }
        }
        Throwable thrown = failure.get();
        if (thrown == null && caller.isInterrupted()) {
            thrown = new CancellationException("interrupted");
        }
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new IllegalStateException(thrown);
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }
}
