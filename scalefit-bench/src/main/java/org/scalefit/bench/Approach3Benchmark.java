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
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.DifferentiableObjective;
import org.scalefit.fit.HuberLogLossObjective;
import org.scalefit.fit.Lbfgs;
import org.scalefit.fit.LbfgsSettings;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.TableReader;
import org.scalefit.law.LawForm;

/**
 * JMH benchmarks of the Approach-3 hot path on bundled data: one objective-and-gradient evaluation, and one
 * L-BFGS fit from a fixed grid start (scipy's tolerances); each with the current objective and with the baseline
 * ({@link BaselineHuberObjective}) in the same run.
 *
 * <p>Run: {@code mvn -q -Pbench -DskipTests package -pl scalefit-bench -am && java -jar
 * scalefit-bench/target/scalefit-benchmarks.jar Approach3Benchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Approach3Benchmark {

    /** dataset|law|start: gemstones:hot (220 points, 2 inputs), chinchilla:epoch (245 points, no repeated inputs: one
     *  exponential per input and point) and gemstones:hot_100b+ (770 points, 3 and 4 inputs). */
    @Param({"gemstones:hot|chinchilla|2854", "chinchilla:epoch|chinchilla|2854",
            "gemstones:hot_100b+|width-depth|102986",
            "gemstones:hot_100b+|width-depth-params|1000000"})
    public String problem;

    /** current: {@link HuberLogLossObjective}; baseline: {@link BaselineHuberObjective}, the objective of engine
     *  revision verified-optimum-1 (commit 8a15a9b), for old-vs-new in the same run. */
    @Param({"current", "baseline"})
    public String implementation;

    private DifferentiableObjective objective;
    private double[] start;
    private double[] theta;
    private double[] gradient;
    private Lbfgs lbfgs;

    @Setup
    public void setUp() {
        String[] parts = problem.split("\\|");
        LawForm law = LawForm.named(parts[1]);
        List<String> columns = new java.util.ArrayList<>(law.inputs());
        columns.add("loss");
        RunTable table = new TableReader().read(parts[0], ColumnRequest.of(columns.toArray(String[]::new)));
        Observations observations = Observations.fromTable(table, law.inputs(), "loss");
        objective = implementation.equals("baseline") ? BaselineHuberObjective.of(law, observations, 1e-3)
                : HuberLogLossObjective.of(law, observations, 1e-3);
        start = new double[objective.dimension()];
        StartGrid.gemstones(law.arity()).start(Long.parseLong(parts[2]), start);
        theta = start.clone();
        gradient = new double[objective.dimension()];
        lbfgs = new Lbfgs(objective.dimension(), LbfgsSettings.scipyDefaults());
    }

    @Benchmark
    public double objectiveAndGradient() {
        return objective.valueAndGradient(start, gradient);
    }

    @Benchmark
    public double oneFitFromAGridStart() {
        System.arraycopy(start, 0, theta, 0, theta.length);
        return lbfgs.minimize(objective, theta).value();
    }
}
