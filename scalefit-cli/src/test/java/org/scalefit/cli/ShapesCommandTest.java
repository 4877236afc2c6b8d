package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.PublishedValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ShapesCommandTest {

    @TempDir
    Path folder;

    /** A published Gemstones law file ({@link PublishedValues}), copied to the temporary folder. */
    private Path law(String name) {
        return PublishedValues.copy("gemstones/parameters_delta-3/" + name, folder.resolve(name));
    }

    private static JsonNode json(Path file) {
        return JsonMapper.builder().build().readTree(file.toFile());
    }

    @Test
    void fullGridWithRelaxedRefinementWritesJson() throws IOException {
        Path widthDepth = law("approach_3_width_depth_parameters_grid_search_0_hot_100b+.json");
        Path params = law("approach_3_parameters_grid_search_0_hot_100b+.json");
        Path out = folder.resolve("shapes.json");
        CliRun run = CliRun.of("shapes", "--law", widthDepth.toString(), "--law2", params.toString(), "--relaxed",
                "--threads", "2", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json(out);
        assertThat(result.get("grid").get("rows").asLong()).isEqualTo(318_864_000L);
        assertThat(result.get("buckets").get("edges").size()).isEqualTo(14);
        JsonNode laws = result.get("laws");
        assertThat(laws.size()).isEqualTo(2);
        assertThat(laws.get(0).get("law").asString()).isEqualTo("width-depth-params");
        assertThat(laws.get(1).get("law").asString()).isEqualTo("chinchilla");
        for (JsonNode law : laws) {
            assertThat(law.get("optima").size()).isEqualTo(13);
            for (JsonNode optimum : law.get("optima")) {
                JsonNode relaxed = optimum.get("relaxed");
                assertThat(relaxed.get("flops_relative_error").asDouble()).isLessThanOrEqualTo(1e-9);
                assertThat(relaxed.get("loss").asDouble()).isLessThanOrEqualTo(optimum.get("loss").asDouble());
                assertThat(optimum.get("rounded").get("width").asDouble() % 256).isZero();
                assertThat(optimum.get("flops").asDouble()).isGreaterThan(optimum.get("flops_low").asDouble())
                        .isLessThanOrEqualTo(optimum.get("flops_high").asDouble());
            }
        }
        // the smallest bucket's grid optimum of the width-depth-params law (the full grid; cf. ShapeSearchTest)
        JsonNode first = laws.get(0).get("optima").get(0);
        assertThat(List.of(first.get("width").asDouble(), first.get("depth").asDouble(),
                first.get("tokens").asDouble())).containsExactly(558.0, 13.0, 5_964_184_945.0);
        assertThat(result.get("provenance").get("laws").get(0).get("sha256").asString()).hasSize(64);
        assertThat(run.out()).contains("grid optimum per FLOPs bucket").contains("relaxed").contains("rounded");
    }

    @Test
    void reducedGridWritesCsv() throws IOException {
        Path widthDepth = law("approach_3_width_depth_grid_search_0_hot_100b+.json");
        Path csv = folder.resolve("shapes.csv");
        CliRun run = CliRun.of("shapes", "--law", widthDepth.toString(), "--grid-points", "257,200,100", "--buckets",
                "5", "--flops", "1e19:1e24", "--csv", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("role,law,bucket,flops_low,flops_high,kind,width,depth,tokens,params,flops,"
                + "ratio,tokens_per_param,loss");
        assertThat(lines).hasSize(6);
        assertThat(lines.subList(1, 6))
                .allMatch(line -> line.startsWith("law,width-depth,") && line.contains(",grid,"));
        assertThat(lines.get(1)).contains(",1.0E19,");
    }

    @Test
    void feasibleShapesNeedNoLaw() throws IOException {
        Path out = folder.resolve("feasible.json");
        Path csv = folder.resolve("feasible.csv");
        CliRun run = CliRun.of("shapes", "--feasible", "--out", out.toString(), "--csv", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(out).get("count").asInt()).isEqualTo(386);
        assertThat(Files.readAllLines(csv)).hasSize(387);
        assertThat(run.out()).contains("386").contains("256x23 256x24 256x25 256x26 256x27");
    }

    /**
     * Far above the default budgets every grid optimum sits at the grid's largest width and token count: the law
     * wants more than the grid offers, and the document says so per optimum.
     */
    @Test
    void aGridOptimumOnTheGridsBoundaryIsMarkedInTheDocument() {
        Path widthDepth = law("approach_3_width_depth_grid_search_0_hot_100b+.json");
        Path out = folder.resolve("shapes.json");
        CliRun run = CliRun.of("shapes", "--law", widthDepth.toString(), "--grid-points", "257,200,100", "--buckets",
                "2", "--flops", "1e30:1e31", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode optima = json(out).get("laws").get(0).get("optima");
        assertThat(optima.size()).isEqualTo(2);
        for (JsonNode optimum : optima) {
            assertThat(optimum.get("at_grid_edge").asBoolean()).as(optimum.toString()).isTrue();
        }
    }

    @Test
    void aGridOptimumInsideTheGridIsNotMarkedInTheDocument() {
        Path widthDepth = law("approach_3_width_depth_grid_search_0_hot_100b+.json");
        Path out = folder.resolve("shapes.json");
        CliRun run = CliRun.of("shapes", "--law", widthDepth.toString(), "--grid-points", "257,200,100", "--buckets",
                "5", "--flops", "1e19:1e24", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (JsonNode optimum : json(out).get("laws").get(0).get("optima")) {
            assertThat(optimum.get("at_grid_edge").asBoolean()).as(optimum.toString()).isFalse();
        }
    }

    @Test
    void aGridOptimumOnTheGridsBoundaryIsMarkedInThePrintout() {
        Path widthDepth = law("approach_3_width_depth_grid_search_0_hot_100b+.json");
        CliRun run = CliRun.of("shapes", "--law", widthDepth.toString(), "--grid-points", "257,200,100", "--buckets",
                "2", "--flops", "1e30:1e31");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(line -> line.endsWith("grid edge"))).hasSize(2);
        assertThat(run.out()).contains("grid edge: the optimum lies on the search grid's boundary");
    }

    /** A coarse grid leaves some buckets without a row; the printout names them rather than skip them silently. */
    @Test
    void bucketsWithoutAGridRowAreNamedInThePrintout() {
        Path widthDepth = law("approach_3_width_depth_grid_search_0_hot_100b+.json");
        CliRun run = CliRun.of("shapes", "--law", widthDepth.toString(), "--grid-points", "3,3,3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  no grid row in buckets 0, 4, 9 (FLOPs <= 4.12e+18, 1.19e+21, 1.43e+24)");
    }

    /**
     * A law fitted with --no-embeds takes parameters without the embedding; a search that feeds it the count with
     * embeddings (--params exact, the default) says so, in the printout and the document.
     */
    @Test
    void aLawFittedWithoutEmbeddingsSearchedWithThemIsCautioned() {
        Path fit = folder.resolve("no-embeds.json");
        CliRun fitted = CliRun.of("fit", "--data", "gemstones:hot", "--no-embeds", "--no-store", "--threads", "2",
                "--out", fit.toString());
        assertThat(fitted.exitCode()).as(fitted.err()).isZero();
        Path out = folder.resolve("shapes.json");
        CliRun run = CliRun.of("shapes", "--law", fit.toString(), "--grid-points", "10,10,10", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String caution = "fitted on params without the embedding (no-embeds(vocab=50304))";
        assertThat(run.out()).contains(caution).contains("--params exact");
        assertThat(json(out).at("/laws/0/law_warnings").toString()).contains(caution);
    }

    /**
     * A law fitted on runs of 5·10⁷ … 1.6·10⁹ parameters prescribes, at 10²⁶ FLOPs, a model far larger: the search
     * says how far beyond the fitted runs each bucket's optimum lies, as predict and allocate do for their points.
     */
    @Test
    void optimaFarBeyondTheFittedRunsAreReportedAsExtrapolations() throws IOException {
        Path data = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());
        Path fit = folder.resolve("fit.json");
        CliRun fitted = CliRun.of("fit", "--data", data.toString(), "--no-store", "--threads", "2", "--out",
                fit.toString());
        assertThat(fitted.exitCode()).as(fitted.err()).isZero();
        Path out = folder.resolve("shapes.json");

        CliRun run = CliRun.of("shapes", "--law", fit.toString(), "--grid-points", "20,20,20", "--buckets", "2",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("FLOPs <= 1.00e+26: extrapolation: params = ")
                .contains("orders of magnitude beyond the largest fitted params = 1.60e+09");
        assertThat(json(out).at("/laws/0/extrapolations").toString()).contains("FLOPs <= 1.00e+26: extrapolation: params");
    }

    /** A fit of {@link ForeignArchitectureRuns} (params/tokens law: fast, and it reads the shapes all the same). */
    private Path foreignFit() throws IOException {
        Path data = Files.writeString(folder.resolve("foreign.csv"), ForeignArchitectureRuns.csv());
        Path fit = folder.resolve("foreign.json");
        CliRun fitted = CliRun.of("fit", "--data", data.toString(), "--no-store", "--threads", "2", "--out",
                fit.toString());
        assertThat(fitted.exitCode()).as(fitted.err()).isZero();
        return fit;
    }

    /**
     * The fit of runs counted with vocabulary 32 000, head size 64 and full multi-head attention records their
     * shapes; a search with Gemstones' architecture (the default) counts the same shapes otherwise, and says so with
     * the median ratio and the options, in the printout and the document's law warnings.
     */
    @Test
    void runsCountedWithAnotherArchitectureAreCautioned() throws IOException {
        Path fit = foreignFit();
        assertThat(json(fit).at("/shapes").size()).isEqualTo(8);
        Path out = folder.resolve("shapes.json");

        CliRun run = CliRun.of("shapes", "--law", fit.toString(), "--grid-points", "10,10,10", "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("architecture mismatch").contains("median ratio recorded/counted 0.9")
                .contains("--vocab, --head-size, --queries-per-group, --mlp-expansion")
                .contains("architecture: vocab 50304, seq len 2048, head size 128, 2 queries per group, MLP x4");
        assertThat(json(out).at("/laws/0/law_warnings").toString()).contains("architecture mismatch");
        assertThat(json(out).at("/accounting/vocab").asInt()).isEqualTo(50304);
    }

    @Test
    void runsCountedWithTheSearchsArchitectureAreNotCautioned() throws IOException {
        Path fit = foreignFit();
        Path out = folder.resolve("shapes.json");
        List<String> args = new java.util.ArrayList<>(List.of("shapes", "--law", fit.toString(), "--grid-points",
                "10,10,10", "--out", out.toString()));
        args.addAll(List.of(ForeignArchitectureRuns.OPTIONS));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("architecture mismatch")
                .contains("architecture: vocab 32000, seq len 2048, head size 64, 1 queries per group, MLP x4");
        assertThat(json(out).at("/laws/0/law_warnings").toString()).doesNotContain("architecture mismatch");
        assertThat(json(out).at("/accounting/vocab").asInt()).isEqualTo(32000);
    }

    @Test
    void aLawFittedWithoutEmbeddingsSearchedWithoutThemIsNotCautioned() {
        Path fit = folder.resolve("no-embeds.json");
        CliRun fitted = CliRun.of("fit", "--data", "gemstones:hot", "--no-embeds", "--no-store", "--threads", "2",
                "--out", fit.toString());
        assertThat(fitted.exitCode()).as(fitted.err()).isZero();
        CliRun run = CliRun.of("shapes", "--law", fit.toString(), "--grid-points", "10,10,10", "--params",
                "no-embeds");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("without the embedding");
    }

    @Test
    void optionsOfTheFeasibleListAreRefusedForALawsSearch() {
        Path widthDepth = law("approach_3_width_depth_grid_search_0_hot_100b+.json");
        CliRun run = CliRun.of("shapes", "--law", widthDepth.toString(), "--grid-points", "10,10,10", "--targets",
                "1e9", "--tolerance", "0.1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--targets, --tolerance: for --feasible");
    }

    @Test
    void optionsOfALawsSearchAreRefusedForTheFeasibleList() {
        Path widthDepth = law("approach_3_width_depth_grid_search_0_hot_100b+.json");
        CliRun run = CliRun.of("shapes", "--feasible", "--law", widthDepth.toString(), "--relaxed");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--law, --relaxed: for a law's shape search, not for --feasible");
    }

    @Test
    void badUsageAndBadLawFilesHaveTheirExitCodes() throws IOException {
        CliRun noLaw = CliRun.of("shapes");
        assertThat(noLaw.exitCode()).isEqualTo(2);
        assertThat(noLaw.err()).contains("--law is required");
        Path widthDepth = law("approach_3_width_depth_grid_search_0_hot_100b+.json");
        CliRun badRange = CliRun.of("shapes", "--law", widthDepth.toString(), "--flops", "1e18");
        assertThat(badRange.exitCode()).isEqualTo(2);
        assertThat(badRange.err()).contains("LOW:HIGH");
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{\"exponents\": [1, 2");
        Path out = folder.resolve("never.json");
        CliRun badFile = CliRun.of("shapes", "--law", broken.toString(), "--out", out.toString());
        assertThat(badFile.exitCode()).isEqualTo(3);
        assertThat(badFile.err()).contains("broken.json");
        assertThat(out).doesNotExist();
    }
}
