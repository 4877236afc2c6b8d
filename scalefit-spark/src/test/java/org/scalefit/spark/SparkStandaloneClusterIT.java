package org.scalefit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit --engine spark --master spark://…} on a Spark standalone cluster of separate JVMs ({@link
 * StandaloneCluster}: a master, two workers of one core), the driver a JVM of its own on the jars a user runs (the
 * command line's shaded jar, this module's jar, {@code target/spark-classpath.txt}): the result file is the local
 * engine's, byte for byte, apart from the time the run took. Run after {@code package} (Maven's
 * {@code integration-test} phase), with the jars' paths as system properties (this module's pom).
 */
class SparkStandaloneClusterIT {

    /** Starting the daemons, or the driver's run; a quiet machine needs a fraction (BENCHMARKS.md). */
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void fitOnTwoWorkersWritesTheLocalEnginesBytes() throws Exception {
        String[] fit = {"fit", "--data", "gemstones:hot", "--delta", "1e-3", "--no-store"};
        String local = CommandResults.run(folder.resolve("local"), fit, "--threads", "2");
        Path out = folder.resolve("cluster").resolve("result.json");
        Files.createDirectories(out.getParent());
        try (StandaloneCluster cluster = StandaloneCluster.start(folder.resolve("cluster"), sparkClasspath(),
                javaOptions(), 2, PATIENCE)) {
            List<String> driver = new ArrayList<>(List.of(
                    "-Xmx1g", "-Dlog4j2.configurationFile=" + property("scalefit.spark.log4j"),
                    "-cp", property("scalefit.cli.jar") + ":" + property("scalefit.spark.jar") + ":"
                            + String.join(":", sparkClasspath().stream().map(Path::toString).toList()),
                    "org.scalefit.cli.ScalefitCommand"));
            driver.addAll(List.of(fit));
            driver.addAll(List.of("--engine", "spark", "--master", cluster.masterUrl(), "--out", out.toString()));
            assertThat(cluster.run("driver", driver, PATIENCE)).as(cluster::logs).isZero();
            for (int worker = 1; worker <= 2; worker++) {
                assertThat(String.join("\n", cluster.executorLogs(worker)))
                        .as("worker %d ran tasks in an executor of its own\n%s", worker, cluster.logs())
                        .contains("Finished task");
            }
        }
        assertThat(CommandResults.withoutTimings(Files.readString(out))).contains("\"loss\"").isEqualTo(local);
    }

    /** Spark's jars: {@code target/spark-classpath.txt}. */
    private static List<Path> sparkClasspath() throws Exception {
        String classpath = Files.readString(Path.of(property("scalefit.spark.classpath"))).strip();
        return Arrays.stream(classpath.split(":")).map(Path::of).toList();
    }

    private static List<String> javaOptions() {
        return Arrays.stream(property("scalefit.spark.java.options").strip().split("\\s+")).toList();
    }

    /** A path or setting the pom passes; its file must exist (it is built before this test runs). */
    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by scalefit-spark/pom.xml's integration-test run)", name)
                .isNotBlank();
        if (name.endsWith(".jar") || name.endsWith(".classpath") || name.endsWith(".log4j")) {
            assertThat(Path.of(value)).as("%s (build it first: mvn -Pspark package)", name).exists();
        }
        return value;
    }
}
