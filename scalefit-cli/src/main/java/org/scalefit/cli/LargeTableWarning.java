package org.scalefit.cli;

import java.util.Locale;
import org.scalefit.io.ReadProgress;

/**
 * A read's progress ({@code delegate}, e.g. a progress bar) that, once a read of a table of at least
 * {@code threshold} rows has ended, warns on standard error that what follows will take long: a fit evaluates the
 * law on every row from each of its starts, and a bootstrap refits every replicate, so their time grows in proportion
 * to the rows. The threshold is {@value #DEFAULT_THRESHOLD} rows unless the system property
 * {@value #THRESHOLD_PROPERTY} sets another.
 */
final class LargeTableWarning implements ReadProgress {

    /** The system property that sets the threshold (a number of rows). */
    static final String THRESHOLD_PROPERTY = "scalefit.largeTableRows";

    /** The threshold without the property. */
    static final long DEFAULT_THRESHOLD = 1_000_000;

    private final ReadProgress delegate;
    private final String data;
    private final long threshold;
    private int rows = -1;

    private LargeTableWarning(ReadProgress delegate, String data, long threshold) {
        this.delegate = delegate;
        this.data = data;
        this.threshold = threshold;
    }

    /** {@code delegate}, warning after a read of {@code data} (as the user named it) of {@link #threshold()} rows. */
    static ReadProgress around(ReadProgress delegate, String data) {
        return new LargeTableWarning(delegate, data, threshold());
    }

    /** The property's value if it is a whole number, else {@link #DEFAULT_THRESHOLD}. */
    static long threshold() {
        return Long.getLong(THRESHOLD_PROPERTY, DEFAULT_THRESHOLD);
    }

    @Override
    public void progressed(double fraction) {
        delegate.progressed(fraction);
    }

    @Override
    public void read(int count) {
        rows = count;
        delegate.read(count);
    }

    /** After the delegate's end (a progress bar is closed first), the warning, if the read succeeded and was large. */
    @Override
    public void ended() {
        delegate.ended();
        if (rows >= threshold) {
            System.err.printf(Locale.ROOT, "scalefit: warning: %s has %d rows (warned from %d, -D%s=N): fits and "
                    + "bootstraps take time in proportion to the rows; --where CONDITION keeps a subset%n",
                    data == null ? "the data" : data, rows, threshold, THRESHOLD_PROPERTY);
        }
        rows = -1;
    }
}
