package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.PublishedValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ParabolaCommandTest {

    private static final String WIDTH_DEPTH_PARAMS = "approach_3_width_depth_parameters_grid_search_0_hot_100b+.json";
    private static final String PARAMS = "approach_3_parameters_grid_search_0_hot_100b+.json";

    @TempDir
    Path folder;

    /** A published Gemstones law file ({@link PublishedValues}), copied to the temporary folder. */
    private Path law(String name) {
        Path file = folder.resolve(name);
        return Files.exists(file) ? file : PublishedValues.copy("gemstones/parameters_delta-3/" + name, file);
    }

    private static JsonNode json(Path file) {
        return JsonMapper.builder().build().readTree(file.toFile());
    }

    private static List<String> industryNames(JsonNode budget) {
        List<String> names = new ArrayList<>();
        budget.get("industry_models").forEach(model -> names.add(model.get("hf_name").asString()));
        return names;
    }

    @Test
    void gemstonesDefaultsGiveFourValleysThatSpendEachBudget() throws IOException {
        Path out = folder.resolve("parabola.json");
        CliRun run = CliRun.of("parabola", "--law", law(WIDTH_DEPTH_PARAMS).toString(), "--law2",
                law(PARAMS).toString(), "--threads", "2", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json(out);
        assertThat(result.get("factors").size()).isEqualTo(9);
        JsonNode budgets = result.get("budgets");
        assertThat(budgets.size()).isEqualTo(4);
        int[] buckets = {2, 5, 9, 12};
        for (int b = 0; b < 4; b++) {
            JsonNode budget = budgets.get(b);
            assertThat(budget.get("bucket").asInt()).isEqualTo(buckets[b]);
            assertThat(budget.get("optimum").get("improved").asBoolean()).isTrue();
            JsonNode shapes = budget.get("shapes");
            assertThat(shapes.size()).isEqualTo(9);
            assertThat(budget.get("infeasible_factors").size()).isZero();
            double atOne = shapes.get(4).get("loss").asDouble();
            assertThat(shapes.get(4).get("factor").asDouble()).isEqualTo(1.0);
            assertThat(atOne).isCloseTo(budget.get("optimum").get("loss").asDouble(), within(1e-10));
            for (int i = 0; i < 9; i++) {
                JsonNode shape = shapes.get(i);
                assertThat(shape.get("flops_relative_error").asDouble()).isLessThanOrEqualTo(1e-9);
                assertThat(shape.get("status").asString()).isEqualTo("interior");
                assertThat(shape.get("tokens").asDouble()).isCloseTo(budget.get("budget_tokens").asDouble()
                        * Math.sqrt(shape.get("factor").asDouble()), within(1e-6));
                assertThat(shape.has("law2_loss")).isTrue();
                assertThat(shape.get("loss").asDouble()).isGreaterThanOrEqualTo(atOne);
            }
            assertThat(industryNames(budget)).doesNotContain("meta-llama/Llama-3.1-70B");
        }
        assertThat(industryNames(budgets.get(0))).containsExactly("Qwen/Qwen2.5-0.5B");
        assertThat(result.get("industry").get("excluded").get(0).asString()).isEqualTo("meta-llama/Llama-3.1-70B");
        assertThat(run.out()).contains("bucket 9: FLOPs = ").contains("1/16").contains("Qwen/Qwen2.5-0.5B");
    }

    @Test
    void excludingNoIndustryModelDrawsLlama31SeventyBAtTheTwentyFourthDecade() throws IOException {
        Path out = folder.resolve("parabola.json");
        CliRun run = CliRun.of("parabola", "--law", law(WIDTH_DEPTH_PARAMS).toString(), "--rows", "9",
                "--industry-exclude", "", "--threads", "2", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode budget = json(out).get("budgets").get(0);
        assertThat(industryNames(budget)).contains("meta-llama/Llama-3.1-70B", "meta-llama/Llama-2-7b-hf");
    }

    @Test
    void csvHasOneLinePerBudgetAndFactorWhateverTheThreadCount() throws IOException {
        Path out = folder.resolve("parabola.csv");
        Path single = folder.resolve("single.csv");
        CliRun run = CliRun.of("parabola", "--law", law(WIDTH_DEPTH_PARAMS).toString(), "--rows", "3,4",
                "--factors", "-1:1", "--no-industry", "--format", "csv", "--threads", "2", "--out", out.toString());
        CliRun one = CliRun.of("parabola", "--law", law(WIDTH_DEPTH_PARAMS).toString(), "--rows", "3,4",
                "--factors", "-1:1", "--no-industry", "--format", "csv", "--threads", "1", "--out", single.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(Files.readAllBytes(single)).isEqualTo(Files.readAllBytes(out));
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("bucket,budget_flops,factor,status,width,depth,params,tokens,flops,"
                + "flops_relative_error,loss,law2_loss,undertrained_loss,law2_undertrained_loss");
        assertThat(lines).hasSize(7);
        assertThat(lines.subList(1, 7)).extracting(line -> line.split(",")[0] + ":" + line.split(",")[2])
                .containsExactly("3:0.5", "3:1", "3:2", "4:0.5", "4:1", "4:2");
        assertThat(lines.subList(1, 7)).allMatch(line -> line.split(",", -1)[3].equals("interior")
                && line.split(",", -1)[11].isEmpty());
    }

    /**
     * A law fitted on runs of at most 1.6·10⁹ parameters and 3.2·10¹⁰ tokens, traced at 10²⁶ FLOPs: the panel says
     * how far beyond the fitted runs its optimum lies, as shapes, predict and allocate do.
     */
    @Test
    void anOptimumFarBeyondTheFittedRunsIsReportedAsAnExtrapolation() throws IOException {
        Path data = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());
        Path fit = folder.resolve("fit.json");
        CliRun fitted = CliRun.of("fit", "--data", data.toString(), "--no-store", "--threads", "2", "--out",
                fit.toString());
        assertThat(fitted.exitCode()).as(fitted.err()).isZero();
        Path out = folder.resolve("parabola.json");

        CliRun run = CliRun.of("parabola", "--law", fit.toString(), "--grid-points", "20,20,20", "--buckets", "2",
                "--rows", "1", "--factors", "-1:1", "--no-industry", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("optimum: extrapolation: params = ")
                .contains("orders of magnitude beyond the largest fitted params = 1.60e+09");
        assertThat(json(out).at("/budgets/0/extrapolations").toString()).contains("extrapolation: tokens = ");
    }

    /**
     * Runs counted with another architecture (vocabulary 32 000, head size 64, full multi-head attention) traced with
     * Gemstones' (the default): the parabola says so in its printout and document, and names the architecture used;
     * with the runs' own architecture it does not.
     */
    @Test
    void runsCountedWithAnotherArchitectureAreCautioned() throws IOException {
        Path data = Files.writeString(folder.resolve("foreign.csv"), ForeignArchitectureRuns.csv());
        Path fit = folder.resolve("foreign.json");
        CliRun fitted = CliRun.of("fit", "--data", data.toString(), "--no-store", "--threads", "2", "--out",
                fit.toString());
        assertThat(fitted.exitCode()).as(fitted.err()).isZero();
        Path out = folder.resolve("parabola.json");
        List<String> common = List.of("parabola", "--law", fit.toString(), "--grid-points", "20,20,20", "--buckets",
                "2", "--rows", "1", "--factors", "-1:1", "--no-industry", "--out", out.toString());

        CliRun gemstones = CliRun.of(common.toArray(String[]::new));

        assertThat(gemstones.exitCode()).as(gemstones.err()).isZero();
        assertThat(gemstones.out()).contains("architecture mismatch").contains("architecture: vocab 50304");
        assertThat(json(out).at("/laws/0/law_warnings").toString()).contains("architecture mismatch");

        List<String> own = new java.util.ArrayList<>(common);
        own.addAll(List.of(ForeignArchitectureRuns.OPTIONS));
        CliRun matching = CliRun.of(own.toArray(String[]::new));

        assertThat(matching.exitCode()).as(matching.err()).isZero();
        assertThat(matching.out()).doesNotContain("architecture mismatch").contains("architecture: vocab 32000");
        assertThat(json(out).at("/accounting/vocab").asInt()).isEqualTo(32000);
    }

    /**
     * A params/tokens law rewards parameters whatever the shape, so the factor-1 shape goes to depth 1, below the
     * depth 2 the optimum was searched from, and beats it: the output says so, and why.
     */
    @Test
    void aFactorShapeBelowTheOptimumsDepthBoundThatBeatsItIsExplained() throws IOException {
        Path out = folder.resolve("parabola.json");

        CliRun run = CliRun.of("parabola", "--law", law(PARAMS).toString(), "--rows", "5", "--factors", "0:0",
                "--no-industry", "--threads", "2", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(out).at("/budgets/0/optimum/depth").asDouble()).isGreaterThanOrEqualTo(2);
        assertThat(json(out).at("/budgets/0/shapes/0/depth").asDouble()).isLessThan(2);
        assertThat(json(out).at("/budgets/0/shapes/0/below_optimum").asBoolean()).isTrue();
        assertThat(run.out()).contains("factor 1 finds a lower loss than the optimum, at depth < 2")
                .contains("refined over width >= 256, depth >= 2").contains("over width >= 256, depth >= 1");
    }

    /** The document states both boxes the text does: the optimum's (depth ≥ 2) and the factor shapes' (depth ≥ 1). */
    @Test
    void theDocumentStatesTheOptimumsBoxAndTheFactorShapesBoxAsTheTextDoes() throws IOException {
        Path out = folder.resolve("parabola.json");

        CliRun run = CliRun.of("parabola", "--law", law(PARAMS).toString(), "--rows", "5", "--factors", "0:0",
                "--no-industry", "--threads", "2", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode box = json(out).get("box");
        assertThat(box.get("optimum_min_width").asDouble()).isEqualTo(256);
        assertThat(box.get("optimum_min_depth").asDouble()).isEqualTo(2);
        assertThat(box.get("min_width").asDouble()).isEqualTo(256);
        assertThat(box.get("min_depth").asDouble()).isEqualTo(1);
    }

    @Test
    void badUsageAndBadFilesWriteNothing() throws IOException {
        Path out = folder.resolve("parabola.json");
        String widthDepth = law(WIDTH_DEPTH_PARAMS).toString();

        CliRun factors = CliRun.of("parabola", "--law", widthDepth, "--factors", "a:b", "--out", out.toString());
        CliRun rows = CliRun.of("parabola", "--law", widthDepth, "--rows", "13", "--out", out.toString());
        CliRun missing = CliRun.of("parabola", "--law", folder.resolve("none.json").toString(), "--out",
                out.toString());
        Path badIndustry = folder.resolve("industry.json");
        Files.writeString(badIndustry, "{\"hf_name\":[\"a/b\"],\"loss\":[\"x\"]}");
        CliRun industry = CliRun.of("parabola", "--law", widthDepth, "--industry", badIndustry.toString(), "--out",
                out.toString());

        assertThat(factors.exitCode()).isEqualTo(2);
        assertThat(factors.err()).contains("--factors expects LOW:HIGH");
        assertThat(rows.exitCode()).isEqualTo(2);
        assertThat(rows.err()).contains("bucket 13 is not in 0..12");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("none.json");
        assertThat(industry.exitCode()).isEqualTo(3);
        assertThat(industry.err()).contains("industry.json").contains("column 'params'");
        assertThat(out).doesNotExist();
    }
}
