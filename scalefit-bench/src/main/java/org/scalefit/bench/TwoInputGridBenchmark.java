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
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.DataSource;
import org.scalefit.io.Transform;
import org.scalefit.io.analysis.FitRequest;
import org.scalefit.io.analysis.PreparedFit;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;

/**
 * JMH benchmark of a whole default-engine Approach-3 fit, L = E + A/N^α + B/D^β over the full 4 500-start grid, on
 * one thread: the 2-input cases of the side-by-side harness ({@code python/side_by_side.py}) at both Huber δ.
 *
 * <p>A fresh command spends part of its fit compiling the hot loops (JIT warm-up); this benchmark measures the fit
 * once the code is compiled ({@code Mode.AverageTime} after warm-up iterations) and, with {@code -bm ss -wi 0 -i 1
 * -f 5}, the first fit of fresh JVMs, so that both figures can be set against the reference's time for the same grid.
 *
 * <p>Run: {@code mvn -q -Pbench -DskipTests package -pl scalefit-bench -am && java -jar
 * scalefit-bench/target/scalefit-benchmarks.jar TwoInputGridBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TwoInputGridBenchmark {

    /** data|grid|transform labels (comma-separated, may be empty), as the harness's cases hot-2, slim-2, cool-end-2,
     *  lr-hot-2 and epoch-fitA. */
    @Param({"gemstones:hot|gemstones|", "gemstones:slim_chinchilla|gemstones|", "gemstones:cool_end|gemstones|",
            "gemstones:lr_ablation_hot|gemstones|", "chinchilla:epoch|epoch|drop-highest-losses=5"})
    public String problem;

    @Param({"1e-3", "1e-4"})
    public double delta;

    private PreparedFit prepared;
    private LocalParallelism oneThread;

    @Setup
    public void setUp() {
        String[] parts = problem.split("\\|", -1);
        List<String> labels = parts[2].isEmpty() ? List.of() : List.of(parts[2].split(","));
        prepared = FitRequest.of(DataSource.of(parts[0]), LawForm.CHINCHILLA)
                .withTransforms(Transform.parse(labels, "benchmark parameter"))
                .withGrid(StartGrid.named(parts[1], LawForm.CHINCHILLA.arity()))
                .withDelta(delta)
                .prepare();
        oneThread = LocalParallelism.sequential();
    }

    @Benchmark
    public double fullGridFit() {
        return prepared.fit(oneThread, FitProgress.silent()).fit().loss();
    }
}
