package org.scalefit.shapes;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Gemstones' brute-force grid of model shapes and token counts ({@code approach_3_brute_force.py}, {@code make_data};
 * McLeish et al. 2025 §4.2), replicated to the integer:
 * <pre>
 *   widths    = unique(int(logspace(8, 17, 1025, base 2)))                                   1 025 widths 256 … 131 072
 *   depths(w) = unique(int(logspace(max(0, log10(w // 2048)), log10(16·w), 800))), those &gt; 0     456 … 799 a width
 *   tokens    = int(logspace(9, 13.5, 500))                                                  10⁹ … 3.16·10¹³
 * </pre>
 * with numpy's {@code linspace} (y<sub>i</sub> = i·step + start, step = (stop − start)/(n − 1), the last point set
 * to stop), {@code logspace} (base<sup>y</sup>) and truncation toward zero. Every (width, depth, tokens) triple is a
 * row: 637 728 shapes × 500 token counts = 318 864 000 rows in the full grid. The grid holds only the axes; the rows
 * are visited by {@link ShapeSearch}, never stored.
 *
 * <p>{@link #gemstones(int, int, double, double, int)} builds the same construction with other point counts and
 * token range (Gemstones' {@code --over_120} uses tokens from 10<sup>8.5</sup>), e.g. a reduced grid for tests.
 */
public final class ShapeGrid implements Serializable {

    private final int[] widths;
    private final int[][] depths;
    private final long[] tokens;

    private ShapeGrid(int[] widths, int[][] depths, long[] tokens) {
        this.widths = widths;
        this.depths = depths;
        this.tokens = tokens;
    }

    /**
     * The grid of Gemstones' brute-force search: 1 025 width points, 800 depth points, 500 token counts 10⁹…10¹³·⁵.
     * Built anew on every call (0.2 s in a fresh JVM, 0.05 s after: the end points are evaluated to 40 digits), so
     * an analysis that searches it more than once builds it once and passes it on.
     */
    public static ShapeGrid gemstones() {
        return gemstones(1025, 800, 9, 13.5, 500);
    }

    /**
     * Gemstones' construction with {@code widthPoints} points in logspace(8, 17, base 2), {@code depthPoints} per
     * width, and {@code tokenPoints} token counts in logspace(log10TokensLow, log10TokensHigh).
     */
    public static ShapeGrid gemstones(int widthPoints, int depthPoints, double log10TokensLow,
                                      double log10TokensHigh, int tokenPoints) {
        if (widthPoints < 1 || depthPoints < 1 || tokenPoints < 1) {
            throw new IllegalArgumentException("point counts must be positive: widths " + widthPoints + ", depths "
                    + depthPoints + ", tokens " + tokenPoints);
        }
        if (!(log10TokensLow >= 0) || !(log10TokensHigh >= log10TokensLow) || log10TokensHigh > 18) {
            throw new IllegalArgumentException("token range must satisfy 0 ≤ low ≤ high ≤ 18 (log10), was "
                    + log10TokensLow + " to " + log10TokensHigh);
        }
        int[] widths = unique(NumpyGrids.truncatedLogspace(8, 17, widthPoints, 2));
        int[][] depths = new int[widths.length][];
        for (int i = 0; i < widths.length; i++) {
            int w = widths[i];
            double low = Math.max(0, NumpyGrids.log10(w / 2048));
            int[] candidates = unique(NumpyGrids.truncatedLogspace(low, NumpyGrids.log10(w * 16.0), depthPoints, 10));
            depths[i] = Arrays.stream(candidates).filter(d -> d > 0).toArray();
        }
        long[] tokens = NumpyGrids.truncatedLogspace(log10TokensLow, log10TokensHigh, tokenPoints, 10);
        return new ShapeGrid(widths, depths, tokens);
    }

    /** How many distinct widths. */
    public int widthCount() {
        return widths.length;
    }

    /** Width number {@code index}, in increasing order. */
    public int width(int index) {
        return widths[index];
    }

    /** The widths, increasing. */
    public int[] widths() {
        return widths.clone();
    }

    /** The depths of width number {@code widthIndex}, increasing. */
    public int[] depths(int widthIndex) {
        return depths[widthIndex].clone();
    }

    /** The depths of width number {@code widthIndex}, not copied: for the search, which only reads them. */
    int[] depthsView(int widthIndex) {
        return depths[widthIndex];
    }

    /** How many depths width number {@code widthIndex} has. */
    public int depthCount(int widthIndex) {
        return depths[widthIndex].length;
    }

    /** The token counts, increasing. */
    public long[] tokens() {
        return tokens.clone();
    }

    /** How many token counts. */
    public int tokenCount() {
        return tokens.length;
    }

    /**
     * Whether the row (w, d, t) lies on the grid's boundary: the smallest or largest width, the smallest or largest
     * depth of its width, or the smallest or largest token count (a search's optimum there may want a shape or a
     * token count beyond the grid). A row not on the grid is not on its boundary.
     */
    public boolean onEdge(double width, double depth, double tokenCount) {
        int w = Arrays.binarySearch(widths, (int) width);
        if (w < 0 || widths[w] != width) {
            return false;
        }
        int[] own = depths[w];
        return w == 0 || w == widths.length - 1 || depth == own[0] || depth == own[own.length - 1]
                || tokenCount == tokens[0] || tokenCount == tokens[tokens.length - 1];
    }

    /** How many (width, depth) shapes. */
    public long shapeCount() {
        long count = 0;
        for (int[] d : depths) {
            count += d.length;
        }
        return count;
    }

    /** How many (width, depth, tokens) rows: shapes × token counts. */
    public long rowCount() {
        return shapeCount() * tokens.length;
    }

    /** numpy's {@code unique} of a sorted array. */
    private static int[] unique(long[] values) {
        return Arrays.stream(values).sorted().distinct().mapToInt(Math::toIntExact).toArray();
    }
}
