package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Series;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.shapes.BucketOptimum;
import org.scalefit.shapes.FeasibleShapes;
import org.scalefit.shapes.ShapeGrid;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.shapes.ShapePoint;
import org.scalefit.uncertainty.ShapeBands;

class ShapeFiguresTest {

    @Test
    void feasibleShapesAreGroupedByTargetWithTheToleranceInTheLegend() {
        List<FeasibleShapes.Shape> shapes = FeasibleShapes.gemstones();

        Figure figure = ShapeFigures.feasibleShapes("feasible", shapes, 0.05,
                Map.of("ours", List.of(new ShapeMark("1024x28", 1024, 28))));

        assertThat(figure.series()).extracting(Series::name).containsExactly("50M ± 2.5M", "100M ± 5M",
                "500M ± 25M", "1B ± 50M", "2B ± 100M", "4B ± 200M", "7B ± 350M", "ours");
        int points = figure.series().stream().filter(s -> !s.name().equals("ours")).mapToInt(Series::size).sum();
        assertThat(points).isEqualTo(386);
        assertThat(figure.series("ours").x()).containsExactly(1024);
        assertThat(figure.series("ours").y()).containsExactly(28);
    }

    @Test
    void optimaArePlottedAgainstTheirFlopsOneSeriesPerSet() {
        ShapePoint small = new ShapePoint(512, 8, 1e10, 5e7, 3e18, 3.1);
        ShapePoint large = new ShapePoint(2048, 24, 1e11, 1.2e9, 7e20, 2.4);
        Map<String, List<ShapePoint>> optima = new LinkedHashMap<>();
        optima.put("law", List.of(small, large));

        Figure ratio = ShapeFigures.optimaAgainstCompute("r", ShapeQuantity.WIDTH_DEPTH_RATIO, optima);
        Figure perParam = ShapeFigures.optimaAgainstCompute("t", ShapeQuantity.TOKENS_PER_PARAM, optima);

        assertThat(ratio.series("law").x()).containsExactly(3e18, 7e20);
        assertThat(ratio.series("law").y()).containsExactly(64, 2048.0 / 24);
        assertThat(perParam.series("law").y()).containsExactly(200, 1e11 / 1.2e9);
        assertThat(ratio.series("law").pointLabels().get(0)).startsWith("512x8:");
    }

    @Test
    void aSetWithBootstrapBandsIsDrawnWithTheBandOfTheQuantityPlotted() {
        ShapePoint small = new ShapePoint(512, 8, 1e10, 5e7, 3e18, 3.1);
        ShapePoint large = new ShapePoint(2048, 24, 1e11, 1.2e9, 7e20, 2.4);
        ShapePoint smallWide = new ShapePoint(640, 8, 9e9, 6e7, 3e18, 3.0);
        ShapePoint largeWide = new ShapePoint(2560, 24, 9e10, 1.5e9, 7e20, 2.3);
        FittedLaw law = new FittedLaw(LawForm.CHINCHILLA, new double[] {0.34, 0.28, 6, 6, 0.5});
        ShapeOptima estimate = optima(law, small, large);
        SortedMap<Integer, ShapeOptima> replicates = new TreeMap<>(Map.of(0, estimate, 1, optima(law, smallWide,
                largeWide)));
        ShapeBands bands = ShapeBands.of(estimate, replicates, new int[0], 95, ShapeGrid.gemstones(5, 4, 9, 10, 3));
        Map<String, List<ShapePoint>> optima = new LinkedHashMap<>();
        optima.put("law", List.of(small, large));
        optima.put("other", List.of(small, large));

        Figure params = ShapeFigures.optimaAgainstCompute("p", ShapeQuantity.PARAMS, optima, Map.of("law", bands));

        // np.percentile([5e7, 6e7], [2.5, 97.5]) = [5.025e7, 5.975e7]
        assertThat(params.series("law").band().lower()[0]).isCloseTo(5.025e7, within(1e-3));
        assertThat(params.series("law").band().upper()[1]).isCloseTo(1.2e9 + 0.975 * 0.3e9, within(1e-3));
        assertThat(params.series("other").band()).isNull();
    }

    private static ShapeOptima optima(FittedLaw law, ShapePoint... points) {
        List<BucketOptimum> optima = new ArrayList<>();
        for (int b = 0; b < points.length; b++) {
            optima.add(new BucketOptimum(b, 1e18 * Math.pow(100, b), 1e18 * Math.pow(100, b + 1), points[b]));
        }
        return new ShapeOptima(law, optima, 10);
    }
}
