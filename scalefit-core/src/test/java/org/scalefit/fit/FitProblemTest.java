package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;


/** A fit problem is a value: solved on any engine it gives one result, named in the law's own terms. */
class FitProblemTest {

    private static final FitProblem PROBLEM = FitProblem.of(LawForm.CHINCHILLA, AdversarialCorpus.table("ladder-00"),
            1e-3, StartGrid.gemstones(2));

    private static LawFit solve(FitProblem problem, int threads) {
        return problem.fit(LocalParallelism.withThreads(threads), FitProgress.silent());
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() {
        assertThat(solve(PROBLEM, 1).parameters()).containsExactly(solve(PROBLEM, 2).parameters());
    }

    @Test
    void namedParametersAreThetaUnderChinchillasNames() {
        LawFit fit = solve(PROBLEM, 2);
        assertThat(fit.namedParameters().keySet()).containsExactly("alpha", "beta", "log_A", "log_B", "log_E");
        assertThat(fit.namedParameters().values().stream().mapToDouble(Double::doubleValue).toArray())
                .containsExactly(fit.parameters());
    }

    @Test
    void theFittedLawIsTheFormWithTheOptimum() {
        LawFit fit = solve(PROBLEM, 2);
        assertThat(fit.fittedLaw().form()).isEqualTo(LawForm.CHINCHILLA);
        assertThat(fit.fittedLaw().theta()).containsExactly(fit.parameters());
    }

    @Test
    void aFitWithoutOptimumHasNoFittedLaw() {
        FitProblem starved = PROBLEM.withOptions(MultiStartFitter.Options.defaults().withMaxEvaluations(1));
        LawFit fit = solve(starved, 2);
        assertThat(fit.status()).isEqualTo(LawFit.Status.NO_START_CONVERGED);
        assertThatThrownBy(fit::fittedLaw).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void widthDepthParametersAreNamedByInput() {
        assertThat(LawForm.WIDTH_DEPTH.parameterNames(true)).isEqualTo(List.of("alpha_width", "alpha_depth",
                "alpha_tokens", "coefficient_width", "coefficient_depth", "coefficient_tokens", "E"));
    }

    @Test
    void aProblemNeedsItsPoints() {
        assertThatThrownBy(() -> FitProblem.of(LawForm.CHINCHILLA, (Observations) null, 1e-3, StartGrid.gemstones(2)))
                .isInstanceOf(NullPointerException.class);
    }
}
