package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.heldout.HeldOutEvaluation;
import org.scalefit.io.ColumnMapping;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.FitDocument;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.RunTiming;
import org.scalefit.io.TableReader;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;



/** {@code scalefit bootstrap --fit}: the bootstrap of a stored fit on its own data. */
class FitBootstrapCommandTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    static Path folder;

    private static Path hotFit;

    @BeforeAll
    static void fitGemstonesHot() {
        hotFit = folder.resolve("hot.json");
        CliRun run = CliRun.of("fit", "--data", "gemstones:hot", "--delta", "1e-3", "--threads", "2", "--out",
                hotFit.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static ObjectNode withoutRunSection(Path file) {
        ObjectNode document = (ObjectNode) MAPPER.readTree(file.toFile());
        document.remove("run");
        return document;
    }

    @Test
    void runBlockBootstrapOfAFitIsTheSameBytesOnOneAndTwoThreads() {
        Path one = folder.resolve("boot-1.json");
        Path two = folder.resolve("boot-2.json");
        CliRun first = CliRun.of("bootstrap", "--fit", hotFit.toString(), "--resamples", "60", "--seed", "42",
                "--threads", "1", "--compute", "1e21,1e23", "--out", one.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(CliRun.of("bootstrap", "--fit", hotFit.toString(), "--resamples", "60", "--seed", "42",
                "--threads", "2", "--compute", "1e21,1e23", "--out", two.toString()).exitCode()).isZero();
        assertThat(MAPPER.writeValueAsString(withoutRunSection(two)))
                .isEqualTo(MAPPER.writeValueAsString(withoutRunSection(one)));
        assertThat(first.out()).contains("runs scheme: 22 runs, one per distinct width,depth (all points of a run "
                        + "drawn together), resampled").contains("60 replicates")
                .contains("compute-optimal allocation").contains("0 failed");
    }

    @Test
    void aBudgetFarBeyondTheFitsRunsIsWarnedAboutBesideItsBandsAsAllocateWarns() {
        Path out = folder.resolve("boot-far.json");
        CliRun run = CliRun.of("bootstrap", "--fit", hotFit.toString(), "--resamples", "20", "--seed", "42",
                "--threads", "2", "--compute", "1e20,1e30", "--out", out.toString());
        CliRun allocate = CliRun.of("allocate", "--law", hotFit.toString(), "--compute", "1e20,1e30");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String far = allocate.err().lines().filter(line -> line.contains("extrapolation: C = 1.00e+30")).findFirst()
                .orElseThrow();
        assertThat(run.err()).contains(far);
        assertThat(MAPPER.readTree(out.toFile()).path("warnings").toString())
                .contains(far.substring("warning: ".length()));
    }

    @Test
    void intervalsAndAllocationBandsOfTheFitCoverItsEstimate() {
        Path out = folder.resolve("boot.json");
        CliRun run = CliRun.of("bootstrap", "--fit", hotFit.toString(), "--resamples", "200", "--seed", "7",
                "--threads", "2", "--compute", "1e20,1e22,1e24", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(out.toFile());
        assertThat(json.get("bootstrap").get("scheme").asString()).isEqualTo("runs");
        assertThat(json.get("bootstrap").get("units").asInt()).isEqualTo(22);
        assertThat(json.get("parameters")).hasSize(5);
        for (JsonNode parameter : json.get("parameters")) {
            for (String space : List.of("log_space", "natural")) {
                JsonNode values = parameter.get(space);
                assertThat(values.get("estimate").asDouble()).as(values.get("name").asString())
                        .isBetween(values.get("low").asDouble(), values.get("high").asDouble());
                assertThat(values.get("standard_error").asDouble()).isPositive();
            }
        }
        JsonNode budgets = json.get("allocation").get("budgets");
        assertThat(budgets).hasSize(3);
        for (JsonNode budget : budgets) {
            for (String quantity : List.of("params", "tokens", "tokens_per_param")) {
                double estimate = budget.get("estimate").get(quantity).asDouble();
                assertThat(estimate).as("%s at %s", quantity, budget.get("compute"))
                        .isBetween(budget.get(quantity).get("low").asDouble(),
                                budget.get(quantity).get("high").asDouble());
            }
        }
        assertThat(json.get("provenance").get("data").asString()).isEqualTo("gemstones:hot");
    }

    @Test
    void pairsAndRunsDrawTheirOwnUnits() {
        CliRun pairs = CliRun.of("bootstrap", "--fit", hotFit.toString(), "--scheme", "pairs", "--resamples", "20",
                "--threads", "2");
        assertThat(pairs.exitCode()).as(pairs.err()).isZero();
        assertThat(pairs.out()).contains("pairs scheme: 220 points resampled");
        CliRun byParams = CliRun.of("bootstrap", "--fit", hotFit.toString(), "--run-key", "params", "--resamples",
                "20", "--threads", "2");
        assertThat(byParams.exitCode()).as(byParams.err()).isZero();
        assertThat(byParams.out()).contains("22 runs, one per distinct params (all points of a run drawn "
                + "together)");
    }

    /** Epoch's outlier rule is a transform of the fit: the bootstrap reloads the same 240 points. */
    @Test
    void aFitsTransformsAreReappliedToItsData() {
        Path epoch = folder.resolve("epoch.json");
        assertThat(CliRun.of("fit", "--data", "chinchilla:epoch", "--drop-highest-losses", "5", "--grid", "epoch",
                "--delta", "1e-3", "--threads", "2", "--out", epoch.toString()).exitCode()).isZero();
        CliRun run = CliRun.of("bootstrap", "--fit", epoch.toString(), "--scheme", "pairs", "--resamples", "30",
                "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("240 points");
    }

    /** A width–depth law is bootstrapped the same way; it has no closed-form allocation and says so. */
    @Test
    void aWidthDepthFitIsBootstrappedAndItsAllocationSkipped() throws Exception {
        RunTable table = new TableReader().read("gemstones:hot",
                ColumnRequest.of("width", "depth", "tokens", "loss"));
        Observations points = Observations.fromTable(table, LawForm.WIDTH_DEPTH.inputs(), "loss");
        LawFit fit = FitProblem.of(LawForm.WIDTH_DEPTH, points, 1e-3, HeldOutEvaluation.coarseGrid(3))
                .fit(LocalParallelism.withThreads(2), FitProgress.silent());
        Path file = folder.resolve("wd.json");
        Files.writeString(file, FitDocument.of(fit, new FitProvenance("gemstones:hot", table.contentHash(),
                List.of(), "test", ColumnMapping.gemstones().fileColumns()), new RunTiming(2, 0)).write());
        Path out = folder.resolve("wd-boot.json");
        CliRun run = CliRun.of("bootstrap", "--fit", file.toString(), "--resamples", "30", "--threads", "2",
                "--compute", "1e21", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("width-depth law").contains("allocation skipped").contains("alpha_width");
        JsonNode json = MAPPER.readTree(out.toFile());
        assertThat(json.get("parameters")).hasSize(7);
        assertThat(json.get("allocation").get("skipped").asString()).contains("no closed-form");
    }

    /**
     * A user's ladder of 3 widths × 3 depths, resampled by runs: a resample missing a width or a depth cannot
     * identify the width–depth law (the fit itself would refuse such data); the printout and the document say which.
     */
    @Test
    void resamplesThatCannotIdentifyTheLawAreNamedInThePrintoutAndTheDocument() throws Exception {
        StringBuilder csv = new StringBuilder("width,depth,tokens,final_loss\n");
        int row = 0;
        for (int width : new int[] {256, 1024, 2048}) {
            for (int depth : new int[] {6, 12, 24}) {
                for (int step = 1; step <= 5; step++) {
                    double tokens = step * 4e9;
                    double loss = (20 / Math.sqrt(width) + 1.5 / Math.sqrt(depth) + 400 * Math.pow(tokens, -0.3)
                            + 1.7) * (1 + 0.003 * Math.sin(row++));
                    csv.append(width).append(',').append(depth).append(',').append((long) tokens).append(',')
                            .append(loss).append('\n');
                }
            }
        }
        Path data = folder.resolve("ladder.csv");
        Files.writeString(data, csv);
        RunTable table = new TableReader().read(data.toString(), ColumnRequest.of("width", "depth", "tokens", "loss"));
        Observations points = Observations.fromTable(table, LawForm.WIDTH_DEPTH.inputs(), "loss");
        LawFit fit = FitProblem.of(LawForm.WIDTH_DEPTH, points, 1e-3, HeldOutEvaluation.coarseGrid(3))
                .fit(LocalParallelism.withThreads(2), FitProgress.silent());
        Path file = folder.resolve("ladder-fit.json");
        Files.writeString(file, FitDocument.of(fit, new FitProvenance(data.toString(), table.contentHash(),
                List.of(), "test", ColumnMapping.gemstones().fileColumns()), new RunTiming(2, 0)).write());
        Path out = folder.resolve("ladder-boot.json");
        CliRun run = CliRun.of("bootstrap", "--fit", file.toString(), "--resamples", "30", "--threads", "2",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode unidentified = MAPPER.readTree(out.toFile()).at("/bootstrap/unidentified_replicates");
        assertThat(unidentified.size()).isBetween(1, 29);
        assertThat(run.out()).contains("warning: " + unidentified.size() + " of 30 resamples cannot identify the "
                + "law").contains("replicates " + unidentified.get(0).asInt());
    }

    /** Runs of L = 1000/N^0.3 + 2000/D^0.3 (no floor): the fit warns that E is not identified. */
    @Test
    void aFloorTheFitCannotIdentifyIsMarkedInThePrintoutAndTheDocument() throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        for (double params : new double[] {1e7, 3e7, 1e8, 3e8, 1e9, 3e9}) {
            for (double tokens : new double[] {1e9, 3e9, 1e10, 3e10, 1e11}) {
                csv.append(params).append(',').append(tokens).append(',')
                        .append(1000 / Math.pow(params, 0.3) + 2000 / Math.pow(tokens, 0.3)).append('\n');
            }
        }
        Path runs = Files.writeString(folder.resolve("no-floor.csv"), csv);
        Path fit = folder.resolve("no-floor-fit.json");
        CliRun fitted = CliRun.of("fit", "--data", runs.toString(), "--no-store", "--out", fit.toString());
        assertThat(fitted.out()).as(fitted.err()).contains("E is not identified");
        Path out = folder.resolve("no-floor-boot.json");
        CliRun run = CliRun.of("bootstrap", "--fit", fit.toString(), "--resamples", "20", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^  log_E .*  \\*$").containsPattern("(?m)^  E .*  \\*$")
                .doesNotContainPattern("(?m)^  alpha .*\\*$")
                .contains("* not identified (the fit's warnings)");
        JsonNode floor = MAPPER.readTree(out.toFile()).get("parameters").get(4);
        assertThat(floor.get("log_space").get("not_identified").asString()).contains("not an uncertainty");
        assertThat(floor.get("natural").get("not_identified").asString()).contains("not an uncertainty");
        assertThat(MAPPER.readTree(out.toFile()).get("parameters").get(0).get("log_space").has("not_identified"))
                .isFalse();
    }

    @Test
    void dataThatIsNotTheFitsIsRefused() throws Exception {
        CliRun otherData = CliRun.of("bootstrap", "--fit", hotFit.toString(), "--data", "gemstones:lr_ablation_hot",
                "--resamples", "10");
        assertThat(otherData.exitCode()).isEqualTo(3);
        assertThat(otherData.err()).contains("SHA-256");
        ObjectNode tampered = (ObjectNode) MAPPER.readTree(hotFit.toFile());
        tampered.put("loss", tampered.get("loss").asDouble() * 1.001);
        Path edited = folder.resolve("tampered.json");
        Files.writeString(edited, MAPPER.writeValueAsString(tampered));
        CliRun run = CliRun.of("bootstrap", "--fit", edited.toString(), "--resamples", "10");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("tampered.json").contains("'loss'");
        Path gemstonesShape = folder.resolve("gemstones-shape.json");
        assertThat(CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--delta", "1e-3", "--format", "gemstones",
                "--out", gemstonesShape.toString()).exitCode()).isZero();
        CliRun noProvenance = CliRun.of("bootstrap", "--fit", gemstonesShape.toString(), "--resamples", "10");
        assertThat(noProvenance.exitCode()).isEqualTo(3);
        assertThat(noProvenance.err()).contains("provenance");
    }

    @Test
    void optionsThatDoNotGoTogetherAreUsageErrors() {
        assertThat(CliRun.of("bootstrap", "--fit", hotFit.toString(), "--delta", "1e-4").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bootstrap", "--fit", hotFit.toString(), "--scheme", "blocks").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bootstrap", "--fit", hotFit.toString(), "--level", "100").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bootstrap", "--data", "chinchilla:epoch", "--scheme", "runs").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bootstrap", "--resamples", "10").exitCode()).isEqualTo(2);
    }
}
