package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.PublishedValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code scalefit sensitivity}: the three subcommands end to end, on small grids. */
class SensitivityCommandTest {

    @TempDir
    Path folder;

    @Test
    void deltaGridWritesTheSameResultsWhateverTheThreadCount() throws IOException {
        Path one = folder.resolve("one.json");
        Path two = folder.resolve("two.json");
        CliRun first = CliRun.of("sensitivity", "delta-grid", "--data", "gemstones:hot", "--deltas", "1e-3,1e-4",
                "--grid-sizes", "300,400", "--threads", "1", "--out", one.toString());
        CliRun second = CliRun.of("sensitivity", "delta-grid", "--data", "gemstones:hot", "--deltas", "1e-3,1e-4",
                "--grid-sizes", "300,400", "--threads", "2", "--out", two.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(first.out()).contains("3×3×4").contains("b=slope");
        JsonNode a = withoutRun(one);
        assertThat(a).isEqualTo(withoutRun(two));
        assertThat(a.get("results")).hasSize(4);
        JsonNode point = a.get("results").get(0);
        assertThat(point.get("grid").get("starts").asLong()).isEqualTo(324);
        double alpha = point.get("alpha").asDouble();
        double beta = point.get("beta").asDouble();
        assertThat(point.get("tokens_slope").asDouble()).isEqualTo(1 - beta / (alpha + beta));
    }

    @Test
    void deltaGridCountsTheStartsAnEvaluationBudgetCutLikeAFit() throws IOException {
        Path cut = folder.resolve("cut.json");
        Path whole = folder.resolve("whole.json");
        CliRun.of("sensitivity", "delta-grid", "--data", "gemstones:slim_chinchilla", "--deltas", "1e-3",
                "--grid-sizes", "300", "--threads", "2", "--max-evaluations", "5", "--out", cut.toString());
        CliRun.of("sensitivity", "delta-grid", "--data", "gemstones:slim_chinchilla", "--deltas", "1e-3",
                "--grid-sizes", "300", "--threads", "2", "--out", whole.toString());
        JsonNode cutPoint = JsonMapper.builder().build().readTree(cut.toFile()).get("results").get(0);
        JsonNode wholePoint = JsonMapper.builder().build().readTree(whole.toFile()).get("results").get(0);
        assertThat(cutPoint.get("budget_cut_starts").asLong()).isPositive();
        assertThat(wholePoint.has("budget_cut_starts")).isFalse();
    }

    @Test
    void deltaGridRefusesANonPositiveDelta() {
        Path out = folder.resolve("bad.json");
        CliRun run = CliRun.of("sensitivity", "delta-grid", "--data", "gemstones:hot", "--deltas", "0",
                "--grid-sizes", "300", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("delta");
        assertThat(out).doesNotExist();
    }

    @Test
    void deltaGridOnDataThatCannotIdentifyTheLawSaysWhyAndExitsFive() throws IOException {
        Path data = Files.writeString(folder.resolve("four.csv"), "params,tokens,loss\n"
                + "5e7,2e9,3.69\n5e7,8e9,3.37\n4e8,2e9,3.18\n4e8,8e9,2.86\n");
        CliRun run = CliRun.of("sensitivity", "delta-grid", "--data", data.toString(), "--deltas", "1e-3",
                "--grid-sizes", "300");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
        assertThat(run.out()).contains("NOT IDENTIFIED").doesNotContain("no start converged")
                .contains("too few distinct values: params takes 2 distinct values");
        assertThat(run.err()).contains("the data cannot identify the law");
    }

    @Test
    void samplingComparesTheFullAndReducedFitsOfBothTables() throws IOException {
        Path out = folder.resolve("sampling.json");
        CliRun run = CliRun.of("sensitivity", "sampling", "--data", "gemstones:hot_100b+_477", "--models",
                "384x13,512x11,512x13,1280x15,1792x18,2048x27", "--grid", "300", "--delta", "1e-3", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("reduced reference: 28 runs; data sampled like it: 24 checkpoints");
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.get("comparisons")).hasSize(2);
        JsonNode ours = json.get("comparisons").get(0);
        assertThat(ours.get("full").get("points").asInt()).isEqualTo(3850);
        assertThat(ours.get("reduced").get("points").asInt()).isEqualTo(24);
        assertThat(ours.get("change").get("tokens_slope").asDouble()).isEqualTo(
                ours.get("reduced").get("tokens_slope").asDouble() - ours.get("full").get("tokens_slope").asDouble());
        assertThat(json.get("samples").get("reference")).hasSize(28);
        assertThat(json.get("design").get("tokens_by_size_class").get("70000000")).hasSize(5);
    }

    @Test
    void samplingSaysWhyAReducedTableCannotIdentifyTheLawAndExitsFive() throws IOException {
        Path data = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());

        CliRun run = CliRun.of("sensitivity", "sampling", "--data", data.toString(), "--grid", "300");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
        assertThat(run.out()).contains("reduced       5 NOT IDENTIFIED").doesNotContain("no start converged")
                .contains("not identified: too few points");
    }

    @Test
    void samplingRefusesAMalformedShape() {
        CliRun run = CliRun.of("sensitivity", "sampling", "--data", "gemstones:hot", "--models", "384-13",
                "--grid", "300");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("384-13");
    }

    @Test
    void rainbowWritesMarkdownLatexAndJsonTables() throws IOException {
        Path parameters = PublishedValues.copy("gemstones/parameters", folder.resolve("parameters"));
        String lawFile = "approach_3_parameters_grid_search_0_hot_100b+.json";   // the line's label comes from the name
        Path law = PublishedValues.copy("gemstones/parameters_delta-3/" + lawFile, folder.resolve(lawFile));
        Path markdown = folder.resolve("rainbow.md");
        Path latex = folder.resolve("rainbow.tex");
        Path json = folder.resolve("rainbow.json");
        CliRun run = CliRun.of("sensitivity", "rainbow", "--law", law.toString(), "--approach1", parameters.toString(),
                "--out", markdown.toString(), "--out", latex.toString(), "--out", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(markdown)).isEqualTo(run.out()).contains("| approach 3 hot_100b+ | 3 | all |");
        assertThat(Files.readString(latex)).contains("approach 1 params\\_120b+\\_only & 1 & $>120b$")
                .contains("\\textcolor{red}{0.3408}").contains("\\toprule");
        JsonNode table = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(table.get("lines")).hasSize(7);
        assertThat(table.get("references")).hasSize(2);
        assertThat(table.get("provenance").get("sources").toString()).contains("sha256");
    }

    @Test
    void rainbowFitsBundledSetsOnTheFly() {
        CliRun run = CliRun.of("sensitivity", "rainbow", "--fit-sets", "hot,hot_100b+", "--grid", "300",
                "--reference", "none");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("| approach 3 hot | 3 | ≤100b |").contains("approach 3 hot_100b+ |");
    }

    @Test
    void rainbowRefusesAMissingLawFileAndAnUnknownOutputFormat() {
        Path out = folder.resolve("rainbow.txt");
        CliRun unknownFormat = CliRun.of("sensitivity", "rainbow", "--reference", "epoch", "--law", "x.json", "--out",
                out.toString());
        assertThat(unknownFormat.exitCode()).isEqualTo(2);
        assertThat(unknownFormat.err()).contains(".md, .tex or .json");
        CliRun missing = CliRun.of("sensitivity", "rainbow", "--law", folder.resolve("absent.json").toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("absent.json");
        assertThat(out).doesNotExist();
    }

    private static JsonNode withoutRun(Path file) throws IOException {
        ObjectNode root = (ObjectNode) JsonMapper.builder().build().readTree(file.toFile());
        root.remove("run");
        return root;
    }
}
