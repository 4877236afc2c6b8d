package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.data.RunKeys;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LbfgsOutcome;
import org.scalefit.fit.LbfgsSettings;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.parallel.SerializingParallelism;


class PairsBootstrapTest {

    private static final double[] START = {0.33917084, 0.2849083, 6.0073404, 6.0179186, 0.5267228};

    @Test
    void resultDependsOnTheSeedOnlyNotOnThreads() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(60, 0.01, 5);
        for (ResamplingStream stream : ResamplingStream.values()) {
            PairsBootstrap bootstrap = PairsBootstrap.of(LawForm.CHINCHILLA, 1e-3, START, 40, 11).withStream(stream);
            BootstrapResult one = bootstrap.run(data, LocalParallelism.sequential());
            BootstrapResult three = bootstrap.run(data, LocalParallelism.withThreads(3));
            assertThat(three).isEqualTo(one);
            assertThat(one.count()).isEqualTo(40);
            BootstrapResult other = PairsBootstrap.of(LawForm.CHINCHILLA, 1e-3, START, 40, 12).withStream(stream)
                    .run(data, LocalParallelism.sequential());
            assertThat(other.replicates()[0]).isNotEqualTo(one.replicates()[0]);
        }
    }

    @Test
    void replicatesRunInAnotherProcessAreTheSame() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(60, 0.01, 5);
        PairsBootstrap bootstrap = PairsBootstrap.of(LawForm.CHINCHILLA, 1e-3, START, 8, 11);
        assertThat(bootstrap.run(data, new SerializingParallelism()))
                .isEqualTo(bootstrap.run(data, LocalParallelism.sequential()));
    }

    @Test
    void intervalsCoverTheTrueExponents() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(200, 0.01, 6);
        BootstrapResult result = PairsBootstrap.of(LawForm.CHINCHILLA, 1e-3, START, 100, 42)
                .run(data, LocalParallelism.withThreads(2));
        assertThat(result.converged()).isEqualTo(100);
        double[] low = result.untransformedPercentile(2.5);
        double[] high = result.untransformedPercentile(97.5);
        assertThat(low[4]).isLessThan(1.69);
        assertThat(high[4]).isGreaterThan(1.69);
        assertThat(low[0]).isLessThan(high[0]);
        assertThat(java.util.Arrays.stream(result.standardErrors())).allMatch(se -> se > 0 && Double.isFinite(se));
    }

    @Test
    void aNegligibleFloorAtTheStartIsMarkedNotIdentifiedAndTheOtherParametersAreNot() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(60, 0.01, 5);
        double[] noFloor = START.clone();
        noFloor[4] = -30; // E = 9e-14, far below 1e-3 of the smallest loss: the fit warns "E is not identified"
        BootstrapResult result = PairsBootstrap.of(LawForm.CHINCHILLA, 1e-3, noFloor, 20, 3)
                .run(data, LocalParallelism.sequential());
        assertThat(result.unidentified()).containsExactly(4);
        assertThat(result.identified(4)).isFalse();
        assertThat(result.identified(0)).isTrue();

        BootstrapResult regular = PairsBootstrap.of(LawForm.CHINCHILLA, 1e-3, START, 20, 3)
                .run(data, LocalParallelism.sequential());
        assertThat(regular.unidentified()).isEmpty();
    }
    /**
     * A ladder of 3 widths × 3 depths resampled by runs: a resample that misses a width (or a depth) leaves that
     * input 2 distinct values, which cannot identify its coefficient and exponent (the rule a fit refuses such data
     * by); those replicates are listed, and only those.
     */
    @Test
    void resamplesThatCannotIdentifyTheLawAreListed() {
        double[] widths = {256, 1024, 2048};
        double[] depths = {6, 12, 24};
        double[] theta = {0.5, 0.5, 0.3, Math.log(20), Math.log(1.5), Math.log(400), Math.log(1.7)};
        int tokenCounts = 4;
        double[][] inputs = new double[widths.length * depths.length * tokenCounts][];
        double[][] keys = new double[inputs.length][];
        double[] losses = new double[inputs.length];
        int i = 0;
        for (double width : widths) {
            for (double depth : depths) {
                for (int t = 1; t <= tokenCounts; t++) {
                    double tokens = t * 4e9;
                    inputs[i] = new double[] {width, depth, tokens};
                    keys[i] = new double[] {width, depth};
                    losses[i] = (20 / Math.sqrt(width) + 1.5 / Math.sqrt(depth) + 400 * Math.pow(tokens, -0.3) + 1.7)
                            * (1 + 0.003 * Math.sin(i));
                    i++;
                }
            }
        }
        Observations data = new Observations("ladder", List.of("width", "depth", "tokens"), inputs, losses);
        RunKeys runs = RunKeys.of(keys);
        int replicates = 30;
        BootstrapResult result = new PairsBootstrap(LawForm.WIDTH_DEPTH, 1e-3, theta, replicates, 42,
                ResamplingStream.NUMPY_RANDOM_STATE, PairsBootstrap.defaultSettings())
                .run(data, ResamplingUnits.runs(runs), LocalParallelism.sequential(), FitProgress.silent());

        int[][] drawn = ResamplingStream.NUMPY_RANDOM_STATE.resamples(42, replicates, runs.runs());
        int[] expected = IntStream.range(0, replicates).filter(r -> java.util.Arrays.stream(drawn[r])
                .mapToObj(u -> runs.keyOfRun()[u][0]).distinct().count() < 3 || java.util.Arrays.stream(drawn[r])
                .mapToObj(u -> runs.keyOfRun()[u][1]).distinct().count() < 3).toArray();
        assertThat(expected).isNotEmpty().hasSizeLessThan(replicates);
        assertThat(result.unidentifiedResamples()).containsExactly(expected);
    }
    /**
     * A reduction tolerance of 10⁻² stops L-BFGS after a step or two with "converged" where a gradient step still
     * lowers F by percents, and an evaluation budget of 10 leaves the polish no room to reach the minimum: each
     * refit is tested as the point estimate is, fails the stationarity test, and is counted failed, not converged.
     */
    @Test
    void aRefitTheOptimiserCallsConvergedButThatIsNotStationaryIsCountedFailed() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(60, 0.01, 5);
        LbfgsSettings early = new LbfgsSettings(10, 1e-2, 0, 15000, 10, 40, 1.0, false);
        BootstrapResult result = new PairsBootstrap(LawForm.CHINCHILLA, 1e-3, START, 12, 11,
                ResamplingStream.NUMPY_RANDOM_STATE, early).run(data, LocalParallelism.sequential());
        assertThat(result.refits()).extracting(BootstrapResult.Refit::status)
                .containsOnly(LbfgsOutcome.Status.CONVERGED_REDUCTION);
        assertThat(result.converged()).isZero();
        assertThat(result.failed()).hasSize(12);
        assertThat(result.polished()).hasSize(12);
    }

    /**
     * With at most 2 evaluations per line search L-BFGS gives up at its first step, with ‖∇F‖∞ ≈ 0.3 (far above
     * scipy's 10⁻⁵): the end point fails the stationarity test and is polished to a tested minimum, as Fit B's is,
     * and the refit is counted at the precision floor (stopped by a failed line search, ended at a tested minimum),
     * not failed.
     */
    @Test
    void aRefitWhoseLineSearchFailedIsAtThePrecisionFloorOnceItEndsAtATestedMinimum() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(60, 0.01, 5);
        LbfgsSettings shortSearches = new LbfgsSettings(10, 4 * Math.ulp(1.0), 1e-9, 15000, 30000, 2, 1.0, false);
        BootstrapResult result = new PairsBootstrap(LawForm.CHINCHILLA, 1e-3, START, 12, 11,
                ResamplingStream.NUMPY_RANDOM_STATE, shortSearches).run(data, LocalParallelism.sequential());
        assertThat(result.refits()).extracting(BootstrapResult.Refit::status)
                .containsOnly(LbfgsOutcome.Status.LINE_SEARCH_FAILED);
        assertThat(result.failed()).isEmpty();
        assertThat(result.atPrecisionFloor()).hasSize(12);
        assertThat(result.polished()).hasSize(12);
        assertThat(result.refits()).allMatch(refit -> refit.gradientNorm() < 1e-5);
    }
}
