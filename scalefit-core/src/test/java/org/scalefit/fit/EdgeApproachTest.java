package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.law.expr.ExpressionFit;
import org.scalefit.law.expr.ExpressionFitRequest;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.ExpressionObjective;
import org.scalefit.law.expr.LawExpression;
import org.scalefit.law.expr.LawPoints;
import org.scalefit.law.expr.ParameterSpec;
import org.scalefit.parallel.LocalParallelism;

/**
 * A written law whose optimum lies at the edge k → 0+ of its domain while its other parameter, on a linear scale,
 * wants m → ∞: y = 1 − k·expm1(−x/k) − 0.1·m·expm1(−x/m) (k·(1 − e^(−x/k)) → 0 as k → 0+, 0/0 at x = 0 when k = 0,
 * overflowing for k &lt; 0; 0.1·m·(1 − e^(−x/m)) → 0.1·x as m → ∞) on points y = 1 at x = 0 and
 * y = 0.98 + 0.1·x + 0.002·x² at x = 0.5 … 5.5, below the k-term's offset and above the m-term's concavity.
 *
 * <p>Near k = 0+ ∂F/∂k dominates ∇F, so every step of L-BFGS and Newton leaves the domain within a sliver; the
 * polish used to advance only by the stationarity test's unit steps of m, and the fit ended {@code not_stationary}
 * at k ≈ 6e-13, m ≈ 377, objective 1.394e-4, 5 % above the edge's 1.324e-4 at m ≈ 1.5e7.
 */
class EdgeApproachTest {

    private static ExpressionLaw law() {
        LawExpression expression = LawExpression.parse("1 - k*expm1(-x/k) - 0.1*m*expm1(-x/m)", List.of("x"),
                List.of("k", "m"));
        return ExpressionLaw.of("user", expression)
                .withParameter(ParameterSpec.free("k").withStarts(1, 5, 20))
                .withParameter(ParameterSpec.free("m").withStarts(1, 5, 20));
    }

    private static LawPoints points() {
        int n = 12;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 * i;
            y[i] = i == 0 ? 1 : 0.98 + 0.1 * x[i] + 0.002 * x[i] * x[i];
        }
        return LawPoints.of("edge approach", List.of("x"), new double[][] {x}, y);
    }

    @Test
    void aFitApproachingAnEdgeWithAParameterFarFromItsStartsEndsAtTheEdgeConverged() {
        ExpressionLaw law = law();
        ExpressionFit fit = ExpressionFitRequest.of(law, points()).run(LocalParallelism.sequential(),
                FitProgress.silent());

        assertThat(fit.status()).as(String.join("\n", fit.warnings())).isEqualTo(LawFit.Status.CONVERGED);
        assertThat(fit.parameter("k")).isBetween(0.0, 1e-20);
        assertThat(fit.edges()).singleElement().satisfies(edge -> {
            assertThat(edge.coordinate()).isEqualTo(law.parameterNames().indexOf("k"));
            assertThat(edge.limit()).isZero();
        });
        assertThat(fit.warnings()).anyMatch(w -> w.startsWith("edge: k = ") && w.contains("k → 0+"));
        // the edge's optimum: m far beyond its starts, where a unit step of m no longer lowers F measurably
        assertThat(fit.parameter("m")).isGreaterThan(1e6);
        assertThat(fit.objective()).isLessThan(1.33e-4);
    }

    @Test
    void thePolishFromAPointShortOfTheEdgeEndsAtTheEdgeAndNeverHigher() {
        ExpressionObjective objective = ExpressionObjective.of(law(), points());
        double[] shortOfTheEdge = {5.584340907394998e-13, 377.4818830789007};
        double before = objective.value(shortOfTheEdge);
        assertThat(Stationarity.check(objective, shortOfTheEdge, new double[2]).holds()).isFalse();

        LocalRefinement.Refined refined = LocalRefinement.refine(objective, shortOfTheEdge, 1_000_000);

        assertThat(refined.stationarity().holds()).isTrue();
        assertThat(refined.value()).isLessThan(before).isEqualTo(objective.value(refined.point()));
        assertThat(DomainEdge.of(objective, refined.point())).singleElement()
                .satisfies(edge -> assertThat(edge.coordinate()).isZero());
    }
}
