package org.scalefit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.scalefit.parallel.EngineException;
import org.scalefit.parallel.EngineProvider;
import org.scalefit.parallel.Parallelism;
import scala.Function1;
import scala.collection.Iterator;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * {@link Parallelism} on Apache Spark: the tasks of one {@link #map} call become one Spark job over the task numbers
 * 0 … n−1, cut into contiguous slices (a few per core); each executor runs {@code task.apply(i)} for the numbers of
 * its slices, and the results come back to the driver, which puts result i at index i. The task is the engines' own
 * (one block of starts of a {@link org.scalefit.fit.MultiStartFitter} wave, one bootstrap replicate, …), so a run
 * gives the same results as {@link org.scalefit.parallel.LocalParallelism}, bit for bit, whatever the master and the
 * number of executors.
 *
 * <p>How a task travels: it is serialised once per call with Java serialisation and broadcast, so each executor
 * fetches it once and deserialises it once however many slices it runs (the objective's data, and the handle of the
 * wave's layer of basin cells, are what a multi-start wave's task carries); results are Java-serialised per slice. A
 * value {@linkplain #share shared} across calls is broadcast once, and each executor keeps one copy of it across
 * calls (so a multi-start fit sends each executor only each wave's new basin cells, and each executor grows its own
 * map). All are independent of {@code spark.serializer}.
 * {@code finished} is called on the driver as each slice's results arrive.
 *
 * <p>Started on its own ({@link #start}) it owns its {@link SparkContext} and stops it on {@link #close()}; the
 * master is the one given, else the one spark-submit set ({@code spark.master}), else {@code local[*]}. On a cluster
 * master the executors need scalefit's classes: spark-submit ships its jars ({@code spark.jars}); started without
 * them, the context ships the jars this class and the engines' tasks were loaded from (Spark's own
 * {@link JavaSparkContext#jarOfClass}, as for any application run outside spark-submit).
 */
public final class SparkParallelism implements EngineProvider.Engine {

    /** Slices per core of one call: more balance the load, fewer cost less scheduling. */
    static final int SLICES_PER_CORE = 8;

    /** The exit code of an executor JVM that died of an {@link OutOfMemoryError} (Spark's {@code SparkExitCode.OOM}). */
    static final int EXECUTOR_OUT_OF_MEMORY = 52;

    private final JavaSparkContext context;
    private final boolean owned;

    private SparkParallelism(JavaSparkContext context, boolean owned) {
        this.context = context;
        this.owned = owned;
    }

    /**
     * Starts a Spark context for scalefit's tasks.
     *
     * @param master a Spark master URL ({@code local[*]}, {@code local[4]}, {@code spark://host:7077}, {@code yarn},
     *               …), or {@code null} for spark-submit's, else {@code local[*]}
     */
    public static SparkParallelism start(String master) {
        SparkConf conf = new SparkConf();
        if (master != null) {
            conf.setMaster(master);
        }
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.app.name", "scalefit");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        } else if (!conf.contains("spark.jars")) {
            conf.setJars(applicationJars());
        }
        return new SparkParallelism(new JavaSparkContext(conf), true);
    }

    /**
     * The jars the executors of a cluster need: the one holding this class and the one holding the engines' tasks
     * ({@link Parallelism}'s module, with its dependencies when it is the shaded command-line jar), once each; none
     * for a class loaded from a folder (a build's {@code target/classes}), which only {@code spark.jars} can ship.
     */
    static String[] applicationJars() {
        return Stream.of(SparkParallelism.class, Parallelism.class)
                .flatMap(type -> Arrays.stream(JavaSparkContext.jarOfClass(type)))
                .distinct()
                .toArray(String[]::new);
    }

    /** Runs the tasks on an existing context (a notebook's, a Spark application's), which {@link #close()} leaves
     *  running. */
    public static SparkParallelism on(JavaSparkContext context) {
        return new SparkParallelism(context, false);
    }

    /** Copies a {@code scheme://} URI through Hadoop's file systems, as this context's configuration sets them up. */
    @Override
    public String localCopy(String data) {
        return HadoopLocalCopy.of(data, context.hadoopConfiguration());
    }

    @Override
    public int threads() {
        return context.defaultParallelism();
    }

    @Override
    public String description() {
        return "spark " + context.master() + " (" + threads() + " cores)";
    }

    /**
     * Broadcasts {@code value}, Java-serialised ({@link BroadcastShared}): each executor fetches it once and keeps one
     * deserialised copy for the tasks of every later call that reads it, until the handle is closed.
     */
    @Override
    public <V extends Serializable> Shared<V> share(V value) {
        return new BroadcastShared<>(context.broadcast(new SerializedValue<>(value)));
    }

    @Override
    public <T> List<T> map(int taskCount, Task<T> task, IntConsumer finished) {
        if (taskCount == 0) {
            return List.of();
        }
        int slices = Math.min(taskCount, SLICES_PER_CORE * Math.max(1, threads()));
        JavaRDD<Integer> numbers = context.parallelize(IntStream.range(0, taskCount).boxed().toList(), slices);
        Broadcast<SerializedValue<Task<T>>> shared = context.broadcast(new SerializedValue<>(task));
        Object[] results = new Object[taskCount];
        @SuppressWarnings({"unchecked", "rawtypes"})
        Seq<Object> partitions = (Seq) CollectionConverters.asScala(
                IntStream.range(0, numbers.getNumPartitions()).boxed().toList()).toSeq();
        SimpleFutureAction<BoxedUnit> job = context.sc().submitJob(numbers.rdd(), runSlice(shared), partitions,
                (slice, bytes) -> {
                    SliceResults received = (SliceResults) JavaSerialization.object(bytes);
                    for (int k = 0; k < received.numbers().length; k++) {
                        results[received.numbers()[k]] = received.results()[k];
                        finished.accept(received.numbers()[k]);
                    }
                    return BoxedUnit.UNIT;
                }, () -> BoxedUnit.UNIT);
        try {
            job.get();
        } catch (Exception e) { // SparkException, or an InterruptedException thrown through Scala
            if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                job.cancel();
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            throw taskFailure(e);
        } finally {
            shared.destroy();
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }

    /** What an executor runs for one slice; static, so that it captures the broadcast handle alone. */
    private static <T> Function1<Iterator<Integer>, byte[]> runSlice(Broadcast<SerializedValue<Task<T>>> shared) {
        return (Function1<Iterator<Integer>, byte[]> & Serializable) numbers -> {
            Task<T> task = shared.value().value();
            List<Integer> done = new ArrayList<>();
            List<Object> results = new ArrayList<>();
            while (numbers.hasNext()) {
                int i = numbers.next();
                results.add(task.apply(i));
                done.add(i);
            }
            return JavaSerialization.bytes(new SliceResults(done.stream().mapToInt(Integer::intValue).toArray(),
                    results.toArray()));
        };
    }

    /** The exception a task threw (as the local engine would throw it), else the Spark failure. */
    private static RuntimeException taskFailure(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (!cause.getClass().getName().startsWith("org.apache.spark.")) {
                if (cause instanceof RuntimeException thrown) {
                    return thrown;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                break;
            }
        }
        return new EngineException(describe(failure), failure);
    }

    /**
     * One line for a failed Spark job: the first line of the innermost Spark message (the scheduler's reason, without
     * its driver stack trace) and, when an executor died of an {@link OutOfMemoryError} (Spark's executor exit code 52),
     * the setting that gives executors more heap.
     */
    static String describe(Throwable failure) {
        String reason = failure.getClass().getName();
        boolean outOfMemory = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause.getMessage() != null && !message.isBlank()) {
                reason = message.strip().lines().findFirst().orElse("").strip();
            }
            outOfMemory |= cause instanceof OutOfMemoryError
                    || message.contains("exited with code " + EXECUTOR_OUT_OF_MEMORY)
                    || message.contains("OutOfMemoryError");
        }
        return "Spark job failed: " + reason + (outOfMemory ? " — an executor ran out of memory: give executors more"
                + " heap (spark.executor.memory, e.g. SCALEFIT_JAVA_OPTS=-Dspark.executor.memory=4g, within the"
                + " workers' --memory)" : "");
    }

    @Override
    public void close() {
        if (owned) {
            context.stop();
        }
    }

    /** One slice's task numbers and their results, in the same order. */
    private record SliceResults(int[] numbers, Object[] results) implements Serializable {
    }
}
