package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.data.RunKeys;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.LbfgsOutcome;
import org.scalefit.fit.LbfgsSettings;
import org.scalefit.fit.StartGrid;
import org.scalefit.law.Allocation;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;


/** The bootstrap of a fitted law from its point estimate, resampling whole runs. */
class BlockBootstrapTest {

    private static SyntheticRuns runs;
    private static FittedLaw estimate;

    @BeforeAll
    static void fit() {
        runs = SyntheticRuns.of(12, 10, 0.01, 0.002, 5);
        LawFit fit = FitProblem.of(LawForm.CHINCHILLA, runs.observations(), 1e-3, StartGrid.gemstones(2))
                .fit(LocalParallelism.withThreads(2), FitProgress.silent());
        estimate = new FittedLaw(LawForm.CHINCHILLA, fit.parameters());
    }

    private static BootstrapResult blocks(int replicates, long seed, int threads) {
        return PairsBootstrap.fromEstimate(estimate, 1e-3, replicates, seed).run(runs.observations(),
                ResamplingUnits.runs(runs.runs()), LocalParallelism.withThreads(threads), FitProgress.silent());
    }

    @Test
    void runBlockReplicatesAreBitIdenticalOnOneAndTwoThreads() {
        BootstrapResult one = blocks(60, 42, 1);
        BootstrapResult two = blocks(60, 42, 2);
        assertThat(two.replicates()).isDeepEqualTo(one.replicates());
        assertThat(two.refits()).isEqualTo(one.refits());
        assertThat(blocks(60, 43, 2).replicates()[0]).isNotEqualTo(one.replicates()[0]);
    }

    @Test
    void percentileIntervalsCoverThePointEstimateInLogAndNaturalSpace() {
        BootstrapResult result = blocks(300, 7, 2);
        double[] theta = estimate.theta();
        double[] low = result.percentile(2.5);
        double[] high = result.percentile(97.5);
        double[] naturalLow = result.untransformedPercentile(2.5);
        double[] naturalHigh = result.untransformedPercentile(97.5);
        for (int j = 0; j < theta.length; j++) {
            assertThat(theta[j]).as("parameter %d", j).isBetween(low[j], high[j]);
            double natural = j < 2 ? theta[j] : Math.exp(theta[j]);
            assertThat(natural).as("parameter %d, natural", j).isBetween(naturalLow[j], naturalHigh[j]);
        }
        assertThat(Arrays.stream(result.standardErrors())).allMatch(se -> se > 0 && Double.isFinite(se));
        assertThat(result.failed()).isEmpty();
    }

    @Test
    void allocationBandBracketsThePointAllocation() {
        BootstrapResult result = blocks(300, 11, 2);
        double[] budgets = {1e19, 1e21, 1e23, 1e25};
        AllocationBands bands = AllocationBands.of(estimate.theta(), result, budgets, 95);
        assertThat(bands.computed()).isTrue();
        assertThat(bands.unusableReplicates()).isEmpty();
        ComputeOptimalAllocation point = ComputeOptimalAllocation.ofChinchillaParameters(estimate.theta());
        for (int c = 0; c < budgets.length; c++) {
            AllocationBands.Band band = bands.bands().get(c);
            Allocation exact = point.at(budgets[c]);
            assertThat(band.estimate()).isEqualTo(exact);
            assertThat(band.params().contains(exact.params())).as("N_opt at %g", budgets[c]).isTrue();
            assertThat(band.tokens().contains(exact.tokens())).as("D_opt at %g", budgets[c]).isTrue();
            assertThat(band.tokensPerParam().contains(exact.tokensPerParam())).as("D/N at %g", budgets[c]).isTrue();
            assertThat(band.params().low()).isLessThan(band.params().median());
            assertThat(band.params().median()).isLessThan(band.params().high());
        }
    }

    /**
     * With a run effect ten times the checkpoint noise, resampling checkpoints one by one treats 120 correlated
     * points as independent; resampling runs does not, and its spread of the tokens exponent is wider.
     */
    @Test
    void runBlocksSeeTheRunEffectThatPairsMiss() {
        SyntheticRuns correlated = SyntheticRuns.of(12, 10, 0.02, 0.002, 8);
        PairsBootstrap bootstrap = PairsBootstrap.fromEstimate(new FittedLaw(LawForm.CHINCHILLA,
                SyntheticRuns.TRUTH), 1e-3, 300, 3);
        BootstrapResult byRun = bootstrap.run(correlated.observations(), ResamplingUnits.runs(correlated.runs()),
                LocalParallelism.withThreads(2), FitProgress.silent());
        BootstrapResult byPoint = bootstrap.run(correlated.observations(), LocalParallelism.withThreads(2));
        assertThat(byRun.standardErrors()[0]).isGreaterThan(2 * byPoint.standardErrors()[0]);
    }

    @Test
    void failedRefitsAreReportedAndKept() {
        // one iteration, and 12 evaluations: too few for the polish that follows it to reach a tested minimum
        LbfgsSettings oneStep = new LbfgsSettings(10, 0, 0, 1, 12, 20, 1.0, false);
        PairsBootstrap bootstrap = new PairsBootstrap(LawForm.CHINCHILLA, 1e-3, SyntheticRuns.TRUTH, 20, 1,
                ResamplingStream.SPLITTABLE, oneStep);
        BootstrapResult result = bootstrap.run(runs.observations(), ResamplingUnits.runs(runs.runs()),
                LocalParallelism.sequential(), FitProgress.silent());
        assertThat(result.count()).isEqualTo(20);
        assertThat(result.failed()).hasSize(20).startsWith(0, 1, 2);
        assertThat(result.converged()).isZero();
        assertThat(result.refits()).extracting(BootstrapResult.Refit::status)
                .containsOnly(LbfgsOutcome.Status.ITERATION_LIMIT);
    }

    /** A width–depth law (3 inputs) bootstraps the same way; it has no closed-form allocation, and says so. */
    @Test
    void aWidthDepthLawBootstrapsAndSkipsTheAllocation() {
        double[] truth = {0.3, 0.4, 0.25, 4.0, 2.0, 5.0, Math.log(1.8)};
        SplittableRandom random = new SplittableRandom(4);
        List<double[]> inputs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        List<double[]> keys = new ArrayList<>();
        for (int width : new int[] {256, 512, 1024, 2048}) {
            for (int depth : new int[] {4, 12, 36}) {
                double offset = 0.005 * random.nextGaussian();
                for (double tokens = 1e9; tokens <= 1.1e11; tokens *= Math.sqrt(10)) {
                    inputs.add(new double[] {width, depth, tokens});
                    losses.add(LawForm.WIDTH_DEPTH.predict(truth, width, depth, tokens)
                            * Math.exp(offset + 0.001 * random.nextGaussian()));
                    keys.add(new double[] {width, depth});
                }
            }
        }
        Observations data = new Observations("synthetic width-depth", LawForm.WIDTH_DEPTH.inputs(),
                inputs.toArray(double[][]::new), losses.stream().mapToDouble(Double::doubleValue).toArray());
        RunKeys runKeys = RunKeys.of(keys.toArray(double[][]::new));
        assertThat(runKeys.runs()).isEqualTo(12);
        PairsBootstrap bootstrap = PairsBootstrap.fromEstimate(new FittedLaw(LawForm.WIDTH_DEPTH, truth), 1e-3, 40, 2);
        BootstrapResult one = bootstrap.run(data, ResamplingUnits.runs(runKeys), LocalParallelism.sequential(),
                FitProgress.silent());
        BootstrapResult two = bootstrap.run(data, ResamplingUnits.runs(runKeys), LocalParallelism.withThreads(2),
                FitProgress.silent());
        assertThat(two).isEqualTo(one);
        assertThat(one.standardErrors()).hasSize(7);
        assertThat(Arrays.stream(one.standardErrors())).allMatch(se -> se > 0 && Double.isFinite(se));
        AllocationBands bands = AllocationBands.of(truth, one, new double[] {1e21}, 95);
        assertThat(bands.computed()).isFalse();
        assertThat(bands.bands()).isEmpty();
        assertThat(bands.skipped()).contains("width-depth").contains("no closed-form");
    }
}
