package org.scalefit.io.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.accounting.Architecture;
import org.scalefit.fit.FitProgress;
import org.scalefit.io.FitBootstrapDocument;
import org.scalefit.io.IndustryModels;
import org.scalefit.law.FittedLaw;
import org.scalefit.parallel.Parallelism;
import org.scalefit.shapes.FlopBuckets;
import org.scalefit.shapes.OvertrainingParabola;
import org.scalefit.shapes.ParabolaTrace;
import org.scalefit.shapes.ParameterCount;
import org.scalefit.shapes.ShapeAccounting;
import org.scalefit.shapes.ShapeGrid;
import org.scalefit.shapes.ShapeSearch;
import org.scalefit.uncertainty.ParabolaBands;

/**
 * Gemstones' overtraining parabola figure as an analysis (McLeish et al. 2025 §4.3,
 * {@code overtrained_single_parabola.py}): the width–depth {@code law} minimised over Gemstones' shape grid in the
 * FLOPs buckets {@link #BUCKETS} (exact parameter count), then through each bucket's relaxed optimum one parabola over
 * Gemstones' overtraining factors ({@link ParabolaTrace}, relaxed count), with a second law (if any) evaluated at the
 * same shapes, and the industry models drawn beside them (Gemstones' choice: {@link ParabolaRequest.Industry#gemstones()}).
 * Given the bootstrap of the law's fit with every replicate's parameters, each replicate's own parabola is traced
 * through the same buckets and factors ({@link ParabolaBands}: per bucket and factor, the median and percentile band
 * of the loss penalty L(f)/L(1) − 1 and of the shape). {@link ParabolaRequest} is the same analysis for law files and
 * any buckets, as {@code scalefit parabola} runs it.
 *
 * @param law        the law minimised
 * @param parabolas  one parabola per bucket of {@link #BUCKETS}, in order
 * @param industry   the industry models drawn (the excluded ones already left out)
 * @param band       industry models within this of a budget's losses are drawn
 * @param bands      the bootstrap bands of the parabolas, or null when no bootstrap was given
 */
public record GemstonesParabolas(FittedLaw law, List<OvertrainingParabola> parabolas, IndustryModels industry,
                                 double band, ParabolaBands bands) {

    /** Gemstones' parabola panels: FLOPs buckets 2, 5, 9 and 12 of the 13 over [1e18, 1e26]. */
    public static final List<Integer> BUCKETS = List.of(2, 5, 9, 12);

    public GemstonesParabolas {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(industry, "industry");
        parabolas = List.copyOf(parabolas);
    }

    /**
     * Traces the parabolas of {@code law} (and evaluates {@code second} at their shapes) on {@code parallelism},
     * without bands; the result does not depend on the thread count.
     *
     * @param grid     Gemstones' shape grid ({@link ShapeGrid#gemstones()}), built by the caller
     * @param industry all industry models; Gemstones' exclusions are applied here
     */
    public static GemstonesParabolas of(FittedLaw law, Optional<FittedLaw> second, ShapeGrid grid,
                                        IndustryModels industry, Architecture architecture, Parallelism parallelism) {
        return of(law, second, grid, industry, architecture, Optional.empty(), parallelism);
    }

    /**
     * Traces the parabolas of {@code law} (and evaluates {@code second} at their shapes) and, given the
     * {@code replicates} of the law's bootstrap ({@link FitBootstrapDocument#replicatesOf}), every replicate's own
     * parabola for the bands at the bootstrap's level, on {@code parallelism}; the result does not depend on the thread
     * count.
     *
     * @param grid     Gemstones' shape grid ({@link ShapeGrid#gemstones()}), built by the caller
     * @param industry all industry models; Gemstones' exclusions are applied here
     * @throws IllegalArgumentException if fewer than 2 replicates can be traced ({@link ParabolaBands#trace})
     */
    public static GemstonesParabolas of(FittedLaw law, Optional<FittedLaw> second, ShapeGrid grid,
                                        IndustryModels industry, Architecture architecture,
                                        Optional<FitBootstrapDocument.Replicates> replicates, Parallelism parallelism) {
        ShapeSearch search = ShapeSearch.over(grid, FlopBuckets.gemstones(),
                new ShapeAccounting(architecture, ParameterCount.EXACT));
        ShapeAccounting relaxed = new ShapeAccounting(architecture, ParameterCount.RELAXED);
        List<OvertrainingParabola> parabolas = ParabolaTrace.through(law, second, search, BUCKETS, relaxed,
                        OvertrainingParabola.GEMSTONES_FACTORS, parallelism)
                .stream().map(ParabolaTrace::parabola).toList();
        ParabolaBands bands = replicates.map(r -> ParabolaBands.trace(search, law, r.draws(), r.failed(), BUCKETS,
                relaxed, OvertrainingParabola.GEMSTONES_FACTORS, r.level(), parallelism, FitProgress.silent()))
                .orElse(null);
        ParabolaRequest.Industry drawn = ParabolaRequest.Industry.gemstones();
        return new GemstonesParabolas(law, parabolas, industry.excluding(drawn.excluded()), drawn.band(), bands);
    }
}
