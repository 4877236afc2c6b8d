package org.scalefit.io.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.fit.FitProgress;
import org.scalefit.io.DataSource;
import org.scalefit.parallel.LocalParallelism;

/**
 * The analyses of a user's run table as one typed result: 30 runs (6 sizes × 5 token counts) of Chinchilla's law
 * L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 (Hoffmann et al. 2022, eq. 10) with a deterministic ±0.4 % wobble.
 */
class DatasetAnalysisRequestTest {

    @TempDir
    Path folder;

    private Path runs() throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        int i = 0;
        for (double n : new double[] {1e7, 2e7, 5e7, 1e8, 2e8, 5e8}) {
            for (double d : new double[] {2e8, 1e9, 3e9, 1e10, 3e10}) {
                double loss = (1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28))
                        * (1 + 0.004 * Math.sin(7 * i++));
                csv.append(String.format(Locale.ROOT, "%g,%g,%.5f%n", n, d, loss));
            }
        }
        return Files.writeString(folder.resolve("runs.csv"), csv);
    }

    private static DatasetAnalysisRequest request(Path csv, int lawBootstrap) {
        return new DatasetAnalysisRequest(DataSource.of(csv.toString()), CostRequest.defaults(), 1e-3, "gemstones",
                lawBootstrap, 0, 20, 42, false, null, null, false);
    }

    @Test
    void aPlainRunTableGetsApproach1TheFitItsAllocationAndBandsAndNothingElse() throws Exception {
        DatasetAnalysisResult result = request(runs(), 8).run(LocalParallelism.withThreads(2), FitProgress.silent());

        assertThat(result.fit().succeeded()).isTrue();
        assertThat(result.allocation()).isNotNull();
        assertThat(result.bootstrap().replicates()).hasNumberOfRows(8);
        assertThat(result.allocationBands().bands()).hasSize(65);
        double[] flops = result.flops().spent();
        double[] budgets = result.lossAgainstCompute().budgets();
        assertThat(budgets).hasSize(41);
        assertThat(budgets[0]).isEqualTo(Arrays.stream(flops).min().orElseThrow() / 3);
        assertThat(budgets[40]).isEqualTo(Arrays.stream(flops).max().orElseThrow() * 3);
        assertThat(result.flops().bins()).isNotNull();
        assertThat(result.gpuHours()).isNull();
        assertThat(result.shapeOptima()).isNull();
        assertThat(result.parabola()).isNull();
        assertThat(result.benchmarks()).isNull();
        assertThat(result.overtraining()).isNull();
        assertThat(result.otherData()).isEmpty();
        assertThat(result.seconds()).containsKeys("read", "approach 1", "approach 3 fit", "approach 3 bootstrap");
    }

    @Test
    void aColumnMappedWithColumnThatTheFileLacksIsRefusedNotSkipped() throws Exception {
        for (String logical : java.util.List.of("width", "run", "step")) {
            DatasetAnalysisRequest request = new DatasetAnalysisRequest(new DataSource(runs().toString(),
                    java.util.Map.of(logical, "no_such_column")), CostRequest.defaults(), 1e-3, "gemstones", 0, 0,
                    20, 42, false, null, null, false);

            assertThatThrownBy(() -> request.run(LocalParallelism.withThreads(1), FitProgress.silent())).as(logical)
                    .isInstanceOf(org.scalefit.io.InputException.class)
                    .hasMessageContaining("--column " + logical + "=no_such_column");
        }
    }

    @Test
    void withoutLawBootstrapThereAreNoBands() throws Exception {
        DatasetAnalysisResult result = request(runs(), 0).run(LocalParallelism.withThreads(2), FitProgress.silent());

        assertThat(result.bootstrap()).isNull();
        assertThat(result.allocationBands()).isNull();
        assertThat(result.lossAgainstCompute().band()).isNull();
        assertThat(result.lossAgainstCompute().noBand()).isEmpty();
    }

    @Test
    void aParabolaNeedsRunsWithAShape() throws Exception {
        Path csv = runs();
        DatasetAnalysisRequest request = new DatasetAnalysisRequest(DataSource.of(csv.toString()),
                CostRequest.defaults(), 1e-3, "gemstones", 0, 0, 0, 42, false, null, folder.resolve("law.json"),
                false);

        assertThatThrownBy(() -> request.run(LocalParallelism.withThreads(1), FitProgress.silent()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--parabola needs data with width");
    }

    /**
     * An IsoFLOP design of the same law: 5 budgets C of 7 sizes each, N from 1/5 to 5 times Chinchilla's N_opt(C)
     * (eq. 4 of the rounded law: G = 1.345, a = 0.4516), D = C/(6N), with the same wobble.
     */
    private Path isoflopRuns() throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        int i = 0;
        for (double c : new double[] {1e18, 3e18, 1e19, 3e19, 1e20}) {
            double optimal = 1.345 * Math.pow(c / 6, 0.4516);
            for (int k = -3; k <= 3; k++) {
                double n = optimal * Math.pow(5, k / 3.0);
                double d = c / (6 * n);
                double loss = (1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28))
                        * (1 + 0.002 * Math.sin(7 * i++));
                csv.append(String.format(Locale.ROOT, "%.6g,%.6g,%.5f%n", n, d, loss));
            }
        }
        return Files.writeString(folder.resolve("isoflop.csv"), csv);
    }

    @Test
    void runsOfAnIsoflopDesignGetApproach2AsTheIsoflopCommandMakesIt() throws Exception {
        Path csv = isoflopRuns();

        DatasetAnalysisResult result = request(csv, 0).run(LocalParallelism.withThreads(2), FitProgress.silent());

        IsoflopResult direct = new IsoflopRequest(DataSource.of(csv.toString()), null, java.util.List.of(), 1000, 42,
                org.scalefit.uncertainty.ResamplingStream.SPLITTABLE, null, false,
                java.util.List.of(org.scalefit.isoflop.IsoflopIntervals.CHINCHILLA_FLOPS))
                .run(LocalParallelism.withThreads(1));
        assertThat(result.isoflop()).isNotNull();
        assertThat(result.isoflop().design().budgets()).isEqualTo(5);
        assertThat(result.isoflop().failure()).isNull();
        assertThat(result.isoflop().result().fits()).isNotNull();
        assertThat(result.isoflop().result().csv()).isEqualTo(direct.csv());
    }

    @Test
    void runsOfSizesTimesTokenCountsAreNoIsoflopDesignAndGetNoApproach2() throws Exception {
        DatasetAnalysisResult result = request(runs(), 0).run(LocalParallelism.withThreads(2), FitProgress.silent());

        assertThat(result.isoflop()).isNull();
    }

    /**
     * The runs of {@link #runs} with a diverged run (loss 10⁶, high enough to be a vertex of the hull seen from Gemstones' vantage point) beyond the largest budget and, after it, a run a little
     * worse than the best: Gemstones' rule compares that last run with the diverged one only and keeps it on the
     * frontier, although the best run spends less for a lower loss.
     */
    private Path runsWithADominatedFrontierRun() throws Exception {
        Path csv = runs();
        String rows = Files.readString(csv);
        double best = Arrays.stream(rows.split("\n")).skip(1).mapToDouble(line -> Double.parseDouble(
                line.split(",")[2])).min().orElseThrow();
        return Files.writeString(csv, rows + String.format(Locale.ROOT, "5e+08,3.96e+10,1e+06%n5e+08,4e+10,%.5f%n",
                best * 1.01));
    }

    @Test
    void theFrontierCarriesTheWarningsTheFrontierCommandPrints() throws Exception {
        Path csv = runsWithADominatedFrontierRun();

        DatasetAnalysisResult result = request(csv, 0).run(LocalParallelism.withThreads(1), FitProgress.silent());

        FrontierResult command = new FrontierRequest(DataSource.of(csv.toString()), FrontierRequest.Resource.FLOPS,
                CostRequest.defaults(), null, 0, 42, 20).run();
        assertThat(command.warnings()).anyMatch(warning -> warning.startsWith("dominated:"));
        assertThat(result.flops().warnings()).isEqualTo(command.warnings());
    }

    @Test
    void dropDominatedLeavesTheDominatedRunOutOfTheFrontierAsTheFrontierCommandDoes() throws Exception {
        Path csv = runsWithADominatedFrontierRun();
        DatasetAnalysisRequest request = request(csv, 0).withDropDominated(true);

        DatasetAnalysisResult result = request.run(LocalParallelism.withThreads(1), FitProgress.silent());

        FrontierResult command = new FrontierRequest(DataSource.of(csv.toString()), FrontierRequest.Resource.FLOPS,
                CostRequest.defaults(), null, 0, 42, 20, true).run();
        assertThat(result.flops().analysis().frontier().rows())
                .containsExactly(command.analysis().frontier().rows());
        assertThat(result.flops().analysis().frontier().dominated()).isEmpty();
        assertThat(result.flops().warnings()).isEqualTo(command.warnings());
    }

    @Test
    void aNoiseGivenToTheRequestIsTheIsoflopAnalysisSeedNoise() throws Exception {
        DatasetAnalysisRequest request = request(isoflopRuns(), 0)
                .withNoise(org.scalefit.isoflop.SeedNoise.constant(0.01));

        DatasetAnalysisResult result = request.run(LocalParallelism.withThreads(1), FitProgress.silent());

        assertThat(result.isoflop().result().settings().noise()).isEqualTo(org.scalefit.isoflop.SeedNoise.constant(0.01));
    }
}
