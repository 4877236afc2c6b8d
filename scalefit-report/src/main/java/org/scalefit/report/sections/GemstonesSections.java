package org.scalefit.report.sections;

import java.util.List;
import java.util.Optional;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.io.analysis.GemstonesBenchmarkLaws;
import org.scalefit.io.analysis.GemstonesParabolas;
import org.scalefit.report.Section;
import org.scalefit.report.plot.RunStyles;

/**
 * Gemstones' analyses that combine several steps, rendered as sections: the overtraining parabola
 * ({@link GemstonesParabolas}; McLeish et al. 2025, {@code overtrained_single_parabola.py}) and the benchmark laws
 * with the losses on other validation sets ({@link GemstonesBenchmarkLaws}; {@code gadre_fit.py},
 * {@code bhagia_fit.py}, {@code fineweb_loss_plot.py}). The analyses are computed by scalefit-io's entry points;
 * these methods only draw them. Used by {@code scalefit report} and {@code scalefit reproduce}.
 */
public final class GemstonesSections {

    /** Gemstones compares the validation sets on models of at least 5e8 parameters (to one significant figure). */
    public static final double VALIDATION_SETS_MIN_PARAMS = 5e8;

    private GemstonesSections() {
    }

    /**
     * The overtraining parabola section of {@code analysis}, its law named {@code lawName} and the second law (if the
     * analysis evaluated one) {@code secondName}; with the bootstrap bands if the analysis traced them.
     */
    public static Section parabola(GemstonesParabolas analysis, String lawName, String secondName) {
        return ParabolaSection.of("parabola", analysis.parabolas(), Optional.ofNullable(analysis.bands()), lawName,
                analysis.law().warnings(), secondName, Optional.of(analysis.industry()), analysis.band());
    }

    /**
     * Gemstones' benchmarks with their downstream laws (Gadre et al.'s error law and Bhagia et al.'s sigmoid, as
     * {@code scalefit benchmarks}), and the loss on the validation sets.
     */
    public static List<Section> benchmarks(GemstonesBenchmarkLaws analysis, Architecture architecture,
                                           RunStyles styles) {
        return List.of(BenchmarkSection.of("benchmarks", analysis.benchmarks().checkpoints(), analysis.fits(),
                        analysis.losses().source(), architecture, FlopCount.GEMSTONES_GQA, styles),
                BenchmarkSection.validationSets("validation-sets", analysis.validationSets(), architecture,
                        FlopCount.GEMSTONES_GQA, VALIDATION_SETS_MIN_PARAMS));
    }
}
