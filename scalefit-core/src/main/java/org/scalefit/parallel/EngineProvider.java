package org.scalefit.parallel;


/**
 * A {@link Parallelism} that runs the engines' tasks somewhere other than this JVM's threads — the Spark engine of
 * the optional {@code scalefit-spark} module — found at run time with {@link java.util.ServiceLoader}, so that
 * nothing depends on it at compile time. Provided engines run the same tasks as {@link LocalParallelism} and so give
 * the same results (Parallelism's contract).
 */
public interface EngineProvider {

    /** The engine's name on the command line ({@code --engine NAME}). */
    String name();

    /**
     * Starts an engine.
     *
     * @param master where its tasks run, in the engine's own terms (Spark: a master URL such as {@code local[4]} or
     *               {@code spark://host:7077}); {@code null} for the engine's default
     */
    Engine open(String master);

    /** A started engine: its tasks' {@link Parallelism}, and {@link #close()} to release what it holds. */
    interface Engine extends Parallelism, AutoCloseable {

        /** Where the tasks run, for people: e.g. {@code spark local[2] (2 cores)}. */
        String description();

        /**
         * The runs file {@code data} (a {@code --data} value) as this machine can read it: {@code data} itself for a
         * bundled dataset id or a local path; for a URI ({@code scheme://…}) the engine can reach (Spark: any Hadoop
         * file system, e.g. {@code hdfs://}, {@code s3a://}, {@code file://}), the path of a local copy with the same
         * file name, so that its extension still names the format.
         *
         * @throws IllegalArgumentException for a URI this engine cannot read
         */
        default String localCopy(String data) {
            return data;
        }

        @Override
        void close();
    }
}
