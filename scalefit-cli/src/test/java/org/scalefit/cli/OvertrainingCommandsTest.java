package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OvertrainingCommandsTest {

    @TempDir
    Path folder;

    @Test
    void overtrainPrintsTheLawInItsThreeFormsAndTheLossPredictions() {
        CliRun run = CliRun.of("overtrain", "--dataset", "rpj");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("5 runs (4 at M = 20, 1 at M = 320)", "128 starts (128 converged",
                "L(N, M) = E", "L(C, M) = E", "L(N, D) = E", "η = 0.1364253", "rpj-open_lm_1b-32.0", "0.7103 %",
                "0.7320 %");
        assertThat(run.out()).doesNotContain("warning");
    }

    @Test
    void downstreamPrintsTheChainedPredictionsAndWritesJson() throws IOException {
        Path out = folder.resolve("rpj.json");
        CliRun run = CliRun.of("downstream", "--dataset", "rpj", "--downstream", "avg_subset", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("17-task error: 6 runs", "Err(L) = ε − k·e^(−γ·L)", "3.6365 %", "0.0464 %",
                "* in the downstream fit");
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.get("analysis").asString()).isEqualTo("gadre-downstream");
        assertThat(json.get("loss_law").get("fit").get("status").asString()).isEqualTo("converged");
        assertThat(json.get("loss_law").get("points").size()).isEqualTo(5);
        assertThat(json.get("downstream").get("avg_subset").get("points").size()).isEqualTo(6);
        assertThat(json.get("predictions").size()).isEqualTo(3);
        JsonNode overtrained = json.get("predictions").get(2);
        assertThat(overtrained.get("run").asString()).isEqualTo("rpj-open_lm_1b-32.0");
        assertThat(100 * overtrained.get("error").get("avg_subset").get("relative_error").asDouble())
                .isBetween(3.63645, 3.63655);
        assertThat(json.get("provenance").get("data_sha256").asString()).hasSize(64);
    }

    @Test
    void variableProjectionGivesTheSamePrintedErrors() {
        CliRun run = CliRun.of("downstream", "--dataset", "rpj", "--solver", "varpro");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("variable projection", "0.7103 %", "0.7320 %", "3.6365 %", "0.0464 %");
    }

    /** The downstream law's fit is summarised in the words of {@code scalefit benchmarks}, which fits the same law. */
    @Test
    void downstreamNamesTheResidualSumOfSquaresAsBenchmarksDoes() {
        CliRun downstream = CliRun.of("downstream", "--dataset", "rpj", "--downstream", "avg_subset");
        CliRun benchmarks = CliRun.of("benchmarks", "--law", "error");

        assertThat(downstream.exitCode()).as(downstream.err()).isZero();
        assertThat(benchmarks.exitCode()).as(benchmarks.err()).isZero();
        assertThat(benchmarks.out()).contains("; RSS ");
        assertThat(downstream.out()).contains("; RSS ").doesNotContain("SSR");
    }

    @Test
    void anUnknownDatasetOrSolverIsBadUsage() {
        CliRun dataset = CliRun.of("overtrain", "--dataset", "pile");
        assertThat(dataset.exitCode()).isEqualTo(2);
        assertThat(dataset.err()).contains("[c4_original, rpj, rw_original]");
        CliRun solver = CliRun.of("overtrain", "--dataset", "rpj", "--solver", "bfgs");
        assertThat(solver.exitCode()).isEqualTo(2);
        assertThat(solver.err()).contains("unknown solver 'bfgs'");
        CliRun error = CliRun.of("downstream", "--dataset", "rpj", "--downstream", "nonsense");
        assertThat(error.exitCode()).isEqualTo(2);
        assertThat(error.err()).contains("no downstream error 'nonsense'");
    }

    @Test
    void aBadModelFileInADirectoryIsBadInputNamingFileAndField() throws IOException {
        String stem = "rpj-d=96_l=8_h=4-1.0";
        Files.createDirectories(folder.resolve("models"));
        Files.createDirectories(folder.resolve("evals"));
        Files.writeString(folder.resolve("models/" + stem + ".json"), bundled("models/" + stem + ".json")
                .replace("\"tokens\": 211386240", "\"tokens\": -1"));
        Files.writeString(folder.resolve("evals/evaluation_" + stem + "_heavy.json"),
                bundled("evals/evaluation_" + stem + "_heavy.json"));
        Path out = folder.resolve("never.json");
        CliRun run = CliRun.of("overtrain", "--data", folder.toString(), "--dataset", "rpj", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(stem + ".json: field 'hyperparameters.tokens': expected a positive finite "
                + "number, found -1");
        assertThat(out).doesNotExist();
    }

    @Test
    void helpDescribesTheLaw() {
        CliRun run = CliRun.of("overtrain", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--dataset", "--solver", "--loss-set", "Exit codes");
    }

    /** A user's own directory is fitted by model name and M, which its help must say (GadreTestbed.defaultSplit). */
    @Test
    void helpSaysWhichRunsOfADirectoryAreFittedAndWhichPredicted() {
        for (String command : new String[] {"overtrain", "downstream"}) {
            CliRun run = CliRun.of(command, "--help");
            assertThat(run.exitCode()).isZero();
            String help = run.out().replaceAll("\\s+", " ");
            assertThat(help).as(command).contains("d=96_l=8_h=4, d=512_l=8_h=4, d=576_l=24_h=8 and d=1024_l=24_h=8",
                    "open_lm_1b", "hyperparameters.model", "every run of another model is predicted",
                    "dataset_name");
        }
    }

    /** A user's runs name their evaluation sets by folder, which --loss-set takes whatever it is called. */
    @Test
    void helpSaysTheLossSetIsTheFolderOfTheEvaluationData() {
        CliRun run = CliRun.of("overtrain", "--help");
        assertThat(run.out().replaceAll("\\s+", " ")).contains("the folder holding results[i].val_data[0]");
    }

    /** A run whose observed error is 0 has no relative error (the JSON writes null); the table shows '-'. */
    @Test
    void aRelativeErrorAgainstAnObservedErrorOfZeroIsPrintedAsMissing() throws IOException {
        Files.createDirectories(folder.resolve("models"));
        Files.createDirectories(folder.resolve("evals"));
        for (String stem : new String[] {"rpj-d=96_l=8_h=4-1.0", "rpj-d=512_l=8_h=4-1.0", "rpj-d=576_l=24_h=8-1.0",
            "rpj-d=1024_l=24_h=8-1.0", "rpj-d=96_l=8_h=4-16.0", "rpj-open_lm_1b-1.0", "rpj-open_lm_7b-1.0"}) {
            Files.writeString(folder.resolve("models/" + stem + ".json"), bundled("models/" + stem + ".json"));
            String eval = bundled("evals/evaluation_" + stem + "_heavy.json");
            if (stem.equals("rpj-open_lm_7b-1.0")) {
                eval = eval.replaceAll("(\"[a-z_]+\"): (0\\.[0-9]+|1\\.0|0\\.0)", "$1: 1.0");
            }
            Files.writeString(folder.resolve("evals/evaluation_" + stem + "_heavy.json"), eval);
        }
        CliRun run = CliRun.of("downstream", "--data", folder.toString(), "--dataset", "rpj", "--downstream", "avg");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String sevenB = run.out().lines().filter(line -> line.contains("rpj-open_lm_7b-1.0")).findFirst().orElseThrow();
        assertThat(sevenB).contains(" 0.000000 ").doesNotContain("Infinity").endsWith(" -");
    }

    /** The 1.4B run at M = 20 is a fit point of the downstream law only; the loss law does without it. */
    @Test
    void overtrainNeedsOnlyTheLossLawsFitRuns() throws IOException {
        Files.createDirectories(folder.resolve("models"));
        Files.createDirectories(folder.resolve("evals"));
        for (String stem : new String[] {"rpj-d=96_l=8_h=4-1.0", "rpj-d=512_l=8_h=4-1.0", "rpj-d=576_l=24_h=8-1.0",
            "rpj-d=1024_l=24_h=8-1.0", "rpj-d=96_l=8_h=4-16.0", "rpj-open_lm_7b-1.0"}) {
            Files.writeString(folder.resolve("models/" + stem + ".json"), bundled("models/" + stem + ".json"));
            Files.writeString(folder.resolve("evals/evaluation_" + stem + "_heavy.json"),
                    bundled("evals/evaluation_" + stem + "_heavy.json"));
        }
        CliRun run = CliRun.of("overtrain", "--data", folder.toString(), "--dataset", "rpj");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("rpj-open_lm_7b-1.0", "0.7320 %");
    }

    /**
     * A target run far larger than any fitted (7e12 parameters) has a predicted loss below where the downstream law
     * of arc_easy crosses 0 (L ≈ 2.03): its chained error is negative, which is warned about, printed and written.
     */
    @Test
    void aChainedErrorOutsideZeroToOneIsWarnedAboutPrintedAndWritten() throws IOException {
        Files.createDirectories(folder.resolve("models"));
        Files.createDirectories(folder.resolve("evals"));
        for (String stem : new String[] {"rpj-d=96_l=8_h=4-1.0", "rpj-d=512_l=8_h=4-1.0", "rpj-d=576_l=24_h=8-1.0",
            "rpj-d=1024_l=24_h=8-1.0", "rpj-d=96_l=8_h=4-16.0", "rpj-open_lm_1b-1.0", "rpj-open_lm_7b-1.0"}) {
            String model = bundled("models/" + stem + ".json");
            if (stem.equals("rpj-open_lm_7b-1.0")) {
                model = model.replace("\"params\": 6889410560,", "\"params\": 6889410560000,")
                        .replace("\"tokens\": 137788211200,", "\"tokens\": 137788211200000,");
            }
            Files.writeString(folder.resolve("models/" + stem + ".json"), model);
            Files.writeString(folder.resolve("evals/evaluation_" + stem + "_heavy.json"),
                    bundled("evals/evaluation_" + stem + "_heavy.json"));
        }
        Path out = folder.resolve("downstream.json");

        CliRun run = CliRun.of("downstream", "--data", folder.toString(), "--dataset", "rpj", "--downstream",
                "arc_easy", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("warning: rpj-open_lm_7b-1.0: the arc_easy error").contains("below 0");
        JsonNode warnings = JsonMapper.builder().build().readTree(out.toFile()).get("warnings");
        assertThat(warnings).isNotNull();
        assertThat(warnings.size()).isEqualTo(1);
        assertThat(warnings.get(0).asString()).startsWith("rpj-open_lm_7b-1.0: the arc_easy error")
                .contains("outside [0, 1]");
    }

    private static String bundled(String relative) throws IOException {
        try (InputStream in = org.scalefit.io.GadreTestbed.class.getResourceAsStream("datasets/gadre/" + relative)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
