package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.store.ResultsStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scalefit fit --law '<expression>'} and {@code --law-file} with the results store: a repeat is served from
 * it, a change of anything the result depends on is refitted, and {@code --no-store} bypasses it.
 */
class ExpressionFitStoreTest {

    private static final String LAW = "E + A/N^alpha + B/D^beta";

    @TempDir
    Path folder;

    /** 5 model sizes × 3 token counts on the Chinchilla law, with a small deterministic wobble. */
    private Path runs() throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        int i = 0;
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
            for (double d : new double[] {1e9, 3e9, 1e10}) {
                double wobble = 1 + 0.002 * ((i++ % 3) - 1);
                csv.append(n).append(',').append(d).append(',')
                        .append((1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(d, 0.28)) * wobble).append('\n');
            }
        }
        return Files.writeString(folder.resolve("runs.csv"), csv.toString());
    }

    private CliRun fit(Path data, Path out, String... more) {
        return fitLaw(LAW, data, out, more);
    }

    private CliRun fitLaw(String law, Path data, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("fit", "--data", data.toString(), "--law", law, "--log", "E,A,B",
                "--start", "E=1,2", "--start", "A=300", "--start", "B=300", "--start", "alpha=0.3",
                "--start", "beta=0.3", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path store() {
        return folder.resolve(ResultsStore.DEFAULT_FILE_NAME);
    }

    @Test
    void aRepeatedExpressionFitIsServedFromTheStoreWithTheSameBytesAndOutput() throws Exception {
        Path data = runs();
        Path first = folder.resolve("first.json");
        Path second = folder.resolve("second.json");
        CliRun fitted = fit(data, first, "--threads", "2");
        assertThat(fitted.exitCode()).as(fitted.err()).isZero();
        assertThat(fitted.err()).doesNotContain("served from store");

        CliRun served = fit(data, second, "--threads", "1");

        assertThat(served.exitCode()).as(served.err()).isZero();
        assertThat(served.err()).contains("served from store (fitted ").contains(store().toString());
        assertThat(served.out()).isEqualTo(fitted.out());
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(JsonMapper.builder().build().readTree(second.toFile()).get("threads").asInt())
                .as("the document of the 2-thread fit, not a 1-thread refit").isEqualTo(2);
        assertThat(ResultsStore.at(store()).fits()).hasSize(1);
    }

    @Test
    void aChangedLawTextIsRefitted() throws Exception {
        Path data = runs();
        Path out = folder.resolve("fit.json");
        assertThat(fit(data, out).exitCode()).isZero();
        assertThat(fit(data, out).err()).contains("served from store");

        CliRun changed = fitLaw(LAW + " + 1e-6", data, out);

        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.err()).doesNotContain("served from store");
        assertThat(ResultsStore.at(store()).fits()).hasSize(2);
    }

    @Test
    void aChangedBoundIsRefitted() throws Exception {
        assertRefittedAfter(List.of("--bounds", "alpha=0:1"), List.of("--bounds", "alpha=0:2"));
    }

    @Test
    void aChangedDeltaIsRefitted() throws Exception {
        assertRefittedAfter(List.of("--delta", "1e-3"), List.of("--delta", "1e-4"));
    }

    @Test
    void aChangedOverEstimateWeightIsRefitted() throws Exception {
        assertRefittedAfter(List.of("--objective", "over-estimate", "--kappa", "2"),
                List.of("--objective", "over-estimate", "--kappa", "3"));
    }

    @Test
    void aChangedRowConditionIsRefitted() throws Exception {
        assertRefittedAfter(List.of("--where", "params < 2e9"), List.of("--where", "params < 5e8"));
    }

    @Test
    void aChangedBootstrapSeedIsRefitted() throws Exception {
        assertRefittedAfter(List.of("--bootstrap", "3", "--seed", "1"), List.of("--bootstrap", "3", "--seed", "2"));
    }

    @Test
    void aChangedLawFileIsRefitted() throws Exception {
        Path lawFile = folder.resolve("law.json");
        String law = "{\"expression\": \"" + LAW + "\", \"parameters\": {\"E\": {\"scale\": \"log\", \"starts\": "
                + "[1, 2]}, \"A\": {\"scale\": \"log\", \"starts\": [300]}, \"B\": {\"scale\": \"log\", \"starts\": "
                + "[300]}, \"alpha\": {\"starts\": [0.3]}, \"beta\": {\"starts\": [0.3]}}}";
        Files.writeString(lawFile, law);
        Path data = runs();
        Path out = folder.resolve("fit.json");
        CliRun first = CliRun.of("fit", "--data", data.toString(), "--law-file", lawFile.toString(),
                "--out", out.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(CliRun.of("fit", "--data", data.toString(), "--law-file", lawFile.toString(), "--out",
                out.toString()).err()).contains("served from store");

        Files.writeString(lawFile, law.replace("\"alpha\": {\"starts\": [0.3]}",
                "\"alpha\": {\"starts\": [0.3], \"bounds\": [0, 1]}"));
        CliRun changed = CliRun.of("fit", "--data", data.toString(), "--law-file", lawFile.toString(), "--out",
                out.toString());

        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.err()).doesNotContain("served from store");
        assertThat(ResultsStore.at(store()).fits()).hasSize(2);
    }

    @Test
    void aNotIdentifiedFitIsServedWithItsReasonsAndExitCode() throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        for (double d : new double[] {1e9, 3e9, 1e10, 3e10}) {
            csv.append(1e8).append(',').append(d).append(',').append(2.5 + 410 / Math.pow(d, 0.28)).append('\n');
        }
        Path data = Files.writeString(folder.resolve("one-size.csv"), csv.toString());
        Path out = folder.resolve("fit.json");
        CliRun first = fit(data, out);
        assertThat(first.exitCode()).as(first.err()).isEqualTo(5);
        assertThat(first.out()).contains("NOT IDENTIFIED");

        CliRun served = fit(data, out);

        assertThat(served.err()).contains("served from store", "cannot identify the law");
        assertThat(served.exitCode()).isEqualTo(5);
        assertThat(served.out()).isEqualTo(first.out());
    }

    @Test
    void noStoreNeitherReadsNorWritesTheStore() throws Exception {
        Path data = runs();
        Path out = folder.resolve("fit.json");
        assertThat(fit(data, out).exitCode()).isZero();
        assertThat(ResultsStore.at(store()).fits()).hasSize(1);

        CliRun bypassed = fit(data, out, "--no-store", "--delta", "1e-4");
        CliRun again = fit(data, out, "--no-store", "--delta", "1e-4");

        assertThat(bypassed.exitCode()).as(bypassed.err()).isZero();
        assertThat(again.err()).doesNotContain("served from store");
        assertThat(ResultsStore.at(store()).fits()).hasSize(1);
    }

    /** A fit with {@code before}, repeated (served), then with {@code after}: refitted and stored beside it. */
    private void assertRefittedAfter(List<String> before, List<String> after) throws Exception {
        Path data = runs();
        Path out = folder.resolve("fit.json");
        CliRun first = fit(data, out, before.toArray(String[]::new));
        assertThat(first.exitCode()).as(first.err()).isZero();
        CliRun repeat = fit(data, out, before.toArray(String[]::new));
        assertThat(repeat.err()).contains("served from store");

        CliRun changed = fit(data, out, after.toArray(String[]::new));

        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.err()).doesNotContain("served from store");
        assertThat(ResultsStore.at(store()).fits()).hasSize(2);
    }
}
