package org.scalefit.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FeasibleShapesTest {

    private static final List<FeasibleShapes.Shape> SHAPES = FeasibleShapes.gemstones();

    private static boolean contains(int width, int depth) {
        return SHAPES.stream().anyMatch(s -> s.width() == width && s.depth() == depth);
    }

    @Test
    void countsAreTheReferenceCounts() {
        // Gemstones' plot_feasible_model_shapes.ipynb, re-run: 50M 5, 100M 13, 500M 28, 1B 62, 2B 74, 4B 97,
        // 7B 107, 386 in all
        Map<Double, Long> byTarget = SHAPES.stream().collect(Collectors.groupingBy(FeasibleShapes.Shape::target,
                TreeMap::new, Collectors.counting()));
        assertThat(byTarget).containsExactly(Map.entry(50e6, 5L), Map.entry(100e6, 13L), Map.entry(500e6, 28L),
                Map.entry(1e9, 62L), Map.entry(2e9, 74L), Map.entry(4e9, 97L), Map.entry(7e9, 107L));
        assertThat(SHAPES).hasSize(386);
    }

    @Test
    void smallTargetsHaveTheReferenceShapes() {
        assertThat(SHAPES.stream().filter(s -> s.target() == 50e6).map(s -> s.width() + "x" + s.depth()))
                .containsExactly("256x23", "256x24", "256x25", "256x26", "256x27");
        List<FeasibleShapes.Shape> hundred = SHAPES.stream().filter(s -> s.target() == 100e6).toList();
        assertThat(hundred).allMatch(s -> s.width() >= 256 && s.width() <= 768 && s.depth() >= 3 && s.depth() <= 80);
    }

    @Test
    void theSixteenGemstonesInTheSetAndTheOthersNot() {
        int[][] inside = {{256, 23}, {256, 27}, {256, 71}, {256, 80}, {512, 12}, {512, 13}, {768, 3}, {1792, 7},
            {1280, 15}, {768, 45}, {1792, 18}, {2560, 8}, {1280, 36}, {2048, 27}, {1536, 50}, {3072, 12}};
        for (int[] shape : inside) {
            assertThat(contains(shape[0], shape[1])).as("%dx%d", shape[0], shape[1]).isTrue();
        }
        int[][] outside = {{1024, 28}, {384, 13}, {384, 36}, {512, 11}, {512, 14}, {512, 16}};
        for (int[] shape : outside) {
            assertThat(contains(shape[0], shape[1])).as("%dx%d", shape[0], shape[1]).isFalse();
        }
    }

    @Test
    void everyShapeMeetsTheConstraints() {
        for (FeasibleShapes.Shape shape : SHAPES) {
            assertThat(shape.width() % 256).isZero();
            assertThat(Math.abs(shape.relativeDeviation())).isLessThanOrEqualTo(0.05);
            assertThat(shape.depth()).isBetween(2, 255);
        }
    }
}
