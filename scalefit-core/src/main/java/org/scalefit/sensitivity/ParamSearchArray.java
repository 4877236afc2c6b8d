package org.scalefit.sensitivity;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.fit.StartGrid;
import org.scalefit.shapes.NumpyGrids;

/**
 * The start grid of Gemstones' grid-size sensitivity analysis ({@code slope_analysis.create_param_search_array}):
 * for a k-input law and a target size g, the numbers of values
 * e (per exponent), c (per log-coefficient) and r (log irreducible error) with e^k·c^k·r closest to g.
 *
 * <p>Search: t = round(g^(1/(2k+1))); e, c, r each run over [max(3, t−2), min(10, t+2)], looping e → c → r, and
 * the first combination with the strictly smallest |e^k·c^k·r − g| wins. The grid is then
 * exponents {@code linspace(0, 2.5, e)} (each), log-coefficients {@code linspace(0, 30, c)} (each), log irreducible
 * error {@code linspace(−1, 1.5, r)}, enumerated as {@code itertools.product} over θ = [α…, c…, e] in order (the
 * last parameter fastest), so start numbers — and the tie-breaking between equal optima — are the original's.
 * For k = 2 and g = 4500 this gives 5·5·6·6·5 = 4500 starts, the size of Gemstones' default grid
 * ({@link StartGrid#gemstones(int)}), though at other values (linspace, not arange).
 *
 * @param arity             k, the number of law inputs
 * @param target            g, the requested number of starts
 * @param exponentValues    e
 * @param coefficientValues c
 * @param errorValues       r
 */
public record ParamSearchArray(int arity, long target, int exponentValues, int coefficientValues, int errorValues) {

    private static final int FEWEST_VALUES = 3;
    private static final int MOST_VALUES = 10;
    private static final int SEARCH_WINDOW = 2;

    public ParamSearchArray {
        if (arity < 1 || target < 1 || exponentValues < 1 || coefficientValues < 1 || errorValues < 1) {
            throw new IllegalArgumentException("arity, target and value counts must be positive: arity " + arity
                    + ", target " + target + ", values " + exponentValues + "/" + coefficientValues + "/"
                    + errorValues);
        }
    }

    /** The subdivisions {@code create_param_search_array(arity, target)} chooses. */
    public static ParamSearchArray forTarget(int arity, long target) {
        if (arity < 1 || target < 1) {
            throw new IllegalArgumentException("grid size and arity must be positive, were " + target + " and "
                    + arity);
        }
        long perDimension = (long) Math.rint(Math.pow(target, 1.0 / (2 * arity + 1)));
        int low = (int) Math.max(FEWEST_VALUES, perDimension - SEARCH_WINDOW);
        int high = (int) Math.min(MOST_VALUES, perDimension + SEARCH_WINDOW);
        if (low > high) {
            // Python's range would be empty and the original fails; say why instead.
            throw new IllegalArgumentException("grid size " + target + " is too large for a " + arity
                    + "-input law: at most " + MOST_VALUES + " values per parameter");
        }
        int bestE = 0;
        int bestC = 0;
        int bestR = 0;
        long bestDiff = Long.MAX_VALUE;
        for (int e = low; e <= high; e++) {
            for (int c = low; c <= high; c++) {
                for (int r = low; r <= high; r++) {
                    long diff = Math.abs(size(arity, e, c, r) - target);
                    if (diff < bestDiff) {
                        bestDiff = diff;
                        bestE = e;
                        bestC = c;
                        bestR = r;
                    }
                }
            }
        }
        return new ParamSearchArray(arity, target, bestE, bestC, bestR);
    }

    /** The actual number of starts, e^k·c^k·r. */
    public long size() {
        return size(arity, exponentValues, coefficientValues, errorValues);
    }

    /** The grid, in θ order [α_1..α_k, c_1..c_k, e] with the last parameter varying fastest. */
    public StartGrid grid() {
        List<double[]> axes = new ArrayList<>();
        double[] exponents = NumpyGrids.linspace(0, 2.5, exponentValues);
        double[] coefficients = NumpyGrids.linspace(0, 30, coefficientValues);
        for (int j = 0; j < arity; j++) {
            axes.add(exponents);
        }
        for (int j = 0; j < arity; j++) {
            axes.add(coefficients);
        }
        axes.add(NumpyGrids.linspace(-1, 1.5, errorValues));
        int[] order = new int[2 * arity + 1];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return new StartGrid(name(), axes, order);
    }

    /** {@code param-search-array(e×c×r)}, the grid's name in results. */
    public String name() {
        return "param-search-array(" + exponentValues + "x" + coefficientValues + "x" + errorValues + ")";
    }

    private static long size(int arity, int e, int c, int r) {
        long size = r;
        for (int j = 0; j < arity; j++) {
            size = Math.multiplyExact(size, (long) e * c);
        }
        return size;
    }
}
