package org.scalefit.shapes;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.scalefit.fit.FitProgress;
import org.scalefit.law.FittedLaw;
import org.scalefit.parallel.Parallelism;

/**
 * Width–depth prescriptions by brute force: for each FLOPs bucket, the grid row (w, d, t) of least predicted loss
 * under each law (Gemstones {@code approach_3_brute_force.py}; McLeish et al. 2025 §4.2).
 *
 * <p>Every row of the {@link ShapeGrid} gets C = t · flops_per_token(w, d) and, for laws with a {@code params}
 * input, N = the {@link ParameterCount} of w × d; rows with C outside the {@link FlopBuckets}' range are dropped; in
 * each bucket the row minimising the law (summed in Gemstones' order, see {@link #minimise}) wins, the first in
 * width, depth, tokens order on ties — the row {@code df.loc[bucket_df[law].idxmin()]} picks.
 *
 * <p>Unlike the original, which materialises the 3.2·10⁸ rows in pandas (and ships a cache because that is slow),
 * the rows are streamed: one task a width, the depths and the token counts in order within it, the law's shape terms
 * computed once per (w, d), and for each depth only the token counts whose FLOPs lie in range (FLOPs grow with t and
 * with d). Task results are merged in width order, so the optima do not depend on the number of threads.
 */
public final class ShapeSearch implements Serializable {

    private final ShapeGrid grid;
    private final FlopBuckets buckets;
    private final ShapeAccounting accounting;

    private ShapeSearch(ShapeGrid grid, FlopBuckets buckets, ShapeAccounting accounting) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.buckets = Objects.requireNonNull(buckets, "buckets");
        this.accounting = Objects.requireNonNull(accounting, "accounting");
    }

    /** A search of {@code grid}, cut into {@code buckets}, with shapes costed by {@code accounting}. */
    public static ShapeSearch over(ShapeGrid grid, FlopBuckets buckets, ShapeAccounting accounting) {
        return new ShapeSearch(grid, buckets, accounting);
    }

    /** The grid searched. */
    public ShapeGrid grid() {
        return grid;
    }

    /** The FLOPs buckets. */
    public FlopBuckets buckets() {
        return buckets;
    }

    /** How shapes are costed. */
    public ShapeAccounting accounting() {
        return accounting;
    }

    /**
     * The per-bucket optima of each law, in the order given, from one pass over the grid.
     *
     * <p>Each law's inputs must be among width, depth, params and tokens, tokens last. Its prediction is summed as
     * Gemstones' {@code our_pred_func} sums it, left to right:
     * ((T<sub>1</sub> + T<sub>2</sub> + …) + T<sub>tokens</sub>) + e<sup>e</sup> with
     * T<sub>j</sub> = exp(c<sub>j</sub> − α<sub>j</sub>·ln x<sub>j</sub>).
     */
    public List<ShapeOptima> minimise(List<FittedLaw> laws, Parallelism parallelism) {
        return minimise(laws, parallelism, FitProgress.silent());
    }

    /**
     * {@link #minimise(List, Parallelism)}, telling {@code progress} of every width scanned (
     * {@link ShapeGrid#widthCount()} units in all).
     */
    public List<ShapeOptima> minimise(List<FittedLaw> laws, Parallelism parallelism, FitProgress progress) {
        if (laws.isEmpty()) {
            throw new IllegalArgumentException("no law to minimise");
        }
        ShapeLaw[] compiled = laws.stream().map(ShapeLaw::of).toArray(ShapeLaw[]::new);
        long[] tokens = grid.tokens();
        double[] tokenValues = Arrays.stream(tokens).asDoubleStream().toArray();
        double[][] tokenTerms = new double[compiled.length][tokens.length];
        for (int law = 0; law < compiled.length; law++) {
            for (int t = 0; t < tokens.length; t++) {
                tokenTerms[law][t] = compiled[law].tokensTerm(tokenValues[t]);
            }
        }
        Scan scan = new Scan(compiled, tokenValues, tokenTerms);
        List<WidthBest> perWidth = parallelism.map(grid.widthCount(), scan::width, width -> progress.advance(1));
        WidthBest best = new WidthBest(compiled.length, buckets.count());
        for (WidthBest width : perWidth) {
            best.absorb(width);
        }
        List<ShapeOptima> result = new ArrayList<>();
        for (int law = 0; law < compiled.length; law++) {
            List<BucketOptimum> optima = new ArrayList<>();
            for (int b = 0; b < buckets.count(); b++) {
                if (best.widthIndex[law][b] >= 0) {
                    int width = grid.width(best.widthIndex[law][b]);
                    int depth = grid.depthsView(best.widthIndex[law][b])[best.depthIndex[law][b]];
                    optima.add(new BucketOptimum(b, buckets.lower(b), buckets.upper(b),
                            point(compiled[law], width, depth, tokens[best.tokenIndex[law][b]])));
                }
            }
            result.add(new ShapeOptima(laws.get(law), optima, best.rows));
        }
        return result;
    }

    /** The grid row w × d on t tokens under {@code law}, costed as the search costs it. */
    ShapePoint point(ShapeLaw law, int width, int depth, long tokens) {
        double flopsPerToken = accounting.flopsPerToken(width, depth);
        double params = accounting.parameters(width, depth);
        double loss = law.combine(law.shapeTerms(width, depth, params), law.tokensTerm(tokens));
        return new ShapePoint(width, depth, tokens, params, flopsPerToken * tokens, loss);
    }

    /** The scan of one width's rows. */
    private final class Scan implements Serializable {
        private final ShapeLaw[] laws;
        private final double[] tokens;
        private final double[][] tokenTerms;
        private final boolean needsParams;
        private final double[] edges = buckets.edges();
        private final double low = Math.max(buckets.low(), buckets.lower(0));
        private final double high = Math.min(buckets.high(), buckets.upper(buckets.count() - 1));

        Scan(ShapeLaw[] laws, double[] tokens, double[][] tokenTerms) {
            this.laws = laws;
            this.tokens = tokens;
            this.tokenTerms = tokenTerms;
            this.needsParams = Arrays.stream(laws).anyMatch(ShapeLaw::usesParams);
        }

        WidthBest width(int widthIndex) {
            WidthBest best = new WidthBest(laws.length, edges.length - 1);
            int width = grid.width(widthIndex);
            int[] depths = grid.depthsView(widthIndex);
            double[] shape = new double[laws.length];
            double[] irreducible = new double[laws.length];
            for (int law = 0; law < laws.length; law++) {
                irreducible[law] = laws[law].irreducible();
            }
            int last = tokens.length - 1;
            for (int di = 0; di < depths.length; di++) {
                int depth = depths[di];
                double flopsPerToken = accounting.flopsPerToken(width, depth);
                if (flopsPerToken * tokens[0] > high) {
                    break; // FLOPs per token grow with depth: no later depth has a row in range
                }
                if (flopsPerToken * tokens[last] < low) {
                    continue;
                }
                int t = firstInRange(flopsPerToken);
                double params = needsParams ? accounting.parameters(width, depth) : Double.NaN;
                for (int law = 0; law < laws.length; law++) {
                    shape[law] = laws[law].shapeTerms(width, depth, params);
                }
                int bucket = 0;
                while (t <= last) {
                    double flops = flopsPerToken * tokens[t];
                    if (flops > high) {
                        break;
                    }
                    while (flops > edges[bucket + 1]) {
                        bucket++;
                    }
                    double limit = Math.min(edges[bucket + 1], high);
                    int end = t + 1;
                    while (end <= last && flopsPerToken * tokens[end] <= limit) {
                        end++;
                    }
                    best.rows += end - t;
                    for (int law = 0; law < laws.length; law++) {
                        double[] terms = tokenTerms[law];
                        double shapeTerms = shape[law];
                        double e = irreducible[law];
                        double least = Double.POSITIVE_INFINITY;
                        int at = -1;
                        for (int u = t; u < end; u++) {
                            double loss = shapeTerms + terms[u] + e;
                            if (loss < least) {
                                least = loss;
                                at = u;
                            }
                        }
                        if (at < 0) { // every loss +∞ or NaN: the first that is not NaN, as idxmin
                            for (int u = t; u < end && at < 0; u++) {
                                if (!Double.isNaN(shapeTerms + terms[u] + e)) {
                                    least = shapeTerms + terms[u] + e;
                                    at = u;
                                }
                            }
                        }
                        if (at >= 0) {
                            best.offer(law, bucket, least, widthIndex, di, at);
                        }
                    }
                    t = end;
                }
            }
            return best;
        }

        /** The first token index whose FLOPs reach the range (there is one). */
        private int firstInRange(double flopsPerToken) {
            int lo = 0;
            int hi = tokens.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (flopsPerToken * tokens[mid] >= low) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
    }

    /** The best row so far of each law in each bucket, by grid indices. */
    private static final class WidthBest {
        final double[][] loss;
        final int[][] widthIndex;
        final int[][] depthIndex;
        final int[][] tokenIndex;
        long rows;

        WidthBest(int laws, int buckets) {
            loss = new double[laws][buckets];
            widthIndex = new int[laws][buckets];
            depthIndex = new int[laws][buckets];
            tokenIndex = new int[laws][buckets];
            for (int law = 0; law < laws; law++) {
                Arrays.fill(loss[law], Double.POSITIVE_INFINITY);
                Arrays.fill(widthIndex[law], -1);
            }
        }

        /** Keeps the row if strictly better (or the first non-NaN row of the bucket). */
        void offer(int law, int bucket, double value, int w, int d, int t) {
            if (value < loss[law][bucket] || (widthIndex[law][bucket] < 0 && !Double.isNaN(value))) {
                loss[law][bucket] = value;
                widthIndex[law][bucket] = w;
                depthIndex[law][bucket] = d;
                tokenIndex[law][bucket] = t;
            }
        }

        /** Merges a later width's best rows (ties keep the earlier row). */
        void absorb(WidthBest later) {
            rows += later.rows;
            for (int law = 0; law < loss.length; law++) {
                for (int b = 0; b < loss[law].length; b++) {
                    if (later.widthIndex[law][b] >= 0) {
                        offer(law, b, later.loss[law][b], later.widthIndex[law][b], later.depthIndex[law][b],
                                later.tokenIndex[law][b]);
                    }
                }
            }
        }
    }
}
