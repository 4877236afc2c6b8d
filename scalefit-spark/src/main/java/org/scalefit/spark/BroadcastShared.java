package org.scalefit.spark;

import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;
import org.scalefit.parallel.Parallelism;

/**
 * {@link SparkParallelism#share}: the value Java-serialised once and broadcast; each executor fetches it once and
 * keeps one deserialised copy ({@link SerializedValue}) for every task it runs until the broadcast is released.
 * {@link #dropCopies()} removes the executors' copies (the driver keeps the broadcast, and an executor that reads it
 * again fetches it again); {@link #close()} destroys it everywhere.
 *
 * @param broadcast the broadcast value
 */
record BroadcastShared<V extends Serializable>(Broadcast<SerializedValue<V>> broadcast)
        implements Parallelism.Shared<V> {

    @Override
    public V get() {
        return broadcast.value().value();
    }

    @Override
    public void dropCopies() {
        broadcast.unpersist(false);
    }

    @Override
    public void close() {
        broadcast.destroy(false);
    }
}
