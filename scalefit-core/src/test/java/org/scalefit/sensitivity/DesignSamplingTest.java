package org.scalefit.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.data.RunTable;

class DesignSamplingTest {

    @Test
    void sizeClassIsTheParameterCountToOneSignificantFigureHalfToEven() {
        assertThat(ReferenceDesign.sizeClass(66_758_784)).isEqualTo(7e7);
        assertThat(ReferenceDesign.sizeClass(94_776_832)).isEqualTo(9e7);
        assertThat(ReferenceDesign.sizeClass(95_588_096)).isEqualTo(1e8);
        assertThat(ReferenceDesign.sizeClass(2_006_673_381.123)).isEqualTo(2e9);
        assertThat(ReferenceDesign.sizeClass(2.5e8)).isEqualTo(2e8);
        assertThat(ReferenceDesign.sizeClass(3.5e8)).isEqualTo(4e8);
    }

    @Test
    void tokenListsAreRoundedToTheUnitWithHalvesToEvenAsPythonRound() {
        // 1.3e10 / 2e9 = 6.5 → 6 (Python's round), so 13B tokens is read as 12B.
        ReferenceDesign design = ReferenceDesign.ofTokenLists(Map.of(50e6, new double[] {3.15e9, 1.3e10, 2.51e10}),
                2e9);
        assertThat(design.tokens(5e7)).containsExactly(4e9, 12e9, 26e9);
        assertThat(design.tokens(7e7)).isEmpty();
    }

    @Test
    void aDesignFromRunsListsEachRunsRoundedTokensUnderItsSizeClass() {
        ReferenceDesign design = ReferenceDesign.fromRuns(new double[] {73.8e6, 1.018e9, 73.8e6},
                new double[] {3.154e9, 1.57e9, 1.3026e10}, 2e9);
        assertThat(design.tokensBySizeClass().keySet()).containsExactly(7e7, 1e9);
        assertThat(design.tokens(7e7)).containsExactly(4e9, 14e9);
        assertThat(design.tokens(1e9)).containsExactly(2e9);
    }

    @Test
    void checkpointsAreKeptWhenTheirRoundedTokensAreInTheirSizeClassesList() {
        RunTable runs = table(new double[] {66.7e6, 66.7e6, 66.7e6, 94.7e6, 497e6},
                new double[] {4.0014e9, 5.9e9, 8.0e9, 4.0e9, 6.0e9},
                new double[] {3.8, 3.6, 3.5, 3.7, 3.2});
        ReferenceDesign design = ReferenceDesign.ofTokenLists(Map.of(7e7, new double[] {4e9, 6e9},
                5e8, new double[] {6e9}), 2e9);
        RunTable sample = DesignSampling.sample(runs, design, 1e9);
        assertThat(sample.sourceLines()).containsExactly(1, 2, 5);
        assertThat(sample.column("tokens")).containsExactly(4e9, 6e9, 6e9);
        assertThat(sample.column("loss")).containsExactly(3.8, 3.6, 3.2);
        assertThat(sample.column(DesignSampling.SIZE_CLASS)).containsExactly(7e7, 7e7, 5e8);
    }

    @Test
    void aSampleWithNoMatchingCheckpointIsRefused() {
        RunTable runs = table(new double[] {1e8}, new double[] {3e9}, new double[] {3.5});
        ReferenceDesign design = ReferenceDesign.ofTokenLists(Map.of(1e8, new double[] {8e9}), 2e9);
        assertThatThrownBy(() -> DesignSampling.sample(runs, design, 1e9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no checkpoint");
    }

    @Test
    void sizeWindowsKeepRunsInsideAnyClosedWindowOrderedByTokens() {
        RunTable runs = table(new double[] {6e7, 8.5e7, 8e7, 1e9}, new double[] {5e9, 1e9, 2e9, 3e9},
                new double[] {3, 3, 3, 3});
        SizeWindows windows = new SizeWindows(List.of(new double[] {6e7, 8e7}, new double[] {0.9e9, 1.1e9}));
        assertThat(windows.select(runs).sourceLines()).containsExactly(3, 4, 1);
    }

    @Test
    void shapeFilterKeepsTheRunsOfTheGivenShapesAndNamesTheAbsentOnes() {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("width", new double[] {384, 512});
        columns.put("depth", new double[] {13, 11});
        RunTable runs = new RunTable("t", "", columns, new int[] {1, 2});
        assertThat(DesignSampling.onlyShapes(runs, List.of(ModelShape.parse("512x11"))).sourceLines())
                .containsExactly(2);
        List<ModelShape> withAbsent = List.of(ModelShape.parse("512x11"), ModelShape.parse("512x12"));
        assertThat(DesignSampling.onlyShapes(runs, withAbsent).sourceLines()).containsExactly(2);
        assertThat(DesignSampling.absentShapes(runs, withAbsent)).containsExactly(ModelShape.parse("512x12"));
        assertThatThrownBy(() -> DesignSampling.onlyShapes(runs, List.of(ModelShape.parse("512x12"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("512x12");
        assertThatThrownBy(() -> ModelShape.parse("512-12")).isInstanceOf(IllegalArgumentException.class);
    }

    private static RunTable table(double[] params, double[] tokens, double[] loss) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("params", params);
        columns.put("tokens", tokens);
        columns.put("loss", loss);
        int[] lines = new int[params.length];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 1;
        }
        return new RunTable("test", "", columns, lines);
    }
}
