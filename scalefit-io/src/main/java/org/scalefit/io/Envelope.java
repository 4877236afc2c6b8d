package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What every result document says about how it was made, whatever its own layout: the analysis (or command) that
 * made it, the scalefit version that wrote it ({@link ScalefitVersion#current()}, recorded by io, never by a command),
 * the data it was computed from and that data's SHA-256 (null for a document computed from laws or settings alone),
 * the seed of its random stream (null for a deterministic analysis), and how the computation ran (threads and wall
 * time; null where the document records none). {@link ResultDocument#envelope()} reads it from any document, so that
 * a store, a report or a test treats all documents alike; the documents keep their own field layout on disk.
 *
 * @param analysis        the analysis or command, e.g. {@code fit}, {@code approach-1}, {@code shape-search}
 * @param scalefitVersion the version of the writer
 * @param data            the data's name as given (a file or a bundled set), or null
 * @param dataSha256      the SHA-256 of the data's content, or null
 * @param seed            the seed of the random stream, or null
 * @param run             threads and wall time, or null
 */
public record Envelope(String analysis, @JsonProperty("scalefit_version") String scalefitVersion,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String data,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("data_sha256") String dataSha256,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Long seed,
                       @JsonInclude(JsonInclude.Include.NON_NULL) RunTiming run) {

    /** What a document's provenance says of its data and its writer (each document's provenance record has it). */
    public interface Source {

        /** The data's name as given, or null. */
        String data();

        /** The SHA-256 of the data's content, or null. */
        String dataSha256();

        /** The version of the writer. */
        String scalefitVersion();
    }

    /** The envelope of a document of {@code analysis} whose provenance is {@code source}. */
    public static Envelope of(String analysis, Source source, Long seed, RunTiming run) {
        return new Envelope(analysis, source.scalefitVersion(), source.data(), source.dataSha256(), seed, run);
    }
}
