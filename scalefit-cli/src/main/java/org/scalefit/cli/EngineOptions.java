package org.scalefit.cli;

import java.util.ServiceLoader;
import org.scalefit.parallel.EngineProvider;
import org.scalefit.parallel.LocalEngine;
import org.scalefit.parallel.LocalParallelism;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --engine} and {@code --master}: where the tasks of {@code fit}, {@code bootstrap} and {@code sensitivity
 * delta-grid} run — this machine's threads, or Apache Spark through the optional {@code scalefit-spark} module, found
 * at run time ({@link EngineProvider}, {@link ServiceLoader}). The results do not depend on the engine.
 */
final class EngineOptions {

    @Option(names = "--engine", defaultValue = "local", paramLabel = "ENGINE",
            description = "local (this machine's threads, see --threads) or spark (Apache Spark: needs the "
                    + "scalefit-spark module, see README \"Scale-out on Spark\"). Same results either way. "
                    + "Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for --engine spark: local[*] (default), local[N], spark://HOST:7077, yarn, "
                    + "k8s://…; under spark-submit, the one it was given.")
    String master;

    @Mixin
    ThreadsOptions threads = new ThreadsOptions();

    /**
     * Starts the engine chosen ({@code --threads} is the local engine's only).
     *
     * @throws IllegalArgumentException for an unknown engine, one not on the classpath, or options that do not
     *                                  apply to it
     */
    EngineProvider.Engine open() {
        Integer threads = this.threads.given();
        if (engine.equals("local")) {
            if (master != null) {
                throw new IllegalArgumentException("--master applies to --engine spark");
            }
            return new LocalEngine(threads != null ? LocalParallelism.withThreads(threads)
                    : LocalParallelism.allCores());
        }
        if (threads != null) {
            throw new IllegalArgumentException("--threads is for the local engine; give --engine " + engine
                    + " its cores with --master (e.g. local[4]) or spark-submit");
        }
        for (EngineProvider provider : ServiceLoader.load(EngineProvider.class)) {
            if (provider.name().equals(engine)) {
                return provider.open(master);
            }
        }
        if (engine.equals("spark")) {
            throw new IllegalArgumentException("the Spark engine is not on the classpath: build it with "
                    + "`mvn -Pspark -pl scalefit-spark -am package -DskipTests` and run `scalefit-spark/scalefit-spark "
                    + "<command> … --engine spark`, or spark-submit (README, \"Scale-out on Spark\")");
        }
        throw new IllegalArgumentException("unknown engine '" + engine + "'; expected local or spark");
    }
}
