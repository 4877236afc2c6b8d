package org.scalefit.io;

/**
 * A result document of scalefit: a record written by {@link Documents}' one mapper (and read back by its type's
 * {@code read}), which says how it was made through its {@link Envelope}.
 */
public interface ResultDocument {

    /** Which analysis made the document, by which version, from which data and seed, on how many threads. */
    Envelope envelope();

    /** The document as scalefit writes it ({@link Documents#write}). */
    default String write() {
        return Documents.write(this);
    }
}
