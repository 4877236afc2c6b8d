package org.scalefit.law.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.fit.FitProgress;
import org.scalefit.parallel.LocalParallelism;

/**
 * The decay constants R_D*, R_N* of the data-constrained law (Muennighoff et al. 2023 eqs. 5–7) are meant positive:
 * the worth of the R-th repetition decays as e^(−R/R*). The engine does not bound them (the paper's start grid
 * includes 0, and the law computes for R* &lt; 0), so a fit on a table the C4 base cannot follow can end at a
 * negative one, where repetition is worth more than fresh data: the fit must say so. Tables of a few points reduced
 * from the adversarial tables of {@code scalefit-bench/python/adversarial_data_constrained.py} (seeds 609, 610).
 */
class DataConstrainedDecayConstantsTest {

    private static final List<String> COLUMNS = List.of("params", "tokens", "unique_tokens");

    @Test
    void aFitEndingAtANegativeDataDecayConstantWarnsWhatItMeans() {
        LawPoints table = LawPoints.of("seed 609, seven points", COLUMNS, new double[][] {
                {7e+06, 4.93e+07, 1.81e+08, 1.81e+08, 1.81e+08, 6.66e+08, 1.28e+09},
                {8.4e+06, 9.86e+09, 7.63e+09, 5.43e+11, 3.62e+08, 4e+09, 5.12e+09},
                {4.2e+06, 9.86e+08, 1.09e+09, 3.62e+09, 3.62e+08, 4e+08, 2.56e+09}},
                new double[] {10.8537048, 1.485553216, 1.285566547, 0.8453588012, 2.55812682, 1.743940378,
                        1.131781895});

        ExpressionFit fit = ExpressionFitRequest.of(NamedLaws.named("data-constrained"), table)
                .run(LocalParallelism.sequential(), FitProgress.silent());

        assertThat(fit.parameter("R_D_star")).isNegative();
        assertThat(fit.warnings()).filteredOn(w -> w.startsWith("implausible: R_D_star"))
                .singleElement().asString().contains("decay constant").contains("more than");
    }

    @Test
    void aFitEndingAtANegativeParameterDecayConstantWarnsWhatItMeans() {
        LawPoints table = LawPoints.of("seed 610, eight points", COLUMNS, new double[][] {
                {1.34e+07, 3.48e+08, 3.48e+08, 6.66e+08, 6.66e+08, 6.66e+08, 4.69e+09, 4.69e+09},
                {7.504e+09, 9.73e+10, 5.568e+09, 1.6e+09, 4e+09, 1.2e+11, 1.504e+13, 9.4e+13},
                {5.36e+08, 1.39e+10, 6.96e+07, 4e+08, 4e+08, 4e+08, 1.88e+11, 1.88e+11}},
                new double[] {2.397785521, 1.849916895, 3.072856, 2.552476737, 2.44643169, 2.351102943, 1.716787558,
                        1.683343523});

        ExpressionFit fit = ExpressionFitRequest.of(NamedLaws.named("data-constrained"), table)
                .run(LocalParallelism.sequential(), FitProgress.silent());

        assertThat(fit.parameter("R_N_star")).isNegative();
        assertThat(fit.warnings()).filteredOn(w -> w.startsWith("implausible: R_N_star"))
                .singleElement().asString().contains("decay constant").contains("more than");
        assertThat(fit.warnings()).noneMatch(w -> w.startsWith("implausible: R_D_star"));
    }

    @Test
    void aFitInsideTheLawsMeaningIsNotWarnedOfItsDecayConstants() {
        ExpressionFit fit = ExpressionFitRequest.of(NamedLaws.named("data-constrained"),
                DataConstrainedEdgeTest.edgeTable()).run(LocalParallelism.sequential(), FitProgress.silent());

        assertThat(fit.parameter("R_N_star")).isPositive();
        assertThat(fit.warnings()).noneMatch(w -> w.startsWith("implausible:"));
    }
}
