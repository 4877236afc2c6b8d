package org.scalefit.io.analysis;

import java.util.List;
import org.scalefit.io.RainbowTables;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.RainbowDocument;
import org.scalefit.sensitivity.RainbowTable;

/**
 * The rainbow made from a {@link RainbowRequest}: the table of lines, where each came from, and what the fits
 * reported.
 *
 * @param table      the lines, ordered, with slopes and Δs
 * @param sources    one provenance line per line (file and SHA-256, or the fit and its data's SHA-256)
 * @param notes      fit warnings and the sets left out, in order
 * @param fitsFailed whether some set's fit had no converged start
 */
public record RainbowResult(RainbowTable table, List<String> sources, List<String> notes, boolean fitsFailed) {

    /** The forms the table is written in. */
    public enum Format {
        /** A Markdown table ({@link RainbowTables#markdown}). */
        MARKDOWN,
        /** A LaTeX table ({@link RainbowTables#latex}). */
        LATEX,
        /** scalefit's document with the sources ({@link RainbowDocument}). */
        JSON
    }

    public RainbowResult {
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
    }

    /** The table in {@code format}. */
    public String text(Format format) {
        return switch (format) {
            case MARKDOWN -> RainbowTables.markdown(table);
            case LATEX -> RainbowTables.latex(table);
            case JSON -> RainbowDocument.of(table, sources, ScalefitVersion.current()).write();
        };
    }
}
