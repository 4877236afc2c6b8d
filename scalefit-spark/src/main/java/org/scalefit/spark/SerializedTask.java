package org.scalefit.spark;

import java.io.Serializable;
import org.scalefit.parallel.Parallelism;

/**
 * A task as Java-serialised bytes, deserialised at most once in each JVM that runs it: Spark keeps one broadcast
 * value per executor, shared by all the slices that executor runs, so the task (objective data, basin map, …) is
 * read once per executor and call. Tasks are thread-safe ({@link Parallelism}'s engines already share one task
 * between threads), so sharing the deserialised task is safe.
 */
final class SerializedTask<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final byte[] bytes;
    private transient volatile Parallelism.Task<T> task;

    SerializedTask(Parallelism.Task<T> task) {
        this.bytes = JavaSerialization.bytes(task);
    }

    /** The task, deserialised on first use in this JVM. */
    Parallelism.Task<T> task() {
        Parallelism.Task<T> known = task;
        if (known == null) {
            synchronized (this) {
                known = task;
                if (known == null) {
                    @SuppressWarnings("unchecked")
                    Parallelism.Task<T> read = (Parallelism.Task<T>) JavaSerialization.object(bytes);
                    task = known = read;
                }
            }
        }
        return known;
    }
}
