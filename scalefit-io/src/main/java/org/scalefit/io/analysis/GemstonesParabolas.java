package org.scalefit.io.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.accounting.Architecture;
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

/**
 * Gemstones' overtraining parabola figure as an analysis (McLeish et al. 2025 §4.3,
 * {@code overtrained_single_parabola.py}): the width–depth {@code law} minimised over Gemstones' shape grid in the
 * FLOPs buckets {@link #BUCKETS} (exact parameter count), then through each bucket's relaxed optimum one parabola over
 * Gemstones' overtraining factors ({@link ParabolaTrace}, relaxed count), with a second law (if any) evaluated at the
 * same shapes, and the industry models drawn beside them (Gemstones' choice: {@link ParabolaRequest.Industry#gemstones()}).
 * {@link ParabolaRequest} is the same analysis for law files and any buckets, as {@code scalefit parabola} runs it.
 *
 * @param law        the law minimised
 * @param parabolas  one parabola per bucket of {@link #BUCKETS}, in order
 * @param industry   the industry models drawn (the excluded ones already left out)
 * @param band       industry models within this of a budget's losses are drawn
 */
public record GemstonesParabolas(FittedLaw law, List<OvertrainingParabola> parabolas, IndustryModels industry,
                                 double band) {

    /** Gemstones' parabola panels: FLOPs buckets 2, 5, 9 and 12 of the 13 over [1e18, 1e26]. */
    public static final List<Integer> BUCKETS = List.of(2, 5, 9, 12);

    public GemstonesParabolas {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(industry, "industry");
        parabolas = List.copyOf(parabolas);
    }

    /**
     * Traces the parabolas of {@code law} (and evaluates {@code second} at their shapes) on {@code parallelism}; the
     * result does not depend on the thread count.
     *
     * @param industry all industry models; Gemstones' exclusions are applied here
     */
    public static GemstonesParabolas of(FittedLaw law, Optional<FittedLaw> second, IndustryModels industry,
                                        Architecture architecture, Parallelism parallelism) {
        ShapeAccounting search = new ShapeAccounting(architecture, ParameterCount.EXACT);
        ShapeAccounting relaxed = new ShapeAccounting(architecture, ParameterCount.RELAXED);
        List<OvertrainingParabola> parabolas = ParabolaTrace.through(law, second,
                        ShapeSearch.over(ShapeGrid.gemstones(), FlopBuckets.gemstones(), search), BUCKETS, relaxed,
                        OvertrainingParabola.GEMSTONES_FACTORS, parallelism)
                .stream().map(ParabolaTrace::parabola).toList();
        ParabolaRequest.Industry drawn = ParabolaRequest.Industry.gemstones();
        return new GemstonesParabolas(law, parabolas, industry.excluding(drawn.excluded()), drawn.band());
    }
}
