package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitProgress;
import org.scalefit.heldout.HeldOutEvaluation;
import org.scalefit.heldout.HeldOutFit;
import org.scalefit.heldout.HeldOutReport;
import org.scalefit.heldout.HoldOut;
import org.scalefit.heldout.ModelSizes;
import org.scalefit.heldout.SizeError;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Series;


class HeldOutFiguresTest {

    /** Five sizes: a fit on fewer than three of them cannot identify the law (see Identification). */
    private static final double[] PARAMS = {1e8, 3e8, 1e9, 3e9, 1e10};
    private static final double[] TOKENS = {2e9, 8e9, 3e10};

    /** Five sizes of three points each, the law's losses with a size-dependent bump so that errors are not zero. */
    private static HeldOutReport evaluate(HoldOut mode, int[] smallest) {
        Observations exact = SyntheticRuns.chinchilla(PARAMS, TOKENS);
        double[][] inputs = exact.inputs();
        double[] losses = exact.losses();
        for (int i = 0; i < losses.length; i++) {
            losses[i] *= 1 + 0.01 * (i / TOKENS.length % 2);
        }
        Observations data = new Observations("bumped", exact.inputNames(), inputs, losses);
        int[] sizeOfPoint = new int[losses.length];
        double[][] keys = new double[PARAMS.length][];
        for (int i = 0; i < sizeOfPoint.length; i++) {
            sizeOfPoint[i] = i / TOKENS.length;
        }
        for (int s = 0; s < PARAMS.length; s++) {
            keys[s] = new double[] {PARAMS[s]};
        }
        ModelSizes sizes = new ModelSizes(sizeOfPoint, keys, PARAMS);
        return HeldOutEvaluation.of(LawForm.CHINCHILLA, 1e-3, HeldOutEvaluation.coarseGrid(2))
                .run(mode, data, sizes, smallest, LocalParallelism.withThreads(1), FitProgress.silent());
    }

    @Test
    void leaveOneSizeOutShowsTheMeanAndLargestErrorOfEachHeldOutSizeAtItsSize() {
        HeldOutReport report = evaluate(HoldOut.LEAVE_ONE_SIZE_OUT, new int[0]);

        Figure figure = HeldOutFigures.errorBySize("h", report, "parameters");

        Series mean = figure.series("held out: mean error");
        Series largest = figure.series("held out: largest error");
        assertThat(mean.x()).containsExactly(PARAMS);
        for (int s = 0; s < PARAMS.length; s++) {
            SizeError error = report.fits().get(s).errors().get(0);
            assertThat(error.size()).isEqualTo(s);
            assertThat(mean.y()[s]).isEqualTo(error.meanPercentError());
            assertThat(largest.y()[s]).isEqualTo(error.maxPercentError());
            assertThat(largest.y()[s]).isGreaterThanOrEqualTo(mean.y()[s]);
        }
        Series inSample = figure.series("in sample (fit on every size): mean error");
        assertThat(inSample.y()).containsExactly(report.reference().errors().stream()
                .mapToDouble(SizeError::meanPercentError).toArray());
    }

    @Test
    void rolloutDrawsOneLinePerNumberOfSmallestSizesOverTheLargerSizes() {
        HeldOutReport report = evaluate(HoldOut.ROLLOUT, new int[] {3, 4});

        Figure figure = HeldOutFigures.errorBySize("h", report, "parameters");

        Series three = figure.series("fitted on the 3 smallest");
        assertThat(three.x()).containsExactly(3e9, 1e10);
        HeldOutFit fit = report.fits().get(0);
        assertThat(three.y()).containsExactly(fit.errors().get(0).meanPercentError(),
                fit.errors().get(1).meanPercentError());
        assertThat(figure.series("fitted on the 4 smallest").x()).containsExactly(1e10);
        assertThat(three.pointLabel(1)).startsWith("10000000000 (10¹⁰)");
    }

    @Test
    void aSizeKeyOfWidthAndDepthReadsAsAShape() {
        ModelSizes sizes = new ModelSizes(new int[] {0}, new double[][] {{1024, 28}}, new double[] {5.4e8});

        assertThat(HeldOutFigures.sizeName(sizes, 0)).isEqualTo("1024x28");
    }
}
