package org.scalefit.report.sections;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.data.RunTable;
import org.scalefit.io.GemstonesBenchmarks;
import org.scalefit.io.IndustryModels;
import org.scalefit.io.TableReader;
import org.scalefit.law.FittedLaw;
import org.scalefit.overtraining.BenchmarkLawFits;
import org.scalefit.overtraining.DownstreamFitter;
import org.scalefit.overtraining.SigmoidAccuracyFitter;
import org.scalefit.parallel.Parallelism;
import org.scalefit.report.Section;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.shapes.FlopBuckets;
import org.scalefit.shapes.OvertrainingParabola;
import org.scalefit.shapes.ParabolaTrace;
import org.scalefit.shapes.ParameterCount;
import org.scalefit.shapes.ShapeAccounting;
import org.scalefit.shapes.ShapeGrid;
import org.scalefit.shapes.ShapeSearch;

/**
 * Gemstones' analyses that combine several steps, as sections: the overtraining parabola (shape search, relaxed
 * refinement, then a parabola per chosen budget; McLeish et al. 2025, {@code overtrained_single_parabola.py}) and the
 * benchmark laws with the losses on other validation sets ({@code gadre_fit.py}, {@code bhagia_fit.py},
 * {@code fineweb_loss_plot.py}). Used by {@code scalefit report} and {@code scalefit reproduce}.
 */
public final class GemstonesSections {

    /** Gemstones' parabola panels: FLOPs buckets 2, 5, 9 and 12 of the 13 over [1e18, 1e26]. */
    public static final List<Integer> PARABOLA_BUCKETS = List.of(2, 5, 9, 12);
    /** Left out of Gemstones' parabola figure. */
    public static final List<String> PARABOLA_INDUSTRY_EXCLUDED = List.of("meta-llama/Llama-3.1-70B");
    /** Industry models within this of a budget's losses are drawn (Gemstones: 0.01). */
    public static final double PARABOLA_INDUSTRY_BAND = 0.01;
    /** Dolma (the training distribution's validation set), FineWeb-Edu and DCLM, bundled. */
    private static final Map<String, String> VALIDATION_SETS = validationSetIds();
    /** Gemstones compares the validation sets on models of at least 5e8 parameters (to one significant figure). */
    public static final double VALIDATION_SETS_MIN_PARAMS = 5e8;

    private GemstonesSections() {
    }

    /**
     * The overtraining parabola of the width–depth law {@code minimised} through the relaxed optima of Gemstones'
     * FLOPs buckets 2, 5, 9 and 12, with {@code second} (if present) evaluated at the same shapes, and the bundled
     * industry models (as Gemstones' figure: Llama-3.1-70B left out) as reference lines.
     */
    public static Section parabola(FittedLaw minimised, String lawName, Optional<FittedLaw> second, String secondName,
                                   IndustryModels industry, Architecture architecture, Parallelism parallelism) {
        ShapeAccounting search = new ShapeAccounting(architecture, ParameterCount.EXACT);
        ShapeAccounting relaxed = new ShapeAccounting(architecture, ParameterCount.RELAXED);
        List<OvertrainingParabola> parabolas = ParabolaTrace.through(minimised, second,
                        ShapeSearch.over(ShapeGrid.gemstones(), FlopBuckets.gemstones(), search), PARABOLA_BUCKETS,
                        relaxed, OvertrainingParabola.GEMSTONES_FACTORS, parallelism)
                .stream().map(ParabolaTrace::parabola).toList();
        return ParabolaSection.of("parabola", parabolas, lawName, minimised.warnings(), secondName,
                Optional.of(industry.excluding(PARABOLA_INDUSTRY_EXCLUDED)), PARABOLA_INDUSTRY_BAND);
    }

    /** The bundled loss tables of Dolma, FineWeb-Edu and DCLM, by name. */
    public static Map<String, RunTable> validationSets(TableReader reader) {
        Map<String, RunTable> sets = new LinkedHashMap<>();
        VALIDATION_SETS.forEach((name, id) -> sets.put(name, reader.read(id, GemstonesBenchmarks.lossColumns())));
        return sets;
    }

    /**
     * Gemstones' benchmarks with their downstream laws (Gadre et al.'s error law and Bhagia et al.'s sigmoid, as
     * {@code scalefit benchmarks}) fitted on the checkpoints that {@code losses} has, and the loss on the validation
     * {@code sets}.
     */
    public static List<Section> benchmarks(GemstonesBenchmarks results, RunTable losses, Map<String, RunTable> sets,
                                           Architecture architecture, RunStyles styles) {
        BenchmarkLawFits fits = BenchmarkLawFits.of(results.atLosses(losses), Optional.of(DownstreamFitter.gadre()),
                Optional.of(SigmoidAccuracyFitter.bhagia()));
        return List.of(BenchmarkSection.of("benchmarks", results.checkpoints(), fits, losses.source(), architecture,
                        FlopCount.GEMSTONES_GQA, styles),
                BenchmarkSection.validationSets("validation-sets", sets, architecture, FlopCount.GEMSTONES_GQA,
                        VALIDATION_SETS_MIN_PARAMS));
    }

    private static Map<String, String> validationSetIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("Dolma", "gemstones:hot_100b+");
        ids.put("FineWeb-Edu", "gemstones:fineweb_edu");
        ids.put("DCLM", "gemstones:fineweb_dclm");
        return ids;
    }
}
