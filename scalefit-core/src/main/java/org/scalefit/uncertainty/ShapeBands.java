package org.scalefit.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scalefit.fit.FitProgress;
import org.scalefit.law.FittedLaw;
import org.scalefit.parallel.Parallelism;
import org.scalefit.shapes.BucketOptimum;
import org.scalefit.shapes.ShapeGrid;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.shapes.ShapePoint;
import org.scalefit.shapes.ShapeSearch;
import org.scalefit.uncertainty.AllocationBands.Spread;

/**
 * The uncertainty of width–depth prescriptions: for each FLOPs bucket, the shape search's optimum
 * (w*, d*, t*) = argmin L̂_θ(w, d, t) over the bucket's grid rows (McLeish et al. 2025 §4.2,
 * {@link org.scalefit.shapes.ShapeSearch}) under every bootstrap replicate θ_r of the law, summarised quantity by
 * quantity (width, depth, tokens, parameters, FLOPs, width/depth, tokens per parameter, predicted loss) by its median
 * and central percentile band ({@code np.percentile}'s linear interpolation, {@link BootstrapResult#percentile}), as
 * {@link AllocationBands} does for the closed-form allocation of a params/tokens law.
 *
 * <p>Each quantity's band is its own: the low ends of the bands together are not one replicate's prescription. The
 * replicates whose refit failed are not laws the data supports, and a law that overflows on the grid prescribes
 * nothing: both are left out ({@link #leftOut()}, indices into the bootstrap's replicates); every other replicate
 * counts in every bucket.
 *
 * @param level    the bands' coverage in percent (95 → 2.5th to 97.5th percentile)
 * @param bands    one per bucket of the estimate's optima, in bucket order
 * @param used     how many replicates the bands summarise
 * @param leftOut  the replicates left out, ascending
 */
public record ShapeBands(double level, List<Band> bands, int used, int[] leftOut) {

    /**
     * One bucket's prescription and its spread over the replicates.
     *
     * @param estimate   the point estimate's optimum in the bucket
     * @param atGridEdge how many of the replicates' optima lie on the grid's boundary ({@link ShapeGrid#onEdge}):
     *                   their law wants a shape or token count beyond the grid, so a band end there is the grid's
     */
    public record Band(BucketOptimum estimate, Spread width, Spread depth, Spread tokens, Spread params, Spread flops,
                       Spread ratio, Spread tokensPerParam, Spread loss, int atGridEdge) {

        /** Whether every quantity's band holds the estimate's value. */
        public boolean containsEstimate() {
            ShapePoint point = estimate.point();
            return width.contains(point.width()) && depth.contains(point.depth()) && tokens.contains(point.tokens())
                    && params.contains(point.params()) && flops.contains(point.flops())
                    && ratio.contains(point.ratio()) && tokensPerParam.contains(point.tokensPerParam())
                    && loss.contains(point.loss());
        }
    }

    /**
     * A shape search of several laws with the bands of the first.
     *
     * @param optima       one per law searched, in order
     * @param bands        the bands of the first law's optima; empty when fewer than 2 replicates can give one
     * @param withoutBands why there are no bands; empty when there are
     */
    public record Searched(List<ShapeOptima> optima, Optional<ShapeBands> bands, String withoutBands) {

        public Searched {
            optima = List.copyOf(optima);
            Objects.requireNonNull(bands, "bands");
            Objects.requireNonNull(withoutBands, "withoutBands");
        }
    }

    /**
     * The replicates' optima a band may use, and the indices of the replicates it may not: those left out before the
     * search, and those whose predicted loss at an optimum is not finite (a law that overflows on the grid).
     */
    private record Usable(List<ShapeOptima> used, List<Integer> left) {

        static Usable of(SortedMap<Integer, ShapeOptima> replicates, int[] leftOut) {
            List<ShapeOptima> used = new ArrayList<>();
            List<Integer> left = new ArrayList<>(Arrays.stream(leftOut).boxed().toList());
            for (Map.Entry<Integer, ShapeOptima> replicate : replicates.entrySet()) {
                if (replicate.getValue().optima().stream()
                        .allMatch(optimum -> Double.isFinite(optimum.point().loss()))) {
                    used.add(replicate.getValue());
                } else {
                    left.add(replicate.getKey());
                }
            }
            return new Usable(used, left);
        }

        boolean enough() {
            return used.size() >= 2;
        }

        String tooFew() {
            return "bands need at least 2 replicates whose refit did not fail and whose law is finite on the grid, "
                    + "there are " + used.size() + " (" + left.size() + " left out)";
        }
    }

    public ShapeBands {
        if (!(level > 0 && level < 100)) {
            throw new IllegalArgumentException("the band's level must be in (0, 100) percent, was " + level);
        }
        bands = List.copyOf(bands);
        leftOut = leftOut.clone();
    }

    @Override
    public int[] leftOut() {
        return leftOut.clone();
    }

    /**
     * One pass of {@code search} over {@code laws} and the bootstrap replicates θ_r ({@code replicates}, rows in the
     * first law's parameter order, e.g. {@link BootstrapResult#replicates()}) of the first law, and the bands of its
     * optima; the replicates listed in {@code failed} and those with a parameter that is not finite are not searched
     * but left out; with fewer than 2 replicates to use (see {@link #of}) the search has no bands and says why.
     * Deterministic whatever {@code parallelism}.
     *
     * @throws IllegalArgumentException if a replicate has the wrong number of parameters
     */
    public static Searched search(ShapeSearch search, List<FittedLaw> laws, double[][] replicates, int[] failed,
                                  double level, Parallelism parallelism, FitProgress progress) {
        ReplicateLaws replicateLaws = ReplicateLaws.of(laws.get(0), replicates, failed);
        List<FittedLaw> searched = new ArrayList<>(laws);
        searched.addAll(replicateLaws.laws());
        List<Integer> indices = replicateLaws.indices();
        List<ShapeOptima> optima = search.minimise(searched, parallelism, progress);
        SortedMap<Integer, ShapeOptima> perReplicate = new TreeMap<>();
        for (int k = 0; k < indices.size(); k++) {
            perReplicate.put(indices.get(k), optima.get(laws.size() + k));
        }
        Usable usable = Usable.of(perReplicate, replicateLaws.leftOut().stream().mapToInt(Integer::intValue)
                .toArray());
        List<ShapeOptima> lawOptima = optima.subList(0, laws.size());
        return usable.enough()
                ? new Searched(lawOptima, Optional.of(bands(optima.get(0), usable, level, search.grid())), "")
                : new Searched(lawOptima, Optional.empty(), usable.tooFew());
    }

    /**
     * The bands of {@code estimate}'s optima from the replicates' optima ({@code replicates}: replicate index → its
     * optima, each searched over the same {@code grid} and buckets); {@code leftOut} lists the replicates not
     * searched. A replicate whose predicted loss at its optimum is not finite in some bucket (a law that overflows on
     * the grid) has no prescription there: it is left out too.
     *
     * @throws IllegalArgumentException if fewer than 2 replicates are used, or a replicate's optima are not in the
     *                                  estimate's buckets
     */
    public static ShapeBands of(ShapeOptima estimate, SortedMap<Integer, ShapeOptima> replicates, int[] leftOut,
                                double level, ShapeGrid grid) {
        Usable usable = Usable.of(replicates, leftOut);
        if (!usable.enough()) {
            throw new IllegalArgumentException(usable.tooFew());
        }
        return bands(estimate, usable, level, grid);
    }

    private static ShapeBands bands(ShapeOptima estimate, Usable usable, double level, ShapeGrid grid) {
        List<ShapeOptima> used = usable.used();
        List<BucketOptimum> optima = estimate.optima();
        List<Band> bands = new ArrayList<>();
        for (int b = 0; b < optima.size(); b++) {
            BucketOptimum optimum = optima.get(b);
            double[][] draws = new double[used.size()][];
            int atGridEdge = 0;
            for (int r = 0; r < draws.length; r++) {
                List<BucketOptimum> own = used.get(r).optima();
                if (own.size() != optima.size() || own.get(b).bucket() != optimum.bucket()) {
                    throw new IllegalArgumentException("replicate optima must be in the estimate's buckets");
                }
                ShapePoint point = own.get(b).point();
                draws[r] = quantities(point);
                if (grid.onEdge(point.width(), point.depth(), point.tokens())) {
                    atGridEdge++;
                }
            }
            Spread[] spread = Spread.ofColumns(draws, level);
            bands.add(new Band(optimum, spread[0], spread[1], spread[2], spread[3], spread[4], spread[5], spread[6],
                    spread[7], atGridEdge));
        }
        return new ShapeBands(level, bands, used.size(),
                usable.left().stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    private static double[] quantities(ShapePoint point) {
        return new double[] {point.width(), point.depth(), point.tokens(), point.params(), point.flops(),
                point.ratio(), point.tokensPerParam(), point.loss()};
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShapeBands that && level == that.level && bands.equals(that.bands)
                && used == that.used && Arrays.equals(leftOut, that.leftOut);
    }

    @Override
    public int hashCode() {
        return Objects.hash(level, bands, used, Arrays.hashCode(leftOut));
    }

    @Override
    public String toString() {
        return "ShapeBands[" + bands.size() + " buckets, " + used + " replicates, " + level + " %]";
    }
}
