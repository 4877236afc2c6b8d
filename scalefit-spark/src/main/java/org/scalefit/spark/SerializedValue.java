package org.scalefit.spark;

import java.io.Serializable;

/**
 * A value as Java-serialised bytes, deserialised at most once in each JVM that reads it: Spark keeps one broadcast
 * value per executor, shared by all the slices that executor runs, so what {@link SparkParallelism} broadcasts (a
 * call's task, a {@linkplain SparkParallelism#share shared} value) is read once per executor, whatever
 * {@code spark.serializer} says. Tasks and shared values are thread-safe ({@link org.scalefit.parallel.Parallelism}'s
 * engines already share one task between threads), so sharing the deserialised value is safe.
 */
final class SerializedValue<V> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final byte[] bytes;
    private transient volatile V value;

    SerializedValue(V value) {
        this.bytes = JavaSerialization.bytes(value);
    }

    /** The value, deserialised on first use in this JVM. */
    V value() {
        V known = value;
        if (known == null) {
            synchronized (this) {
                known = value;
                if (known == null) {
                    @SuppressWarnings("unchecked")
                    V read = (V) JavaSerialization.object(bytes);
                    value = known = read;
                }
            }
        }
        return known;
    }
}
