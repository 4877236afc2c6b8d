package org.scalefit.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.shapes.FlopBuckets;
import org.scalefit.shapes.ShapeAccounting;
import org.scalefit.shapes.ShapeGrid;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.shapes.ShapeSearch;

/**
 * JMH benchmarks of the brute-force shape search (the acceptance figure of the width–depth prescriptions: the full
 * Gemstones grid, 1 025 widths × up to 800 depths × 500 token counts = 3.19·10⁸ rows, for a width–depth law and a
 * params/tokens law in one pass, in ≤ 10 s on 2 cores), and of building the grid itself.
 *
 * <p>The laws are Gemstones' published {@code hot_100b+} fits (Huber δ = 1e-3, {@code parameters_delta-3/}).
 *
 * <p>Run: {@code mvn -q -Pbench -DskipTests package -pl scalefit-bench -am && java -jar
 * scalefit-bench/target/scalefit-benchmarks.jar ShapeSearchBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ShapeSearchBenchmark {

    /** {@code approach_3_width_depth_parameters_grid_search_0_hot_100b+.json}. */
    private static final FittedLaw WIDTH_DEPTH_PARAMS = new FittedLaw(LawForm.WIDTH_DEPTH_PARAMS, new double[] {
        0.205280776, 0.4741415976, 0.372096494, 0.5116481093,
        1.0738807871, -0.2097602665, 6.2174536361, 10.9040518165, 0.3966401522});
    /** {@code approach_3_width_depth_grid_search_0_hot_100b+.json}. */
    private static final FittedLaw WIDTH_DEPTH = new FittedLaw(LawForm.WIDTH_DEPTH, new double[] {
        0.2606504897, 0.1416453973, 0.530963438, 2.1144598737, 0.7307645279, 11.2841184982, -4555.3789970242});
    /** {@code approach_3_parameters_grid_search_0_hot_100b+.json}. */
    private static final FittedLaw PARAMS = new FittedLaw(LawForm.CHINCHILLA, new double[] {
        0.2591125694, 0.5972679073, 4.9008415415, 12.850969215, 0.6681624725});

    /** The width–depth law searched beside the params/tokens law: 3 or 4 inputs. */
    @Param({"width-depth-params", "width-depth"})
    public String law;

    @Param({"2"})
    public int threads;

    private ShapeSearch search;
    private List<FittedLaw> laws;

    @Setup
    public void setUp() {
        search = ShapeSearch.over(ShapeGrid.gemstones(), FlopBuckets.gemstones(), ShapeAccounting.gemstones());
        laws = List.of(law.equals("width-depth") ? WIDTH_DEPTH : WIDTH_DEPTH_PARAMS, PARAMS);
    }

    /** Both laws' per-bucket optima over the full grid (the grid itself built once, in set-up). */
    @Benchmark
    public List<ShapeOptima> fullGridBothLaws() {
        return search.minimise(laws, LocalParallelism.withThreads(threads));
    }

    /** Building the grid's axes: 1 025 widths, 637 728 shapes, 500 token counts, numpy-exact. */
    @Benchmark
    public ShapeGrid buildGrid() {
        return ShapeGrid.gemstones(1025, 800, 9, 13.5, 500);
    }
}
