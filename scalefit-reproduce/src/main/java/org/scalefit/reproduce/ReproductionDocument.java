package org.scalefit.reproduce;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.scalefit.io.Documents;
import org.scalefit.io.Envelope;
import org.scalefit.io.ResultDocument;

/**
 * {@code reproduction.json}: every compared number of the studies reproduced — scalefit's value, the published
 * value, their difference (null where not finite, e.g. not published), the rule and the verdict — per study with its
 * counts and notes. Written and read by {@link Documents}' one mapper.
 *
 * @param scalefitVersion the version of the writer
 * @param studies         one entry per study, in the order reproduced
 */
@JsonPropertyOrder({"scalefit_version", "studies"})
public record ReproductionDocument(@JsonProperty("scalefit_version") String scalefitVersion, List<Study> studies)
        implements ResultDocument {

    /** The value of {@link Envelope#analysis()}. */
    public static final String ANALYSIS = "reproduction";

    public ReproductionDocument {
        studies = List.copyOf(studies);
    }

    /**
     * One study's comparisons.
     *
     * @param study             the study's short name ({@code gemstones}, …)
     * @param title             its citation
     * @param reproduced        whether every published number was reproduced
     * @param publishedCompared how many compared numbers have a published value
     * @param differing         how many differ from it
     * @param comparisons       the compared numbers, in the order computed
     * @param notes             what was left out or could not be compared, and why
     */
    @JsonPropertyOrder({"study", "title", "reproduced", "published_compared", "differing", "comparisons", "notes"})
    public record Study(String study, String title, boolean reproduced,
                        @JsonProperty("published_compared") long publishedCompared, long differing,
                        List<Row> comparisons, List<String> notes) {

        public Study {
            comparisons = List.copyOf(comparisons);
            notes = List.copyOf(notes);
        }
    }

    /**
     * One compared number ({@link Comparison}).
     *
     * @param analysis   which analysis of the study
     * @param quantity   the quantity
     * @param scalefit   scalefit's value, or null when not finite
     * @param published  the published value, or null when the study did not publish it
     * @param difference scalefit − published, or null
     * @param rule       the rule, in words
     * @param verdict    the verdict: {@code agrees}, {@code lower_objective}, {@code flat_direction}, {@code differs}
     *                   or {@code not_published}
     * @param note       why the verdict, when it is not plain agreement; absent otherwise
     */
    @JsonPropertyOrder({"analysis", "quantity", "scalefit", "published", "difference", "rule", "verdict", "note"})
    public record Row(String analysis, String quantity, Double scalefit, Double published, Double difference,
                      String rule, String verdict, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

        /** The row of {@code comparison}. */
        static Row of(Comparison comparison) {
            return new Row(comparison.analysis(), comparison.quantity(), Documents.finite(comparison.ours()),
                    Documents.finite(comparison.published()), Documents.finite(comparison.difference()),
                    comparison.rule(), comparison.verdict().name().toLowerCase(Locale.ROOT),
                    comparison.note().isEmpty() ? null : comparison.note());
        }
    }

    /** The document of {@code studies}, written by scalefit {@code version}. */
    public static ReproductionDocument of(List<StudyReproduction> studies, String version) {
        return new ReproductionDocument(version, studies.stream().map(study -> new Study(study.study(), study.title(),
                study.reproduced(), study.publishedCount(), study.differing(),
                study.comparisons().stream().map(Row::of).toList(), study.notes())).toList());
    }

    /**
     * Reads a {@code reproduction.json}.
     *
     * @throws org.scalefit.io.InputException if it is not one
     */
    public static ReproductionDocument read(Path file) {
        return Documents.read(file, ReproductionDocument.class);
    }

    @Override
    public Envelope envelope() {
        return new Envelope(ANALYSIS, scalefitVersion, null, null, null, null);
    }
}
