package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Series;
import org.scalefit.shapes.FeasibleShapes;
import org.scalefit.shapes.ShapePoint;

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
}
