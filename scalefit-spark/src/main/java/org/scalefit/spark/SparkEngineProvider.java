package org.scalefit.spark;

import org.scalefit.parallel.EngineProvider;

/**
 * The {@code spark} engine ({@code --engine spark}): {@link SparkParallelism}, found by {@link java.util.ServiceLoader}
 * through {@code META-INF/services/org.scalefit.parallel.EngineProvider}.
 */
public final class SparkEngineProvider implements EngineProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Engine open(String master) {
        return SparkParallelism.start(master);
    }
}
