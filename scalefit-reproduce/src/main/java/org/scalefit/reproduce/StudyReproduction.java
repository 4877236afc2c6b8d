package org.scalefit.reproduce;

import java.util.List;
import org.scalefit.report.Provenance;
import org.scalefit.report.Section;

/**
 * What a reproduction of one study found: every compared number, notes on what was not reproduced and why, and the
 * wall time.
 *
 * @param study the study's short name ({@code gemstones}, {@code chinchilla}, {@code gadre},
 *              {@code datablations}, {@code porian})
 * @param title the study's citation
 * @param comparisons the compared numbers, in the order computed
 * @param notes what was left out or could not be compared, and why
 * @param sections the report sections (figures, tables) of the analyses the reproduction ran
 * @param data the data read, with the SHA-256 of its bytes
 * @param seconds wall time of the reproduction
 */
public record StudyReproduction(String study, String title, List<Comparison> comparisons, List<String> notes,
                                List<Section> sections, List<Provenance.DataSource> data, double seconds) {

    public StudyReproduction {
        comparisons = List.copyOf(comparisons);
        notes = List.copyOf(notes);
        sections = List.copyOf(sections);
        data = List.copyOf(data);
    }

    /** Whether every published number was reproduced. */
    public boolean reproduced() {
        return comparisons.stream().allMatch(c -> c.verdict().reproduced());
    }

    /** How many compared numbers have a published value. */
    public long publishedCount() {
        return comparisons.stream().filter(c -> c.verdict() != Comparison.Verdict.NOT_PUBLISHED).count();
    }

    /** How many compared numbers differ from the published value. */
    public long differing() {
        return comparisons.stream().filter(c -> !c.verdict().reproduced()).count();
    }
}
