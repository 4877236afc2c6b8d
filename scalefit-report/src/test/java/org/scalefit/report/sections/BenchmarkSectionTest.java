package org.scalefit.report.sections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.data.RunTable;
import org.scalefit.io.GemstonesBenchmarks;
import org.scalefit.io.TableReader;
import org.scalefit.overtraining.BenchmarkLawFits;
import org.scalefit.overtraining.DownstreamFitter;
import org.scalefit.report.Block;
import org.scalefit.report.Section;
import org.scalefit.report.plot.RunStyles;

/** Gemstones' bundled benchmark results and validation losses (McLeish et al. 2025: the error law of Gadre et al. 2024 as Gemstones' {@code gadre_fit.py} fits it, and the
 * final-revision validation losses). */
class BenchmarkSectionTest {

    @Test
    void theErrorLawFactsAreGemstonesFitOfTheAverageErrorOnDolmaLoss() {
        GemstonesBenchmarks benchmarks = GemstonesBenchmarks.read(GemstonesBenchmarks.BUNDLED);
        RunTable losses = new TableReader().read(GemstonesBenchmarks.DEFAULT_LOSSES,
                GemstonesBenchmarks.lossColumns());
        BenchmarkLawFits fits = BenchmarkLawFits.of(benchmarks.atLosses(losses), Optional.of(DownstreamFitter.gadre()),
                Optional.empty());

        Section section = BenchmarkSection.of("benchmarks", benchmarks.checkpoints(), fits, losses.source(),
                Architecture.gemstones(), FlopCount.GEMSTONES_GQA, RunStyles.gemstones());

        Block.Fact law = section.blocks().stream().filter(Block.Facts.class::isInstance)
                .flatMap(b -> ((Block.Facts) b).facts().stream()).findFirst().orElseThrow();
        // gadre_fit.py (scipy curve_fit) on these points: k = 14.926795, γ = 1.8163167, ε = 0.67568316 (SE 1.05108, 0.030352, 0.0012169); R² 0.99277
        assertThat(law.value()).isEqualTo("k = 14.927 ± 1.05, γ = 1.8163 ± 0.0304, ε = 0.67568 ± 0.00122");
        assertThat(law.detail()).startsWith("770 points").contains("R² 0.99277");
        assertThat(section.figures().get(0).series()).hasSize(22);
    }

    @Test
    void theValidationSetsTableHasTheFinalLossesOfTheTenModelsGemstonesPlots() {
        Map<String, RunTable> sets = new LinkedHashMap<>();
        for (String[] set : new String[][] {{"Dolma", "gemstones:hot_100b+"}, {"FineWeb-Edu", "gemstones:fineweb_edu"},
                {"DCLM", "gemstones:fineweb_dclm"}}) {
            sets.put(set[0], new TableReader().read(set[1], GemstonesBenchmarks.lossColumns()));
        }

        Section section = BenchmarkSection.validationSets("validation", sets, Architecture.gemstones(),
                FlopCount.GEMSTONES_GQA, 5e8);

        Block.Table table = section.blocks().stream().filter(Block.Table.class::isInstance)
                .map(Block.Table.class::cast).findFirst().orElseThrow();
        assertThat(table.rows()).hasSize(10);
        // Gemstones' validation losses of the final (main) revision, DCLM / FineWeb-Edu / Dolma: 1024x28 2.8364 / 2.7049 / 2.7034
        List<String> row = table.rows().stream().filter(r -> r.get(0).equals("1024x28")).findFirst().orElseThrow();
        assertThat(row.subList(2, 5)).containsExactly("2.7034", "2.7049", "2.8364");
        assertThat(section.figures().get(0).series().stream().filter(s -> s.inLegend()).count()).isEqualTo(3);
    }
}
