package org.scalefit.report.sections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.report.Block;
import org.scalefit.report.Section;
import org.scalefit.report.charts.SyntheticRuns;
import org.scalefit.sensitivity.LineVariant;
import org.scalefit.sensitivity.RainbowLine;
import org.scalefit.sensitivity.RainbowTable;
import org.scalefit.sensitivity.SamplingComparison;


class SensitivitySectionTest {

    @Test
    void theRainbowTableListsSlopeAndDeltaAndMarksLargeDeltas() {
        RainbowLine base = RainbowLine.ofRegression("base", LineVariant.ofGemstonesName("_100b+"), 0.5, 0);
        RainbowLine far = RainbowLine.ofRegression("cooldown", LineVariant.ofGemstonesName("_cooldown"), 0.62, 0);

        Section section = SensitivitySection.rainbow("rainbow", RainbowTable.of(List.of(base, far), 1e28), 1e18, 1e28);

        Block.Table table = section.blocks().stream().filter(Block.Table.class::isInstance)
                .map(Block.Table.class::cast).findFirst().orElseThrow();
        assertThat(table.rows()).extracting(row -> row.get(0)).containsExactly("base", "cooldown");
        assertThat(table.rows().get(1).get(6)).isEqualTo("0.6200");
        assertThat(table.rows().get(1).get(7)).isEqualTo("0.1200 (> 0.1)");
        assertThat(table.rows().get(0).get(7)).isEqualTo("0.0000");
    }

    @Test
    void aSampleOfRunsThatFollowTheSameLawChangesNoSlope() {
        double[] params = {1e8, 3e8, 1e9, 3e9};
        double[] tokens = {2e9, 8e9, 3e10};
        Observations full = SyntheticRuns.chinchilla(params, tokens);
        Observations reduced = SyntheticRuns.chinchilla(new double[] {1e8, 1e9, 3e9}, tokens);
        SamplingComparison comparison = SamplingComparison.fit("sample", full, reduced, 1e-3, StartGrid.gemstones(2),
                MultiStartFitter.Options.defaults(), LocalParallelism.withThreads(1),
                FitProgress.silent());

        Section section = SensitivitySection.sampling("sampling", comparison, table(full), table(reduced));

        Block.Fact change = section.blocks().stream().filter(Block.Facts.class::isInstance)
                .flatMap(b -> ((Block.Facts) b).facts().stream()).filter(f -> f.name().startsWith("change"))
                .findFirst().orElseThrow();
        assertThat(change.value()).isEqualTo("Δα 0.0000, Δβ 0.0000, Δa 0.0000, Δb 0.0000");
        assertThat(section.figures().get(0).series("sample (9)").size()).isEqualTo(9);
    }

    private static RunTable table(Observations points) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        double[][] inputs = points.inputs();
        columns.put("params", java.util.Arrays.stream(inputs).mapToDouble(x -> x[0]).toArray());
        columns.put("tokens", java.util.Arrays.stream(inputs).mapToDouble(x -> x[1]).toArray());
        int[] lines = new int[inputs.length];
        java.util.Arrays.setAll(lines, i -> i + 1);
        return new RunTable("synthetic", "0", columns, lines);
    }
}
