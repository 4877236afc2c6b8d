package org.scalefit.io.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A results store that cannot be used: held by another process, not a readable database, a database that is not a
 * results store, written by a newer scalefit, or a write that failed. The message names the file and says which.
 */
public final class ResultsStoreException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    /** Why the store cannot be used. */
    public enum Reason {
        /**
         * Another live process holds the file's lock (or another DuckDB database of this process has it attached),
         * and kept it longer than the store waits.
         */
        LOCKED,
        /** The file is not a readable DuckDB database (corrupt, truncated, not a database at all). */
        UNREADABLE,
        /** The file is a DuckDB database with tables of its own but no scalefit schema. */
        NOT_A_STORE,
        /** The file's schema version is newer than this scalefit knows. */
        NEWER_SCHEMA,
        /** A transaction could not be committed; the store is as it was before it. */
        WRITE_FAILED
    }

    private final transient Path file;
    private final Reason reason;

    ResultsStoreException(Path file, Reason reason, String message, Throwable cause) {
        super(message, cause instanceof IOException io ? io : new IOException(message, cause));
        this.file = file;
        this.reason = reason;
    }

    /** The store file. */
    public Path file() {
        return file;
    }

    /** Why it cannot be used. */
    public Reason reason() {
        return reason;
    }
}
