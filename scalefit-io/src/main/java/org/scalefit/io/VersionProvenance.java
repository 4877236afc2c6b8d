package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The provenance of a result document computed from a law or a bundled study rather than from a data file: the
 * scalefit version that wrote it ({@code "provenance" : {"scalefit_version" : …}}), shared by the allocation and
 * Epoch bootstrap documents, and what was done to the runs as they were read, when anything was (the row condition
 * and the columns' units, {@link DataSource#selectionLabels()}; written only when there are some).
 *
 * @param scalefitVersion {@link ScalefitVersion#current()} of the writer
 * @param transforms      what was done to the runs as they were read, in order (empty: nothing, or no runs)
 */
public record VersionProvenance(@JsonProperty("scalefit_version") String scalefitVersion,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> transforms) {

    public VersionProvenance {
        transforms = transforms == null ? List.of() : List.copyOf(transforms);
    }

    /** The provenance of a document whose runs were read as the file gives them (or that read no runs). */
    public VersionProvenance(String scalefitVersion) {
        this(scalefitVersion, List.of());
    }
}
