package org.scalefit.spark;

import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;
import org.scalefit.parallel.Parallelism;

/**
 * {@link SparkParallelism#share}: the value Java-serialised once and broadcast; each executor fetches it once and
 * keeps one deserialised copy ({@link SerializedValue}) for every task it runs until the broadcast is released.
 * {@link #dropCopies()} removes the executors' copies (the driver keeps the broadcast, and an executor that reads it
 * again fetches it again); {@link #close()} destroys it everywhere; both on the driver.
 *
 * <p>The handle carries the broadcast as Java-serialised bytes and reads the value through a fresh broadcast object
 * each time: a broadcast object keeps the value it read (through a soft reference), so a handle kept inside another
 * shared value (a layer of basin cells and the layer before it) would otherwise keep every earlier value of the chain
 * on the executor's heap after its copies were dropped.
 */
final class BroadcastShared<V extends Serializable> implements Parallelism.Shared<V> {

    private static final long serialVersionUID = 1L;

    /** The driver's broadcast object; null in a copy of the handle. */
    private final transient Broadcast<SerializedValue<V>> broadcast;
    private final byte[] reference;

    BroadcastShared(Broadcast<SerializedValue<V>> broadcast) {
        this.broadcast = broadcast;
        this.reference = JavaSerialization.bytes(broadcast);
    }

    @Override
    public V get() {
        @SuppressWarnings("unchecked")
        Broadcast<SerializedValue<V>> fresh = (Broadcast<SerializedValue<V>>) JavaSerialization.object(reference);
        return fresh.value().value();
    }

    @Override
    public void dropCopies() {
        driverBroadcast().unpersist(false);
    }

    @Override
    public void close() {
        driverBroadcast().destroy(false);
    }

    /** The broadcast, on the driver, which alone releases it. */
    Broadcast<SerializedValue<V>> driverBroadcast() {
        if (broadcast == null) {
            throw new IllegalStateException("a shared value is released by the driver that shared it");
        }
        return broadcast;
    }
}
