package org.scalefit.heldout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.data.RunKeys;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.law.LawForm;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.LawExpression;
import org.scalefit.parallel.LocalParallelism;

/** Held-out evaluation of a law written in the law language ({@link HeldOutLaw.Written}). */
class WrittenHeldOutLawTest {

    private static final double[] SIZES = {1e8, 2e8, 4e8, 8e8, 1.6e9, 3.2e9};
    private static final double[] TOKENS = {1e9, 2e9, 4e9, 1e10, 3e10};

    /** Five token counts per size, the loss of a Chinchilla-form law with a deterministic 1 % wobble. */
    private static Observations points() {
        double[][] inputs = new double[SIZES.length * TOKENS.length][];
        double[] losses = new double[inputs.length];
        for (int s = 0; s < SIZES.length; s++) {
            for (int t = 0; t < TOKENS.length; t++) {
                int i = s * TOKENS.length + t;
                inputs[i] = new double[] {SIZES[s], TOKENS[t]};
                losses[i] = (1.7 + 400 * Math.pow(SIZES[s], -0.34) + 410 * Math.pow(TOKENS[t], -0.28))
                        * (1 + 0.01 * Math.sin(3 * i));
            }
        }
        return new Observations("sizes", LawForm.CHINCHILLA.inputs(), inputs, losses);
    }

    private static ModelSizes sizes(Observations points) {
        double[][] keys = new double[points.size()][];
        double[] params = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            keys[i] = new double[] {points.input(i, 0)};
            params[i] = points.input(i, 0);
        }
        return ModelSizes.of(RunKeys.of(keys), params);
    }

    /** E + A/N^alpha + B/D^beta with N = params, D = tokens, and E, A, B on the log scale, Huber δ = 10⁻³. */
    private static ExpressionLaw writtenChinchilla() {
        ExpressionLaw law = ExpressionLaw.of("written", LawExpression.parse("E + A/N^alpha + B/D^beta",
                List.of("N", "D"), List.of("E", "A", "alpha", "B", "beta")))
                .withColumn("N", "params").withColumn("D", "tokens");
        for (String name : List.of("E", "A", "B")) {
            law = law.withParameter(law.parameter(name).logScale());
        }
        return law;
    }

    private static HeldOutReport rollout(HeldOutLaw law, Observations points, int... smallest) {
        return new HeldOutEvaluation(law).run(HoldOut.ROLLOUT, points, sizes(points), smallest,
                LocalParallelism.withThreads(2), FitProgress.silent());
    }

    /**
     * The same law, the same objective (Huber δ = 10⁻³ on log residuals) in the same coordinates (log E, log A,
     * log B, α, β), from different start grids: both fits are tested local minima of the one minimum, whose
     * parameters the engine's tolerances fix to about 10⁻⁷ (relative), so the predicted losses — and the errors in
     * percent, of order 1 — agree to far better than 10⁻⁴ percentage points.
     */
    @Test
    void aWrittenChinchillaLawHasTheBuiltInLawsHeldOutErrors() {
        Observations points = points();
        HeldOutReport builtIn = rollout(HeldOutEvaluation.of(LawForm.CHINCHILLA, 1e-3,
                HeldOutEvaluation.coarseGrid(2)).law(), points, 3, 4);
        HeldOutReport written = rollout(HeldOutLaw.Written.of(writtenChinchilla()), points, 3, 4);

        assertThat(written.fits()).hasSize(2).allMatch(HeldOutFit::succeeded);
        for (int f = 0; f < 2; f++) {
            List<SizeError> expected = builtIn.fits().get(f).errors();
            List<SizeError> actual = written.fits().get(f).errors();
            assertThat(actual).hasSameSizeAs(expected);
            for (int s = 0; s < expected.size(); s++) {
                assertThat(actual.get(s).size()).isEqualTo(expected.get(s).size());
                assertThat(actual.get(s).meanPercentError()).isGreaterThan(0.01)
                        .isCloseTo(expected.get(s).meanPercentError(), within(1e-4));
                assertThat(actual.get(s).decadesOutside()).containsExactly(expected.get(s).decadesOutside());
            }
        }
    }

    /** A written law reads two distinct values per input ({@code fit}'s rule); one size gives params one. */
    @Test
    void aWrittenLawFittedOnOneSizeIsNotIdentifiedAndPredictsNothing() {
        HeldOutReport report = rollout(HeldOutLaw.Written.of(writtenChinchilla()), points(), 1, 3);

        HeldOutFit one = report.fits().get(0);
        assertThat(one.fit().status()).isEqualTo(LawFit.Status.NOT_IDENTIFIED);
        assertThat(one.errors()).isEmpty();
        assertThat(one.fit().warnings()).anyMatch(warning -> warning.contains("params"));
        assertThat(report.fits().get(1).succeeded()).isTrue();
        assertThat(report.failedFits()).isEqualTo(1);
    }

    /** Weights enter each training fit: zero weight on a size's points is the fit without them. */
    @Test
    void aWrittenLawsWeightsWeighEachTrainingFitsPoints() {
        Observations points = points();
        double[] weights = new double[points.size()];
        java.util.Arrays.fill(weights, 1);
        java.util.Arrays.fill(weights, 0, TOKENS.length, 0);   // the smallest size's points
        HeldOutLaw.Written unweighted = HeldOutLaw.Written.of(writtenChinchilla());

        HeldOutReport weighted = rollout(unweighted.withWeights(weights), points, 4);
        HeldOutReport plain = rollout(unweighted, points, 4);

        double[] withoutSmallest = unweighted.fit(points, java.util.stream.IntStream.range(TOKENS.length,
                4 * TOKENS.length).toArray(), LocalParallelism.withThreads(2), FitProgress.silent()).parameters();
        double[] fitted = weighted.fits().get(0).fit().parameters();
        double[] unweightedFit = plain.fits().get(0).fit().parameters();
        for (int p = 0; p < fitted.length; p++) {
            assertThat(fitted[p]).isCloseTo(withoutSmallest[p], withinPercentage(1e-4));
        }
        assertThat(unweightedFit[2]).isNotCloseTo(withoutSmallest[2], withinPercentage(1e-2));
    }
}
