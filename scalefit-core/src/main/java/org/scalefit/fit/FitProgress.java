package org.scalefit.fit;

/** Hears how far a long fit has got. Called from worker threads: implementations must be thread-safe. */
@FunctionalInterface
public interface FitProgress {

    /** {@code finished} more units of work (starts, replicates) are done. */
    void advance(long finished);

    /** A listener that ignores everything. */
    static FitProgress silent() {
        return finished -> { };
    }
}
