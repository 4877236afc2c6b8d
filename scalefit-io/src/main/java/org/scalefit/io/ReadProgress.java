package org.scalefit.io;

/**
 * Told how far a {@link TableReader} has got with reading one table, e.g. to draw a progress bar: the fraction of
 * the work done — the file's bytes scanned, then its rows read through DuckDB — as a non-decreasing sequence that
 * reaches 1 when the read succeeds, then the table's row count ({@link #read}). {@link #ended()} follows every read,
 * however it ends (done, bad input, interrupted). Calls come from the reading thread.
 */
@FunctionalInterface
public interface ReadProgress {

    /** Tells nothing. */
    ReadProgress NONE = fraction -> { };

    /**
     * The read has got this far.
     *
     * @param fraction in (0, 1], greater than at the previous call of the same read; 1 when the table is read
     */
    void progressed(double fraction);

    /**
     * The read succeeded: the table holds this many rows (those a {@code --where} condition kept). Told once per
     * successful read, after its last {@link #progressed} and before {@link #ended()}; never for a failed read.
     *
     * @param rows the rows of the table read
     */
    default void read(int rows) {
    }

    /** The read is over, whether or not it succeeded; a next read starts from 0 again. */
    default void ended() {
    }
}
