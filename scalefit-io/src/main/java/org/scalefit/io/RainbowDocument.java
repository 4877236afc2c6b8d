package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.sensitivity.RainbowLine;
import org.scalefit.sensitivity.RainbowTable;

/**
 * scalefit's result document of the rainbow table ({@link RainbowTable}; Gemstones, McLeish et al. 2025,
 * {@code rainbow.py}): the budget the lines are ordered at, every line N_opt(C) = k·(C/C₀)^s of the study with its
 * variant, slope, change against its base line and N_opt at that budget, the reference lines, and where the lines came
 * from. Written and read by {@link Documents}' mapper.
 *
 * @param analysis    always {@code rainbow}
 * @param sortCompute the budget the lines are ordered at
 * @param lines       the study's lines, smallest N_opt first
 * @param references  the reference lines, smallest N_opt first
 * @param provenance  the sources of the lines and the version
 */
public record RainbowDocument(String analysis, @JsonProperty("sort_compute") double sortCompute, List<Line> lines,
                              List<Line> references, Provenance provenance) implements ResultDocument {

    /** The value of {@code analysis}. */
    public static final String ANALYSIS = "rainbow";

    public RainbowDocument {
        lines = List.copyOf(lines);
        references = List.copyOf(references);
    }

    /**
     * One line: its label, approach ({@code approach-1}, {@code approach-3}, {@code reference}), variant, whether it
     * is a base line, slope s, the change of s against its base line ({@code base_line}; both null without one),
     * N_opt at the ordering budget, k and C₀.
     */
    public record Line(String label, String approach, String tokens, boolean cooldown,
                       @JsonProperty("lr_ablation") boolean lrAblation, boolean embeddings, boolean base,
                       double slope, Double delta, @JsonProperty("base_line") String baseLine,
                       @JsonProperty("params_at_sort_compute") double paramsAtSortCompute, double scale,
                       @JsonProperty("compute_unit") double computeUnit) {

        static Line of(RainbowTable.Row row) {
            RainbowLine line = row.line();
            String approach = switch (line.family()) {
                case APPROACH_1 -> "approach-1";
                case APPROACH_3 -> "approach-3";
                case REFERENCE -> "reference";
            };
            return new Line(line.label(), approach, line.variant().tokens(), line.variant().cooldown(),
                    line.variant().lrAblation(), line.variant().embeddings(),
                    line.family() != RainbowLine.Family.REFERENCE && line.variant().isBase(), line.slope(),
                    Documents.finite(row.delta()), row.baseLabel().isEmpty() ? null : row.baseLabel(),
                    row.paramsAtSort(), line.scale(), line.computeUnit());
        }
    }

    /** Where the lines came from (files with their SHA-256, or fits) and the version. */
    public record Provenance(List<String> sources, @JsonProperty("scalefit_version") String scalefitVersion) {

        public Provenance {
            sources = List.copyOf(sources);
        }
    }

    /** The document of {@code table}, its lines from {@code sources}, written by scalefit {@code version}. */
    public static RainbowDocument of(RainbowTable table, List<String> sources, String version) {
        return new RainbowDocument(ANALYSIS, table.sortCompute(), lines(table.rows()), lines(table.references()),
                new Provenance(sources, version));
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static RainbowDocument read(Path file) {
        return Documents.read(file, RainbowDocument.class);
    }

    @Override
    public Envelope envelope() {
        return new Envelope(analysis, provenance.scalefitVersion(), null, null, null, null);
    }

    private static List<Line> lines(List<RainbowTable.Row> rows) {
        List<Line> lines = new ArrayList<>();
        for (RainbowTable.Row row : rows) {
            lines.add(Line.of(row));
        }
        return lines;
    }
}
