package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.FitDocument;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.FitResultJson;
import org.scalefit.io.RunTiming;
import org.scalefit.io.TableReader;
import org.scalefit.io.store.ResultsStore;
import org.scalefit.io.store.StoredResult;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import tools.jackson.databind.json.JsonMapper;



/** {@code scalefit fit} with the results store: served on a repeat, refitted on any change, safe when killed. */
class FitResultsStoreTest {

    @TempDir
    Path folder;

    private static CliRun fit(String... more) {
        List<String> args = new ArrayList<>(List.of("fit", "--data", "gemstones:slim_chinchilla", "--delta", "1e-3"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path store() {
        return folder.resolve(ResultsStore.DEFAULT_FILE_NAME);
    }

    private List<String> names(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void repeatedFitIsServedFromTheStoreWithTheSameBytesAndSummary() throws Exception {
        Path first = folder.resolve("first.json");
        Path second = folder.resolve("second.json");
        CliRun fitted = fit("--threads", "2", "--out", first.toString());
        assertThat(fitted.exitCode()).as(fitted.err()).isZero();
        assertThat(fitted.err()).doesNotContain("served from store");
        StoredResult stored = ResultsStore.at(store()).fits().get(0);

        CliRun served = fit("--threads", "1", "--out", second.toString());

        assertThat(served.exitCode()).as(served.err()).isZero();
        assertThat(served.err()).contains("served from store (fitted ").contains(store().toString());
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(served.out()).isEqualTo(fitted.out());
        assertThat(JsonMapper.builder().build().readTree(second.toFile()).get("run").get("threads").asInt())
                .as("the document of the 2-thread fit, not a 1-thread refit").isEqualTo(2);
        assertThat(ResultsStore.at(store()).fits()).containsExactly(stored);
    }

    @Test
    void changedDeltaIsRefittedAndStoredBesideTheFirst() {
        assertThat(fit("--out", folder.resolve("a.json").toString()).exitCode()).isZero();

        CliRun other = CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--delta", "1e-4", "--out",
                folder.resolve("b.json").toString());

        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(other.err()).doesNotContain("served from store");
        assertThat(ResultsStore.at(store()).fits()).hasSize(2);
    }

    @Test
    void changedDataIsRefitted() throws Exception {
        Path data = folder.resolve("runs.csv");
        // three token counts: two would not identify the law (Identification), whatever the store does
        String csv = "N,D,L\n1e7,1e9,3.9\n1e7,3e9,3.7\n3e7,1e9,3.6\n3e7,3e9,3.4\n1e8,1e9,3.3\n1e8,3e9,3.1\n"
                + "3e8,1e9,3.15\n3e8,3e9,2.9\n1e7,1e10,3.6\n3e7,1e10,3.25\n1e8,1e10,2.95\n3e8,1e10,2.75\n";
        Files.writeString(data, csv);
        String[] args = {"fit", "--data", data.toString(), "--column", "params=N", "--column", "tokens=D",
            "--column", "loss=L", "--grid", "epoch", "--out", folder.resolve("fit.json").toString()};
        assertThat(CliRun.of(args).exitCode()).isIn(0, 4);
        Files.writeString(data, csv.replace("2.9\n", "2.95\n"));

        CliRun changed = CliRun.of(args);

        assertThat(changed.err()).doesNotContain("served from store");
        assertThat(ResultsStore.at(store()).fits()).hasSize(2);
        assertThat(ResultsStore.at(store()).runs()).extracting(run -> run.dataSha256()).doesNotHaveDuplicates()
                .hasSize(2);
    }

    @Test
    void noCacheRefitsAndReplacesTheStoredResult() {
        assertThat(fit("--out", folder.resolve("a.json").toString()).exitCode()).isZero();
        StoredResult before = ResultsStore.at(store()).fits().get(0);

        CliRun refit = fit("--no-cache", "--out", folder.resolve("a.json").toString());

        assertThat(refit.exitCode()).as(refit.err()).isZero();
        assertThat(refit.err()).doesNotContain("served from store");
        assertThat(ResultsStore.at(store()).fits()).singleElement().satisfies(after -> {
            assertThat(after.key()).isEqualTo(before.key());
            assertThat(after.created()).isAfter(before.created());
        });
    }

    @Test
    void gemstonesFileServedFromTheStoreIsTheSameBytesAsFitted() throws Exception {
        Path fitted = folder.resolve("fitted.json");
        Path served = folder.resolve("served.json");
        assertThat(fit("--format", "gemstones", "--out", fitted.toString()).exitCode()).isZero();

        CliRun run = fit("--format", "gemstones", "--out", served.toString());

        assertThat(run.err()).contains("served from store");
        assertThat(Files.readAllBytes(served)).isEqualTo(Files.readAllBytes(fitted));
    }

    @Test
    void gemstonesShapeOfTheResultDocumentIsTheGemstonesShapeOfTheFit() {
        RunTable table = new TableReader().read("gemstones:slim_chinchilla", ColumnRequest.of("params", "tokens",
                "loss"));
        LawFit fit = FitProblem.of(LawForm.CHINCHILLA,
                Observations.fromTable(table, LawForm.CHINCHILLA.inputs(), "loss"), 1e-3, StartGrid.epoch())
                .fit(LocalParallelism.withThreads(1), FitProgress.silent());
        String document = FitDocument.of(fit, new FitProvenance(table.source(), table.contentHash(), List.of(),
                "test"), new RunTiming(1, 0.5)).write();

        assertThat(FitResultJson.gemstones(FitDocument.read(document, "test")))
                .contains("\"0\" : " + fit.loss()).contains("\"0\" : " + fit.succeeded());
    }

    @Test
    void withoutOutOrStoreNothingIsStoredAndWithStoreAloneItIs() {
        assertThat(fit().err()).doesNotContain("served from store");
        assertThat(fit().err()).doesNotContain("served from store");
        Path explicit = folder.resolve("elsewhere/mine.duckdb");

        assertThat(fit("--store", explicit.toString()).err()).doesNotContain("served from store");
        assertThat(fit("--store", explicit.toString()).err()).contains("served from store");
        assertThat(explicit).exists();
    }

    @Test
    void unreadableStoreStopsWithExitOneNamingTheFileUnlessRecreated() throws Exception {
        Files.writeString(store(), "this is not a DuckDB database ".repeat(300));
        Path out = folder.resolve("fit.json");

        CliRun refused = fit("--out", out.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains(store().toString()).contains("--recreate-store");
        assertThat(out).doesNotExist();

        CliRun recreated = fit("--recreate-store", "--out", out.toString());

        assertThat(recreated.exitCode()).as(recreated.err()).isZero();
        assertThat(recreated.err()).contains("moved it to");
        assertThat(names(folder)).hasSize(3).contains("fit.json", ResultsStore.DEFAULT_FILE_NAME)
                .anyMatch(name -> name.startsWith(ResultsStore.DEFAULT_FILE_NAME + ".unreadable-"));
        assertThat(ResultsStore.at(store()).fits()).hasSize(1);
    }

    @Tag("slow") // a fit in a second JVM, killed: CI (-Pall); io's ResultsStoreTest kills a writer mid-commit in the default build
    @Test
    void fitKilledMidwayLeavesTheStoreReadableAndNoPartialFiles() throws Exception {
        Path output = folder.resolve("out");
        Path quick = output.resolve("quick.json");
        assertThat(fit("--out", quick.toString()).exitCode()).isZero();
        String quickDocument = Files.readString(quick);

        for (boolean forcibly : new boolean[] {false, true}) {
            Process longFit = startLongFit(output.resolve("long.json"), folder.resolve("long-" + forcibly + ".log"));
            try {
                awaitCpuTime(longFit, Duration.ofSeconds(3), folder.resolve("long-" + forcibly + ".log"));
            } finally {
                if (forcibly) {
                    longFit.destroyForcibly();
                } else {
                    longFit.destroy();
                }
                longFit.waitFor();
            }

            assertThat(names(output)).as(forcibly ? "after SIGKILL" : "after SIGTERM")
                    .containsExactly("quick.json", ResultsStore.DEFAULT_FILE_NAME);
            assertThat(ResultsStore.at(output.resolve(ResultsStore.DEFAULT_FILE_NAME)).fits()).singleElement()
                    .satisfies(stored -> assertThat(stored.result()).isEqualTo(quickDocument));
        }
        assertThat(fit("--out", output.resolve("again.json").toString()).err()).contains("served from store");
    }

    /** A fit of several minutes (135 000 starts, one thread) in its own JVM, logging to {@code log}. */
    private static Process startLongFit(Path out, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ScalefitCommand.class.getName(), "fit", "--data", "gemstones:hot_100b+", "--law", "width-depth",
                "--delta", "1e-3", "--threads", "1", "--out", out.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Waits until {@code process} has used {@code cpu} of processor time — well past start-up and reading, so it is
     * fitting — failing if it ends first.
     */
    private static void awaitCpuTime(Process process, Duration cpu, Path log) throws Exception {
        while (process.info().totalCpuDuration().orElse(Duration.ZERO).compareTo(cpu) < 0) {
            if (!process.isAlive()) {
                fail("the fit ended before it could be killed: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    @Test
    void theStoreIsAnnouncedWhenStartedAndNotAfter() {
        Path out = folder.resolve("fit.json");
        CliRun first = CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--delta", "1e-3", "--threads", "2",
                "--out", out.toString());
        Path store = folder.resolve(ResultsStore.DEFAULT_FILE_NAME);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("started a results store at " + store).contains("--no-store");

        CliRun second = CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--delta", "1e-4", "--threads", "2",
                "--out", out.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).doesNotContain("started a results store");
    }

    @Test
    void noStoreWritesOnlyTheOutFile() throws Exception {
        Path out = folder.resolve("fit.json");

        CliRun run = CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--threads", "2", "--no-store", "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("store");
        try (var files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList()).containsExactly("fit.json");
        }
        assertThat(CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--no-store", "--store",
                folder.resolve("s.duckdb").toString()).exitCode()).isEqualTo(2);
    }
}
