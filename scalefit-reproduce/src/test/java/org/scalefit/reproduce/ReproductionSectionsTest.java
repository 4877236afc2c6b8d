package org.scalefit.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.report.Block;
import org.scalefit.report.Section;

class ReproductionSectionsTest {

    private static StudyReproduction study(List<Comparison> comparisons) {
        return new StudyReproduction("demo", "Demo study", comparisons, List.of("A note."), List.of(), List.of(), 0);
    }

    @Test
    void eachStudyOpensWithItsCountsAndCollapsesEachAnalysisUnderItsOwn() {
        Section section = ReproductionSections.comparisons(study(List.of(
                Comparison.relative("Fit A", "alpha", 0.34, 0.34, 1e-3),
                Comparison.relative("Fit A", "beta", 0.28, 0.28, 1e-3),
                Comparison.relative("Bootstrap", "median", 1.0, 1.0, 1e-3))));

        assertThat(section.blocks().get(0)).isEqualTo(new Block.Text("3 published numbers compared, 0 differ."));
        List<Block.Details> details = section.blocks().stream().filter(Block.Details.class::isInstance)
                .map(Block.Details.class::cast).toList();
        assertThat(details).extracting(Block.Details::summary)
                .containsExactly("Fit A: 2 published numbers compared, 0 differ",
                        "Bootstrap: 1 published number compared, 0 differ");
        assertThat(details).noneMatch(Block.Details::open);
        assertThat(((Block.Table) details.get(0).blocks().get(0)).rows()).hasSize(2);
    }

    @Test
    void anAnalysisWithANumberThatDiffersStartsOpen() {
        Section section = ReproductionSections.comparisons(study(List.of(
                Comparison.relative("Fit A", "alpha", 0.34, 0.34, 1e-3),
                Comparison.relative("Fit B", "beta", 0.30, 0.28, 1e-3))));

        List<Block.Details> details = section.blocks().stream().filter(Block.Details.class::isInstance)
                .map(Block.Details.class::cast).toList();
        assertThat(section.blocks().get(0)).isEqualTo(new Block.Text("2 published numbers compared, 1 differs."));
        assertThat(details).extracting(Block.Details::open).containsExactly(false, true);
    }
}
