package org.scalefit.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * A Spark standalone cluster on this machine, every daemon its own JVM: a master and {@code workers} workers of one
 * core and 1 GB each, bound to 127.0.0.1, started with {@code java -cp SPARK_CLASSPATH} on the Maven jars listed in
 * {@code target/spark-classpath.txt} (README, "A standalone cluster from the Maven jars"; the classes Spark's
 * {@code sbin/start-master.sh} and {@code start-worker.sh} run, without their scripts). A worker starts each executor
 * as a further JVM whose classpath Spark's {@code WorkerCommandBuilder} takes from a Spark home ({@code SPARK_HOME}:
 * a {@code RELEASE} file and an empty {@code jars} folder here) and {@code SPARK_DIST_CLASSPATH} (Spark's
 * "Hadoop free build" setting; the same jars), so the executors have Spark's classes only: scalefit's must come in
 * {@code spark.jars}.
 *
 * <p>{@link #close()} stops every process it started and their children (the executors), also when the JVM exits
 * before it is called. A machine that cannot bind a port on 127.0.0.1 or start a JVM aborts the test (skipped, with
 * the reason); anything else that goes wrong fails it, with the daemons' logs.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    private final Path folder;
    private final List<String> javaOptions;
    private final Map<String, String> environment;
    private final List<Process> processes = new ArrayList<>();
    private final Thread stopOnExit = new Thread(this::stopAll, "stop the Spark standalone cluster");
    private final String masterUrl;

    private StandaloneCluster(Path folder, List<String> javaOptions, Map<String, String> environment,
                              String masterUrl) {
        this.folder = folder;
        this.javaOptions = javaOptions;
        this.environment = environment;
        this.masterUrl = masterUrl;
    }

    /**
     * Starts a master and {@code workers} workers and waits until the master counts them all alive.
     *
     * @param folder         where the Spark home, the daemons' logs and the workers' folders go
     * @param sparkClasspath Spark's jars (the master's, the workers' and the executors' classpath)
     * @param javaOptions    the JVM flags Spark 4 needs on Java 17
     * @param workers        how many workers (one core each)
     * @param patience       how long the daemons may take to come up
     */
    static StandaloneCluster start(Path folder, List<Path> sparkClasspath, List<String> javaOptions, int workers,
                                   Duration patience) throws IOException, InterruptedException {
        Path home = sparkHome(folder.resolve("spark-home"));
        String jars = String.join(":", sparkClasspath.stream().map(Path::toString).toList());
        int masterPort = freePort();
        int uiPort = freePort();
        Map<String, String> environment = Map.of(
                "SPARK_HOME", home.toString(),
                "SPARK_SCALA_VERSION", "2.13",     // what Spark's load-spark-env.sh exports
                "SPARK_DIST_CLASSPATH", jars,
                "SPARK_LOCAL_IP", "127.0.0.1");
        String masterUrl = "spark://127.0.0.1:" + masterPort;
        StandaloneCluster cluster = new StandaloneCluster(folder, javaOptions, environment, masterUrl);
        Runtime.getRuntime().addShutdownHook(cluster.stopOnExit);
        try {
            cluster.launch("master", List.of("-Xmx256m", "-cp", jars, "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", String.valueOf(masterPort),
                    "--webui-port", String.valueOf(uiPort)));
            for (int w = 1; w <= workers; w++) {
                Path work = Files.createDirectories(folder.resolve("worker-" + w));
                cluster.launch("worker-" + w, List.of("-Xmx256m", "-cp", jars, "org.apache.spark.deploy.worker.Worker",
                        "--host", "127.0.0.1", "--webui-port", "0", "--cores", "1", "--memory", "1g",
                        "--work-dir", work.toString(), masterUrl));
            }
            cluster.awaitWorkers(uiPort, workers, patience);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    String masterUrl() {
        return masterUrl;
    }

    /**
     * Runs {@code java OPTIONS ARGUMENTS} beside the cluster (same environment: Spark home, 127.0.0.1) with its output
     * in {@code NAME.log}; returns its exit code, or fails with the logs if it takes longer than {@code patience}.
     */
    int run(String name, List<String> arguments, Duration patience) throws IOException, InterruptedException {
        Process process = launch(name, arguments);
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " took longer than " + patience + "\n" + logs());
        }
        return process.exitValue();
    }

    /** The executors' logs the workers kept ({@code worker-N/APP/EXECUTOR/stderr}), by worker. */
    List<String> executorLogs(int worker) throws IOException {
        try (Stream<Path> files = Files.walk(folder.resolve("worker-" + worker))) {
            return files.filter(file -> file.getFileName().toString().equals("stderr")).sorted()
                    .map(StandaloneCluster::read).toList();
        }
    }

    /** The last lines of every daemon's, the driver's and the executors' logs, for a failure message. */
    String logs() {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log") || f.endsWith("stderr")).sorted()
                    .toList()) {
                List<String> lines = Arrays.asList(read(file).split("\n"));
                all.append("---- ").append(folder.relativize(file)).append(" (last 40 lines)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())))
                        .append('\n');
            }
        } catch (IOException e) {
            all.append("(cannot read the logs: ").append(e).append(")\n");
        }
        return all.toString();
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook is running or has run
        }
    }

    /** Stops the processes, newest first, each with its children: TERM, then KILL after 10 s. */
    private synchronized void stopAll() {
        List<ProcessHandle> handles = new ArrayList<>();
        for (int i = processes.size() - 1; i >= 0; i--) {
            ProcessHandle process = processes.get(i).toHandle();
            process.descendants().forEach(handles::add);
            handles.add(process);
        }
        handles.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(10);
        for (ProcessHandle handle : handles) {
            try {
                handle.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        }
        processes.clear();
    }

    private Process launch(String name, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new TestAbortedException("this machine cannot start a JVM (" + command.get(0) + "): " + e, e);
        }
        synchronized (this) {
            processes.add(process);
        }
        return process;
    }

    private void awaitWorkers(int uiPort, int workers, Duration patience) throws InterruptedException {
        URI state = URI.create("http://127.0.0.1:" + uiPort + "/json/");
        Instant deadline = Instant.now().plus(patience);
        int alive = 0;
        while (Instant.now().isBefore(deadline)) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new AssertionError("a Spark daemon exited with " + process.exitValue() + "\n" + logs());
                }
            }
            try (InputStream json = state.toURL().openStream()) {
                Matcher count = ALIVE_WORKERS.matcher(new String(json.readAllBytes(), StandardCharsets.UTF_8));
                alive = count.find() ? Integer.parseInt(count.group(1)) : 0;
                if (alive == workers) {
                    return;
                }
            } catch (IOException notUpYet) {
                // the master's web UI is not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(alive + " of " + workers + " workers registered within " + patience + "\n" + logs());
    }

    /** A Spark home as a distribution has it ({@code RELEASE}, {@code jars/}), its jars given elsewhere. */
    private static Path sparkHome(Path home) throws IOException {
        Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "Spark's jars: SPARK_DIST_CLASSPATH\n");
        return home;
    }

    /** A port no one listens on now (the OS's choice); aborts the test if nothing can be bound on 127.0.0.1. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new TestAbortedException("this machine cannot bind a port on 127.0.0.1: " + e, e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
