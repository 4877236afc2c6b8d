package org.scalefit.law.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.parallel.LocalParallelism;

/** The over-estimate penalty ({@link Penalty.OverEstimate}): κ·huber_δ(r) where the law is above the point. */
class OverEstimatePenaltyTest {

    private static final ToDoubleFunction<double[]> TRUTH =
            x -> 1.8 + 420 / Math.pow(x[0], 0.32) + 900 / Math.pow(x[1], 0.28);

    /** Points where the law lies above the observation (log residual r = log L − log L̂ &lt; 0). */
    private static int overEstimates(ExpressionFit fit, LawPoints data) {
        int count = 0;
        for (int i = 0; i < data.size(); i++) {
            double predicted = fit.predict(data.column("N")[i], data.column("D")[i]);
            if (predicted > data.losses()[i]) {
                count++;
            }
        }
        return count;
    }

    private static ExpressionFit fit(ExpressionLaw law, LawPoints data) {
        return ExpressionFitRequest.of(law, data).run(LocalParallelism.sequential(), FitProgress.silent());
    }

    @Test
    void kappaOneIsHuberExactly() {
        LawPoints data = ExpressionFitTest.synthetic(TRUTH, 0.05, 3);
        ExpressionLaw law = ExpressionFitTest.logScaleChinchilla();
        for (Residual residual : Residual.values()) {
            ExpressionObjective huber = ExpressionObjective.of(law.withResidual(residual)
                    .withPenalty(Penalty.huber(0.01)), data);
            ExpressionObjective over = ExpressionObjective.of(law.withResidual(residual)
                    .withPenalty(Penalty.overEstimate(0.01, 1)), data);
            for (double[] u : new double[][] {{1.8, 6.0, 6.8, 0.32, 0.28}, {1.5, 5.0, 7.5, 0.25, 0.35},
                    {2.2, 6.5, 6.0, 0.4, 0.2}}) {
                double[] gh = new double[5];
                double[] go = new double[5];
                assertThat(over.valueAndGradient(u, go)).isEqualTo(huber.valueAndGradient(u, gh));
                assertThat(go).containsExactly(gh);
            }
        }
    }

    @Test
    void kappaAboveOneMovesTheFittedLawBelowSymmetricallyNoisyPoints() {
        LawPoints data = ExpressionFitTest.synthetic(TRUTH, 0.03, 11);
        ExpressionLaw law = ExpressionFitTest.logScaleChinchilla();

        ExpressionFit huber = fit(law.withPenalty(Penalty.huber(1e-3)), data);
        ExpressionFit over = fit(law.withPenalty(Penalty.overEstimate(1e-3, 10)), data);

        assertThat(huber.status()).isEqualTo(LawFit.Status.CONVERGED);
        assertThat(over.status()).as("the stationarity test certifies the asymmetric optimum")
                .isEqualTo(LawFit.Status.CONVERGED);
        int symmetric = overEstimates(huber, data);
        int asymmetric = overEstimates(over, data);
        assertThat(symmetric).as("Huber at small δ fits near the median").isBetween(12, 24);
        assertThat(asymmetric).as("κ = 10: about 1/(1 + κ) of the points lie below the law").isLessThan(8);
        for (int i = 0; i < data.size(); i++) {
            double n = data.column("N")[i];
            double d = data.column("D")[i];
            assertThat(over.predict(n, d)).isLessThan(huber.predict(n, d) * 1.001);
        }
    }

    @Test
    void gradientOfTheOverEstimatePenaltyIsExact() {
        LawPoints data = ExpressionFitTest.synthetic(TRUTH, 0.05, 6);
        ExpressionLaw law = ExpressionFitTest.logScaleChinchilla();
        for (Residual residual : Residual.values()) {
            ExpressionObjective objective = ExpressionObjective.of(law.withResidual(residual)
                    .withPenalty(Penalty.overEstimate(0.02, 7)), data.withWeights(data.column("N")));
            ExpressionFitTest.assertGradientIsCentralDifferences(objective, new double[] {1.9, 6.1, 6.7, 0.3, 0.27},
                    residual.toString());
        }
    }

    @Test
    void overEstimatesWeighKappaTimesAsMuchAsUnderEstimatesOfTheSameSize() {
        LawExpression constant = LawExpression.parse("c + 0*N", List.of("N"), List.of("c"));
        LawPoints two = LawPoints.of("two", List.of("N"), new double[][] {{1, 2}}, new double[] {1.0, 3.0});
        ExpressionLaw law = ExpressionLaw.of("c", constant).withResidual(Residual.RAW);
        ExpressionObjective over = ExpressionObjective.of(law.withPenalty(Penalty.overEstimate(0.5, 4)), two);
        ExpressionObjective huber = ExpressionObjective.of(law.withPenalty(Penalty.huber(0.5)), two);
        // at c = 2: r = −1 at the first point (over-estimate), +1 at the second; huber_0.5(1) = 0.375
        assertThat(huber.value(new double[] {2})).isEqualTo(0.75);
        assertThat(over.value(new double[] {2})).isEqualTo(4 * 0.375 + 0.375);
    }

    @Test
    void kappaBelowOneNotANumberOrInfiniteIsRefused() {
        for (double kappa : new double[] {0.5, 0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Penalty.overEstimate(1e-3, kappa)).as("κ = %s", kappa)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kappa")
                    .hasMessageContaining("≥ 1");
        }
        assertThat(Penalty.overEstimate(1e-3, 1)).isEqualTo(new Penalty.OverEstimate(1e-3, 1));
    }
}
