package org.scalefit.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.law.FittedLaw;
import org.scalefit.parallel.Parallelism;

/**
 * One panel of Gemstones' overtraining parabola ({@code overtrained_single_parabola.py}; McLeish et al. 2025 §4.3):
 * a FLOPs bucket's grid optimum of the {@link ShapeSearch}, refined over real-valued shapes ({@link RelaxedShape}),
 * and the {@link OvertrainingParabola} through it — for each factor f the shape of least predicted loss with
 * flops_per_token(w, d) = C / (t·√f).
 *
 * @param row      the bucket's relaxed optimum (the parabola's f = 1 input)
 * @param parabola the parabola through it
 */
public record ParabolaTrace(RelaxedShape row, OvertrainingParabola parabola) {

    public ParabolaTrace {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(parabola, "parabola");
    }

    /**
     * The parabolas of {@code law} through the relaxed optima of {@code buckets} (in that order): one pass of
     * {@code search} over its grid, a refinement per chosen bucket (costed as the search), then each parabola costed
     * by {@code parabolaAccounting} (Gemstones: relaxed parameters with embeddings); {@code second}, if present, is
     * evaluated at every shape found. Deterministic whatever {@code parallelism}.
     *
     * @throws IllegalArgumentException if a bucket is out of range or has no grid row with FLOPs in it
     */
    public static List<ParabolaTrace> through(FittedLaw law, Optional<FittedLaw> second, ShapeSearch search,
                                              List<Integer> buckets, ShapeAccounting parabolaAccounting,
                                              List<Double> factors, Parallelism parallelism) {
        for (int bucket : buckets) {
            if (bucket < 0 || bucket >= search.buckets().count()) {
                throw new IllegalArgumentException("bucket " + bucket + " is not in 0.."
                        + (search.buckets().count() - 1));
            }
        }
        return fromOptima(law, second, search.minimise(List.of(law), parallelism).get(0).optima(), search, buckets,
                parabolaAccounting, factors, parallelism);
    }

    /**
     * As {@link #through}, from {@code law}'s bucket optima of {@code search} found already ({@code optima}, e.g. in a
     * pass that searched several laws).
     *
     * @throws IllegalArgumentException if a bucket has no optimum in {@code optima}
     */
    public static List<ParabolaTrace> fromOptima(FittedLaw law, Optional<FittedLaw> second,
                                                 List<BucketOptimum> optima, ShapeSearch search,
                                                 List<Integer> buckets, ShapeAccounting parabolaAccounting,
                                                 List<Double> factors, Parallelism parallelism) {
        List<BucketOptimum> chosen = new ArrayList<>();
        for (int bucket : buckets) {
            chosen.add(optima.stream().filter(o -> o.bucket() == bucket).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("bucket " + bucket + " has no grid row with FLOPs in range")));
        }
        List<ParabolaTrace> traces = new ArrayList<>();
        for (RelaxedShape row : RelaxedShape.refineAll(law, chosen, search.accounting(), parallelism)) {
            traces.add(new ParabolaTrace(row, OvertrainingParabola.trace(law, second, parabolaAccounting,
                    row.grid().bucket(), row.relaxed(), factors)));
        }
        return List.copyOf(traces);
    }
}
