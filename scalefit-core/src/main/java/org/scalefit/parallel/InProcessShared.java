package org.scalefit.parallel;

import java.io.Serializable;

/**
 * {@link Parallelism#share} when every task runs in this process: the handle holds the value itself (a task that
 * is serialised anyway carries it along).
 */
final class InProcessShared<V extends Serializable> implements Parallelism.Shared<V> {

    private static final long serialVersionUID = 1L;

    private volatile V value;

    InProcessShared(V value) {
        this.value = java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public V get() {
        V known = value;
        if (known == null) {
            throw new IllegalStateException("the shared value was released (Shared.close)");
        }
        return known;
    }

    @Override
    public void close() {
        value = null;
    }
}
