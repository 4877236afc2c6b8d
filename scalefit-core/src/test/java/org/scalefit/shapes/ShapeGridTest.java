package org.scalefit.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeGridTest {

    /** The lines of gemstones-grid.txt: numpy's grid summarised per width, and the token counts (see the file). */
    private static List<String[]> numpyGrid() throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                ShapeGridTest.class.getResourceAsStream("gemstones-grid.txt"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("#")) {
                    lines.add(line.split(" "));
                }
            }
        }
        return lines;
    }

    @Test
    void theFullGridIsNumpysToTheInteger() throws IOException {
        ShapeGrid grid = ShapeGrid.gemstones();
        int width = 0;
        int token = 0;
        long[] tokens = grid.tokens();
        for (String[] line : numpyGrid()) {
            if (line[0].equals("w")) {
                int[] depths = grid.depths(width);
                long sum = 0;
                long squares = 0;
                for (int d : depths) {
                    sum += d;
                    squares += (long) d * d;
                }
                assertThat(new long[] {grid.width(width), depths.length, sum, squares, depths[0],
                        depths[depths.length - 1]}).as("width number %d", width).containsExactly(
                        Long.parseLong(line[1]), Long.parseLong(line[2]), Long.parseLong(line[3]),
                        Long.parseLong(line[4]), Long.parseLong(line[5]), Long.parseLong(line[6]));
                width++;
            } else {
                assertThat(tokens[token]).as("token count %d", token).isEqualTo(Long.parseLong(line[1]));
                token++;
            }
        }
        assertThat(width).isEqualTo(grid.widthCount()).isEqualTo(1025);
        assertThat(token).isEqualTo(grid.tokenCount()).isEqualTo(500);
    }

    @Test
    void sizesAreThoseNumpyCounts() {
        // computed with /usr/bin/python3 (numpy 1.24.2) from the construction in ShapeGrid's comment
        ShapeGrid full = ShapeGrid.gemstones();
        assertThat(full.shapeCount()).isEqualTo(637_728);
        assertThat(full.rowCount()).isEqualTo(318_864_000L);
        assertThat(full.width(0)).isEqualTo(256);
        assertThat(full.width(1024)).isEqualTo(131_072);
        assertThat(full.depths(0)).hasSize(456).startsWith(1).endsWith(4095);
        assertThat(full.tokens()).startsWith(1_000_000_000L).endsWith(31_622_776_601_683L);
        ShapeGrid reduced = ShapeGrid.gemstones(257, 200, 9, 13.5, 100);
        assertThat(reduced.widthCount()).isEqualTo(257);
        assertThat(reduced.shapeCount()).isEqualTo(45_364);
        assertThat(ShapeGrid.gemstones(129, 80, 9, 13.5, 60).shapeCount()).isEqualTo(9_634);
    }

    @Test
    void endPointsRoundAsGlibcRoundsThem() {
        // np.log10(4368) = 0x1.d1f4c7fd5f3f6p+1 and 10**that = 4367.999999999998 (int 4367); Math.log10 rounds up
        assertThat(NumpyGrids.log10(4368)).isEqualTo(0x1.d1f4c7fd5f3f6p+1);
        assertThat(NumpyGrids.truncatedPow(10, NumpyGrids.log10(4368))).isEqualTo(4367);
        assertThat(NumpyGrids.log10(6000)).isEqualTo(3.778151250383644);
        assertThat(NumpyGrids.truncatedPow(10, NumpyGrids.log10(6000))).isEqualTo(6000);
        assertThat(NumpyGrids.log10(1e18)).isEqualTo(18);
        assertThat(NumpyGrids.roundedPow(10, 17.0)).isEqualTo(1e17);
    }

    @Test
    void linspaceIsNumpys() {
        double[] y = NumpyGrids.linspace(8, 17, 1025);
        assertThat(y[0]).isEqualTo(8);
        assertThat(y[1024]).isEqualTo(17);
        assertThat(y[1]).isEqualTo(1 * (9.0 / 1024) + 8);
        assertThat(NumpyGrids.linspace(3, 3, 4)).containsExactly(3, 3, 3, 3);
        assertThat(NumpyGrids.linspace(2, 5, 1)).containsExactly(2);
    }
}
