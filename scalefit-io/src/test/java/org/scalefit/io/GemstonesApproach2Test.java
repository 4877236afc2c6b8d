package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.isoflop.BudgetOptimum;
import org.scalefit.isoflop.FitVariant;
import org.scalefit.isoflop.IsoflopAnalysis;
import org.scalefit.isoflop.IsoflopFits;
import org.scalefit.isoflop.IsoflopSettings;
import org.scalefit.isoflop.SeedNoise;
import org.scalefit.law.FittedLaw;
import org.scalefit.uncertainty.ResamplingStream;

/**
 * Approach 2 (IsoFLOP points read off the checkpoint curves, Porian et al.'s {@code fetch_flop}) on Gemstones'
 * densely logged hot runs, beside the exponents Gemstones published for Approaches 1 and 3 (McLeish et al. 2025).
 */
class GemstonesApproach2Test {

    private static final LocalParallelism WORKERS = LocalParallelism.withThreads(2);

    /** The N* exponent of the bs_median_weighted law on gemstones:hot_477 counted with {@code count}. */
    private static double approach2Exponent(FlopCount count) {
        IsoflopInputs inputs = IsoflopInputs.readCheckpoints(DataSource.of("gemstones:hot_477"), count,
                Architecture.gemstones(), List.of());
        List<BudgetOptimum> optima = IsoflopAnalysis.optima(inputs.budgets(),
                IsoflopSettings.porian(SeedNoise.refinedWeb(SeedNoise.Rule.AS_IMPLEMENTED)),
                ResamplingStream.SPLITTABLE.normals(42), WORKERS);
        return IsoflopFits.of(optima, false, WORKERS).point(FitVariant.BS_MEDIAN_WEIGHTED).n().exponent();
    }

    /**
     * Near Approach 1 (within 0.05) and below Approach 3 (by more than 0.1; 0.16 today). Until budgets whose
     * interpolated minimum lay far below every measured loss were left out, three of them (L* 1.7–2.1 against
     * measured losses of at least 2.88, through sizes 0.3 % apart) were fitted, and the gap was 0.25.
     */
    @Test
    void approach2OnTheHotCheckpointsIsNearGemstonesApproach1AndBelowTheirApproach3() {
        double approach1 = PublishedValues.gemstonesApproach1("params").orElseThrow().slope();
        FittedLaw approach3 = PublishedValues.gemstonesApproach3("parameters_grid_search_0_hot").orElseThrow();
        double alpha = approach3.theta()[0];
        double beta = approach3.theta()[1];

        double approach2 = approach2Exponent(FlopCount.SIX_N);

        assertThat(Math.abs(approach2 - approach1)).isLessThan(0.05);
        assertThat(beta / (alpha + beta) - approach2).isGreaterThan(0.1);
    }

    @Test
    void countingWithoutTheEmbeddingsRaisesTheExponentAsPorianEtAlFound() {
        assertThat(approach2Exponent(FlopCount.KAPLAN)).isGreaterThan(approach2Exponent(FlopCount.SIX_N) + 0.1);
    }
}
