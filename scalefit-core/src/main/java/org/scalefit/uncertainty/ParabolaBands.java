package org.scalefit.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.fit.FitProgress;
import org.scalefit.law.FittedLaw;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.parallel.Parallelism;
import org.scalefit.shapes.BucketOptimum;
import org.scalefit.shapes.OvertrainedShape;
import org.scalefit.shapes.ParabolaTrace;
import org.scalefit.shapes.ShapeAccounting;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.shapes.ShapeSearch;
import org.scalefit.uncertainty.AllocationBands.Spread;

/**
 * The uncertainty of Gemstones' overtraining parabola (McLeish et al. 2025 §4.3, {@link ParabolaTrace}): the
 * parabola traced again for every bootstrap replicate θ_r of the law — its own grid optimum in each chosen FLOPs
 * bucket, refined to its relaxed optimum (w*, d*, t*) with loss L_r(1), and for each factor f its own shape of least
 * loss on t*·√f tokens at the same FLOPs, with loss L_r(f) — summarised per bucket and factor by the median and
 * central percentile band ({@code np.percentile}'s linear interpolation) of the relative loss penalty
 * L_r(f)/L_r(1) − 1 and of that shape's width, depth and tokens, each on its own.
 *
 * <p>A factor a replicate cannot meet (even the smallest shape costs more per token) counts for the others only
 * ({@link FactorBand#feasible()}); the replicates whose refit failed, whose parameters are not finite, or whose law is
 * not finite at a chosen bucket's optimum are left out ({@link #leftOut()}).
 *
 * @param level   the bands' coverage in percent
 * @param buckets one per chosen bucket, in the order chosen
 * @param used    how many replicates were traced
 * @param leftOut the replicates left out, ascending
 */
public record ParabolaBands(double level, List<BucketBands> buckets, int used, int[] leftOut) {

    /**
     * The bands of one bucket's parabola.
     *
     * @param bucket  the bucket's index
     * @param factors one per factor, in the order given
     */
    public record BucketBands(int bucket, List<FactorBand> factors) {

        public BucketBands {
            factors = List.copyOf(factors);
        }
    }

    /**
     * One factor's spread over the replicates that can meet it.
     *
     * @param factor   f
     * @param penalty  L_r(f)/L_r(1) − 1, or null when fewer than 2 replicates meet f
     * @param width    the shape's width, or null likewise
     * @param depth    the shape's depth, or null likewise
     * @param tokens   the shape's tokens t*·√f, or null likewise
     * @param feasible how many replicates meet f
     * @param atEdge   how many of those end at the edge of Gemstones' box ({@link OvertrainedShape#edge()})
     */
    public record FactorBand(double factor, Spread penalty, Spread width, Spread depth, Spread tokens, int feasible,
                             int atEdge) {
    }

    public ParabolaBands {
        if (!(level > 0 && level < 100)) {
            throw new IllegalArgumentException("the band's level must be in (0, 100) percent, was " + level);
        }
        buckets = List.copyOf(buckets);
        leftOut = leftOut.clone();
    }

    @Override
    public int[] leftOut() {
        return leftOut.clone();
    }

    /**
     * The parabolas of the replicates ({@code replicates}, rows θ_r in {@code estimate}'s parameter order, e.g.
     * {@link BootstrapResult#replicates()}; those listed in {@code failed} left out) through {@code buckets} of
     * {@code search}, as {@link ParabolaTrace#through} traces the estimate's, and their bands. One pass of the search
     * for every replicate, then one task a replicate on {@code parallelism}, each telling {@code progress} when done;
     * deterministic whatever {@code parallelism}.
     *
     * @throws IllegalArgumentException if fewer than 2 replicates remain, or a replicate has the wrong number of
     *                                  parameters
     */
    public static ParabolaBands trace(ShapeSearch search, FittedLaw estimate, double[][] replicates, int[] failed,
                                      List<Integer> buckets, ShapeAccounting parabolaAccounting, List<Double> factors,
                                      double level, Parallelism parallelism, FitProgress progress) {
        ReplicateLaws replicateLaws = ReplicateLaws.of(estimate, replicates, failed);
        List<FittedLaw> laws = replicateLaws.laws();
        List<Integer> indices = replicateLaws.indices();
        List<Integer> leftOut = new ArrayList<>(replicateLaws.leftOut());
        List<ShapeOptima> optima = laws.isEmpty() ? List.of() : search.minimise(laws, parallelism);
        List<Optional<List<ParabolaTrace>>> traces = parallelism.map(laws.size(), k -> {
            List<BucketOptimum> own = optima.get(k).optima();
            boolean finite = own.stream().filter(o -> buckets.contains(o.bucket()))
                    .allMatch(o -> Double.isFinite(o.point().loss()));
            return finite ? Optional.of(ParabolaTrace.fromOptima(laws.get(k), Optional.empty(), own, search, buckets,
                    parabolaAccounting, factors, LocalParallelism.sequential())) : Optional.empty();
        }, k -> progress.advance(1));
        List<List<ParabolaTrace>> used = new ArrayList<>();
        for (int k = 0; k < traces.size(); k++) {
            if (traces.get(k).isPresent()) {
                used.add(traces.get(k).get());
            } else {
                leftOut.add(indices.get(k));
            }
        }
        if (used.size() < 2) {
            throw new IllegalArgumentException("parabola bands need at least 2 replicates whose refit did not fail "
                    + "and whose law is finite at the buckets' optima, there are " + used.size());
        }
        List<BucketBands> bands = new ArrayList<>();
        for (int b = 0; b < buckets.size(); b++) {
            List<FactorBand> perFactor = new ArrayList<>();
            for (double factor : factors) {
                perFactor.add(factorBand(used, b, factor, level));
            }
            bands.add(new BucketBands(buckets.get(b), perFactor));
        }
        return new ParabolaBands(level, bands, used.size(),
                leftOut.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    /** The band of {@code factor} in the {@code b}-th chosen bucket over the replicates' traces. */
    private static FactorBand factorBand(List<List<ParabolaTrace>> replicates, int b, double factor, double level) {
        List<double[]> draws = new ArrayList<>();
        int atEdge = 0;
        for (List<ParabolaTrace> replicate : replicates) {
            ParabolaTrace trace = replicate.get(b);
            Optional<OvertrainedShape> shape = trace.parabola().shapes().stream().filter(s -> s.factor() == factor)
                    .findFirst();
            if (shape.isPresent()) {
                double optimum = trace.parabola().optimum().loss();
                draws.add(new double[] {shape.get().shape().loss() / optimum - 1, shape.get().shape().width(),
                        shape.get().shape().depth(), shape.get().shape().tokens()});
                atEdge += shape.get().edge() ? 1 : 0;
            }
        }
        if (draws.size() < 2) {
            return new FactorBand(factor, null, null, null, null, draws.size(), atEdge);
        }
        Spread[] spread = Spread.ofColumns(draws.toArray(double[][]::new), level);
        return new FactorBand(factor, spread[0], spread[1], spread[2], spread[3], draws.size(), atEdge);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParabolaBands that && level == that.level && buckets.equals(that.buckets)
                && used == that.used && Arrays.equals(leftOut, that.leftOut);
    }

    @Override
    public int hashCode() {
        return Objects.hash(level, buckets, used, Arrays.hashCode(leftOut));
    }

    @Override
    public String toString() {
        return "ParabolaBands[" + buckets.size() + " buckets, " + used + " replicates, " + level + " %]";
    }
}
