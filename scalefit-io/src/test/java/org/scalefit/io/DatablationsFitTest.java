package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartOutcome;
import org.scalefit.law.expr.ExpressionFit;
import org.scalefit.law.expr.ExpressionFitRequest;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.ExpressionObjective;
import org.scalefit.law.expr.LawPoints;
import org.scalefit.law.expr.NamedLaws;
import org.scalefit.parallel.LocalParallelism;


/**
 * Muennighoff et al. (2023)'s data-constrained law on their 182 runs: the published R_D*, R_N* and objective, the
 * README's check values, and the fit of R_D*, R_N* with the base law fixed.
 */
class DatablationsFitTest {

    static final double PUBLISHED_R_D = 15.387756;
    static final double PUBLISHED_R_N = 5.309743;
    static final double PUBLISHED_OBJECTIVE = 0.015825936570763588;

    /** The runs of the published fit (in_published_fit = 1), as points with params, tokens, unique_tokens. */
    static LawPoints publishedRuns() {
        RunTable table = new TableReader().read("datablations:c4_published_fit",
                ColumnRequest.of("params", "tokens", "unique_tokens", "loss"));
        return LawPoints.of(table.source(), List.of("params", "tokens", "unique_tokens"),
                new double[][] {table.column("params"), table.column("tokens"), table.column("unique_tokens")},
                table.column("loss"));
    }

    /** All 296 runs of the bundled table (datablations:c4), as points with params, tokens, unique_tokens. */
    static LawPoints allRuns() {
        RunTable table = new TableReader().read("datablations:c4",
                ColumnRequest.of("params", "tokens", "unique_tokens", "loss"));
        return LawPoints.of(table.source(), List.of("params", "tokens", "unique_tokens"),
                new double[][] {table.column("params"), table.column("tokens"), table.column("unique_tokens")},
                table.column("loss"));
    }

    static double[] publishedTheta(double rD, double rN) {
        return new double[] {NamedLaws.DATA_CONSTRAINED_A, NamedLaws.DATA_CONSTRAINED_B, NamedLaws.DATA_CONSTRAINED_E,
                NamedLaws.DATA_CONSTRAINED_ALPHA, NamedLaws.DATA_CONSTRAINED_ALPHA, rD, rN};
    }

    @Test
    void thePublishedPointHasThePublishedObjective() {
        LawPoints runs = publishedRuns();
        assertThat(runs.size()).isEqualTo(182);
        ExpressionObjective objective = ExpressionObjective.of(NamedLaws.named("data-constrained"), runs);
        double atPublished = objective.valueAtTheta(publishedTheta(PUBLISHED_R_D, PUBLISHED_R_N), null);
        // numpy/scipy in double precision (scalefit-bench/python/datablations_reference.py): 0.015825935258016139;
        // the published 0.015825936570763588 is 8.3e-8 higher (their fit ran in float32)
        assertThat(atPublished).isCloseTo(0.015825935258016139, within(1e-12 * PUBLISHED_OBJECTIVE));
        assertThat(atPublished).isCloseTo(PUBLISHED_OBJECTIVE, within(1e-7 * PUBLISHED_OBJECTIVE));
    }

    /**
     * On all 296 runs the objective falls as R_N* → 0+ (0/0 at R_N* = 0 where R_N = 0, a jump below) and as
     * R_D* → ∞. The fit used to stop 300 polishing rounds short of the edge, at R_N* = 7.7e-7, R_D* = 1320,
     * objective 0.0292460, {@code not_stationary}: every L-BFGS and Newton step along ∇F, dominated by ∂F/∂R_N*, left
     * the domain, and only the stationarity test's unit steps of R_D* lowered F. It ends at the edge, converged, at
     * the objective the fit with R_N*, R_D* on the log scale reaches (0.0292338538, R_D* ≈ 9e13) but for R_D*'s
     * 1/R_D* tail.
     */
    @Test
    void onAllRunsTheFitEndsAtTheEdgeRNStarToZeroConverged() {
        ExpressionLaw law = NamedLaws.named("data-constrained");
        ExpressionFit fit = ExpressionFitRequest.of(law, allRuns())
                .run(LocalParallelism.withThreads(1), FitProgress.silent());

        assertThat(fit.status()).as(String.join("\n", fit.warnings())).isEqualTo(LawFit.Status.CONVERGED);
        assertThat(fit.parameter("R_N_star")).isBetween(0.0, 1e-15);
        assertThat(fit.edges()).singleElement().satisfies(edge -> {
            assertThat(edge.coordinate()).isEqualTo(law.parameterNames().indexOf("R_N_star"));
            assertThat(edge.limit()).isZero();
        });
        assertThat(fit.warnings()).anyMatch(w -> w.startsWith("edge: R_N_star") && w.contains("R_N_star → 0+"));
        assertThat(fit.objective()).isLessThan(0.029234).isGreaterThan(0.0292338538);
    }

    /**
     * The fit's other polished optima lie on the same slope as the best, R_D* → ∞ (1.55·10⁶ against 1.75·10⁶, 1.4·10⁻⁸
     * apart in the objective, which only falls from one to the other): no competing basin, no other prescription.
     */
    @Test
    void onAllRunsAnotherPointOnTheBestsSlopeIsNoCompetingBasin() {
        ExpressionFit fit = ExpressionFitRequest.of(NamedLaws.named("data-constrained"), allRuns())
                .run(LocalParallelism.withThreads(1), FitProgress.silent());

        assertThat(fit.search().secondBest()).isNull();
        assertThat(fit.warnings()).noneMatch(w -> w.startsWith("competing basin"));
    }

    @Test
    void theirGridReachesThePublishedBasinAndTheLowerBasinBeyondItWhichIsTheAnswer() {
        ExpressionLaw law = NamedLaws.named("data-constrained");
        MultiStartFitter.Options exhaustive = MultiStartFitter.Options.defaults();
        ExpressionFit fit = new ExpressionFitRequest(law, publishedRuns(), exhaustive)
                .run(LocalParallelism.withThreads(1), FitProgress.silent());
        assertThat(fit.search().grid().dimension()).isEqualTo(2);
        assertThat(fit.search().starts()).isEqualTo(16);
        // their grid {0, 20/3, 40/3, 20}²: the 7 starts with a 0 are not finite (−R/R* divides by zero); the 9 others
        // end in the published basin, at an objective below the published one, and polishing its optima reaches a
        // lower basin at R_D* ≈ 47, R_N* ≈ 2.33, which scipy's L-BFGS-B reaches from the grid's (20, 20/3)
        // (46.9898925, 2.32958709, 0.015807378571937359)
        assertThat(fit.search().successfulStarts()).isEqualTo(9);
        assertThat(fit.succeeded()).isTrue();
        assertThat(fit.objective()).isCloseTo(0.015807378571937359, within(1e-12));
        assertThat(fit.parameter("R_D_star")).isCloseTo(46.9898925, within(1e-3));
        assertThat(fit.parameter("R_N_star")).isCloseTo(2.32958709, within(1e-4));

        // the published basin, 0.12 % higher, is reported as a competing basin with its parameters
        StartOutcome published = fit.search().secondBest();
        assertThat(published).isNotNull();
        double[] theta = ExpressionObjective.of(law, publishedRuns()).theta(published.point());
        int rd = law.parameterNames().indexOf("R_D_star");
        int rn = law.parameterNames().indexOf("R_N_star");
        assertThat(published.value()).isCloseTo(0.015825932069110, within(1e-15)).isLessThan(PUBLISHED_OBJECTIVE);
        assertThat(theta[rd]).isCloseTo(PUBLISHED_R_D, within(1.1e-3 * PUBLISHED_R_D));
        assertThat(theta[rn]).isCloseTo(PUBLISHED_R_N, within(1.1e-3 * PUBLISHED_R_N));
        assertThat(fit.warnings()).anyMatch(w -> w.startsWith("competing basin") && w.contains("R_D_star=15.3"));

        // started near the lower basin, the same optimum
        ExpressionLaw nearLowerBasin = law.withParameter(law.parameter("R_D_star").withStarts(45))
                .withParameter(law.parameter("R_N_star").withStarts(2.5));
        ExpressionFit lower = new ExpressionFitRequest(nearLowerBasin, publishedRuns(), exhaustive)
                .run(LocalParallelism.withThreads(1), FitProgress.silent());
        assertThat(lower.objective()).isCloseTo(fit.objective(), within(1e-15));
    }
}
