package org.scalefit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.HuberLogLossObjective;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.MultiStartResult;
import org.scalefit.fit.StartGrid;
import org.scalefit.fit.StartOutcome;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.TableReader;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.parallel.Parallelism;


/** {@link SparkParallelism} in local mode on one shared context: order, failures, and the same search as locally. */
class SparkParallelismTest {

    private static SparkParallelism spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkParallelism.start("local[2]");
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @Test
    void resultsComeBackInTaskOrderAndEveryTaskIsReportedOnce() {
        List<Integer> reported = Collections.synchronizedList(new ArrayList<>());
        List<Long> squares = spark.map(101, i -> (long) i * i, reported::add);
        assertThat(squares).containsExactlyElementsOf(IntStream.range(0, 101).mapToObj(i -> (long) i * i).toList());
        assertThat(reported).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 101).boxed().toList());
    }

    /**
     * The task fails on purpose, so Spark's reports of it (the executor's "Exception in task" and the task set's
     * "aborting job", both at ERROR with the stack trace) are silenced for this test only: the build log keeps no
     * ERROR line from a test that passes.
     */
    @Test
    void aFailingTaskThrowsWhatTheTaskThrewAndLogsNoError() {
        try (SparkTaskFailureLogs logs = SparkTaskFailureLogs.silenced()) {
            assertThatThrownBy(() -> spark.map(10, i -> {
                if (i == 7) {
                    throw new IllegalArgumentException("task 7 has bad input");
                }
                return i;
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("task 7 has bad input");
            assertThat(logs.errorsLogged()).isEmpty();
        }
    }

    @Test
    void anExecutorLostToOutOfMemoryIsReportedInOneLineWithTheSettingToRaise() {
        SparkException aborted = new SparkException("Exception thrown in awaitResult: ", new SparkException(
                "Job aborted due to stage failure: Task 1 in stage 53.0 failed 4 times, most recent failure: Lost task"
                        + " 1.3 in stage 53.0 (TID 913) (127.0.0.1 executor 42): ExecutorLostFailure (executor 42 exited"
                        + " caused by one of the running tasks) Reason: Command exited with code 52\nDriver stacktrace:"));

        assertThat(SparkParallelism.describe(aborted))
                .startsWith("Spark job failed: Job aborted due to stage failure: Task 1 in stage 53.0 failed 4 times")
                .contains("Command exited with code 52")
                .contains("spark.executor.memory")
                .doesNotContain("Driver stacktrace")
                .doesNotContain("\n");
    }

    @Test
    void aTaskCapturingWhatCannotTravelIsRefusedByName() {
        Object stuck = new Object();
        assertThatThrownBy(() -> spark.map(4, i -> stuck.hashCode() + i))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only serializable values");
    }

    /** A shared value whose copy in each JVM counts the reads made of it there. */
    private static final class ReadCount implements java.io.Serializable {
        private transient int reads;

        synchronized int read() {
            return ++reads;
        }
    }

    @Test
    void theTasksOfLaterCallsReadOneCopyOfASharedValueInEachExecutor() {
        try (Parallelism.Shared<ReadCount> shared = spark.share(new ReadCount())) {
            List<Integer> first = spark.map(4, i -> shared.get().read());
            List<Integer> second = spark.map(4, i -> shared.get().read());

            assertThat(first).containsExactlyInAnyOrder(1, 2, 3, 4);
            assertThat(second).containsExactlyInAnyOrder(5, 6, 7, 8);
        }
    }

    @Test
    void aSharedValueWhoseCopiesWereDroppedIsStillReadByLaterTasks() {
        try (Parallelism.Shared<String> shared = spark.share("basin cells")) {
            spark.map(2, i -> shared.get().length());
            shared.dropCopies();

            assertThat(spark.map(2, i -> shared.get() + " " + i)).containsExactly("basin cells 0", "basin cells 1");
        }
    }

    @Test
    void closingASharedValueDestroysItsBroadcast() {
        BroadcastShared<String> shared = (BroadcastShared<String>) spark.share("basin cells");
        spark.map(2, i -> shared.get().length());

        shared.close();

        assertThat(shared.driverBroadcast().isValid()).isFalse();
    }

    /**
     * A 3-input width–depth search on hot_100b+ (the gemstones values, 3 per axis: 2 187 starts, in several waves
     * that share a basin map, early recognition on) ends exactly where the local engine's does: same optimum to the
     * bit, same counts, same leaders.
     */
    @Test
    void threeInputSearchEndsExactlyWhereTheLocalEnginesDoes() {
        Observations data = Observations.fromTable(new TableReader().read("gemstones:hot_100b+",
                ColumnRequest.of("width", "depth", "tokens", "loss")), LawForm.WIDTH_DEPTH.inputs(), "loss");
        double[] exponents = {0, 1, 2};
        double[] coefficients = {0, 10, 20};
        double[] irreducible = {-1, 0, 1};
        StartGrid grid = StartGrid.custom(List.of(exponents, exponents, exponents, coefficients, coefficients,
                coefficients, irreducible));
        HuberLogLossObjective objective = HuberLogLossObjective.of(LawForm.WIDTH_DEPTH, data, 1e-3);
        MultiStartFitter fitter = new MultiStartFitter(MultiStartFitter.Options.defaults().withRecognition(true));
        List<Long> progress = Collections.synchronizedList(new ArrayList<>());

        MultiStartResult local = fitter.fit(objective, grid, LocalParallelism.withThreads(2), FitProgress.silent());
        MultiStartResult distributed = fitter.fit(objective, grid, spark, progress::add);

        assertThat(distributed.best().value()).isEqualTo(local.best().value());
        assertThat(distributed.best().point()).isEqualTo(local.best().point());
        assertThat(distributed.gridBest().start()).isEqualTo(local.gridBest().start());
        assertThat(List.of(distributed.starts(), distributed.successfulStarts(), distributed.recognisedStarts(),
                distributed.evaluations())).isEqualTo(List.of(local.starts(), local.successfulStarts(), local.recognisedStarts(),
                local.evaluations()));
        assertThat(distributed.leaders().stream().map(SparkParallelismTest::described).toList())
                .isEqualTo(local.leaders().stream().map(SparkParallelismTest::described).toList());
        assertThat(progress.stream().mapToLong(Long::longValue).sum()).isEqualTo(grid.size());
    }

    private static String described(StartOutcome outcome) {
        return outcome.start() + " " + outcome.value() + " " + java.util.Arrays.toString(outcome.point()) + " "
                + outcome.status();
    }
}
