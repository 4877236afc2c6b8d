package org.scalefit.heldout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.data.RunKeys;
import org.scalefit.fit.FitProgress;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;

/** How far a held-out size lies outside the range of the points its fit saw ({@link SizeError#decadesOutside}). */
class HeldOutDistanceTest {

    private static final double[] SIZES = {1e8, 2e8, 4e8, 8e8, 1.6e9};
    private static final double[] TOKENS = {1e9, 3e9, 1e10};

    /** Three token counts per size, the loss of a Chinchilla-form law with a small deterministic wobble. */
    private static Observations points() {
        double[][] inputs = new double[SIZES.length * TOKENS.length][];
        double[] losses = new double[inputs.length];
        for (int s = 0; s < SIZES.length; s++) {
            for (int t = 0; t < TOKENS.length; t++) {
                int i = s * TOKENS.length + t;
                inputs[i] = new double[] {SIZES[s], TOKENS[t]};
                losses[i] = (1.7 + 400 * Math.pow(SIZES[s], -0.34) + 410 * Math.pow(TOKENS[t], -0.28))
                        * (1 + 0.002 * Math.sin(i));
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

    private static HeldOutReport run(HoldOut mode, int... smallest) {
        Observations points = points();
        return HeldOutEvaluation.of(LawForm.CHINCHILLA, 1e-3, HeldOutEvaluation.coarseGrid(2))
                .run(mode, points, sizes(points), smallest, LocalParallelism.sequential(), FitProgress.silent());
    }

    @Test
    void aRolledOutSizeLiesAsManyDecadesAboveTheFittedSizesAsItsParamsAreLarger() {
        HeldOutFit three = run(HoldOut.ROLLOUT, 3).fits().get(0);

        assertThat(three.errors()).hasSize(2);
        assertThat(three.errors().get(0).decadesOutside()[0]).isCloseTo(Math.log10(2), within(1e-12));
        assertThat(three.errors().get(1).decadesOutside()[0]).isCloseTo(Math.log10(4), within(1e-12));
        assertThat(three.errors().get(1).decadesOutside()[1]).isZero();
    }

    @Test
    void leavingOutTheSmallestSizeLiesBelowTheFitAndAMiddleSizeWithinIt() {
        HeldOutReport report = run(HoldOut.LEAVE_ONE_SIZE_OUT);

        assertThat(report.fits().get(0).errors().get(0).decadesOutside()[0]).isCloseTo(-Math.log10(2),
                within(1e-12));
        assertThat(report.fits().get(1).errors().get(0).decadesOutside()).containsExactly(0, 0);
        assertThat(report.reference().errors()).allSatisfy(error -> assertThat(error.decadesOutside())
                .containsExactly(0, 0));
    }
}
