package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The provenance of a result document computed from a law or a bundled study rather than from a data file: only the
 * scalefit version that wrote it ({@code "provenance" : {"scalefit_version" : …}}), shared by the allocation and
 * Epoch bootstrap documents.
 *
 * @param scalefitVersion {@link ScalefitVersion#current()} of the writer
 */
public record VersionProvenance(@JsonProperty("scalefit_version") String scalefitVersion) {
}
