package org.scalefit.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.io.PorianData;
import org.scalefit.io.PorianStudy;
import org.scalefit.report.Block;
import org.scalefit.report.Section;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Series;

class PorianFiguresTest {

    /** The four tables analysed without the (slow) saturating loss fits. */
    private static List<Section> sections() {
        Map<String, List<PorianStudy.Result>> byTable = new LinkedHashMap<>();
        for (String table : PorianData.TABLES) {
            byTable.put(table, PorianStudy.table(table, false, LocalParallelism.withThreads(2)));
        }
        return PorianFigures.sections(byTable);
    }

    @Test
    void theReportHasFigure1TheCurvesTheResultsGridsAccountingAdjustedAndOptimalLoss() {
        List<Section> sections = sections();

        assertThat(sections.stream().map(Section::id)).containsExactly("porian-figure-1", "porian-isoflop-curves",
                "porian-warmup-evidence", "porian-results-rw", "porian-results-owt2", "porian-accounting-attention", "porian-kaplan-adjusted",
                "porian-optimal-loss");
        assertThat(sections.get(0).figures().stream().map(Figure::id)).containsExactly("porian-figure-1a",
                "porian-figure-1b", "porian-figure-1c", "porian-figure-1d", "porian-figure-1e");
        assertThat(sections.get(3).figures().stream().map(Figure::id)).containsExactly("porian-results-rw-rho",
                "porian-results-rw-n", "porian-results-rw-d");
    }

    @Test
    void theWarmupEvidenceShowsDStarOfRows1And2WithTheirWarmupPeriodsShaded() {
        Section warmup = sections().stream().filter(s -> s.id().equals("porian-warmup-evidence")).findFirst()
                .orElseThrow();

        assertThat(warmup.figures().stream().map(Figure::id)).containsExactly("porian-warmup-evidence-long",
                "porian-warmup-evidence-short");
        Figure kaplan = warmup.figures().get(0);
        assertThat(kaplan.title()).isEqualTo("Kaplan et al. warmup: Counting last layer FLOPs (row 1)");
        assertThat(kaplan.y().label()).contains("D*");
        Series shaded = kaplan.series("warmup period: 3000 × 2^19 tokens");
        assertThat(shaded.hasBand()).isTrue();
        assertThat(shaded.y()).containsOnly(3000 * Math.pow(2, 19));
        assertThat(shaded.band().lower()).containsOnly(1e7);
        Figure ours = warmup.figures().get(1);
        assertThat(ours.title()).isEqualTo("Our warmup: Correcting warmup (row 2)");
        assertThat(ours.series("warmup period: N*(C) tokens").hasBand()).isTrue();
        assertThat(warmup.blocks()).filteredOn(Block.Text.class::isInstance).map(b -> ((Block.Text) b).text())
                .anySatisfy(text -> assertThat(text).contains("rows 0 and 1").contains("rows 1 and 2"));
        assertThat(warmup.blocks()).filteredOn(Block.Plot.class::isInstance).map(b -> ((Block.Plot) b).caption())
                .allSatisfy(caption -> assertThat(caption).contains("optimal pairs have D* inside the warmup"));
    }

    @Test
    void figure1PanelsShowTheirConfigurationsExponentAndTheReferenceLaws() {
        Figure kaplan = sections().get(0).figures().get(0);

        assertThat(kaplan.title()).isEqualTo("(a) Reproducing Kaplan et al.");
        assertThat(kaplan.series().stream().map(s -> s.name())).containsExactly(
                "Reproducing Kaplan et al.: optimal pairs", "Reproducing Kaplan et al.: a = 0.835 [0.824, 0.846]",
                "Hoffmann et al. (ρ = 20)", "Kaplan et al. (a = 0.88)");
        assertThat(kaplan.series().get(1).hasBand()).isTrue();
    }

    @Test
    void everyFigureTitleStartsWithACapitalOrASymbolAndEachGridPanelNamesItsQuantity() {
        List<Section> sections = sections();

        assertThat(sections.stream().flatMap(s -> s.figures().stream()).map(Figure::title))
                .allSatisfy(title -> assertThat(title).doesNotMatch("[a-z].*"));
        Section adjusted = sections.stream().filter(s -> s.id().equals("porian-kaplan-adjusted")).findFirst()
                .orElseThrow();
        assertThat(adjusted.figures().stream().map(Figure::title)).containsExactly(
                "ρ*(C) of the tuned recipe in Kaplan's accounting", "N*(C) of the tuned recipe in Kaplan's accounting",
                "D*(C) of the tuned recipe in Kaplan's accounting");
    }
}
