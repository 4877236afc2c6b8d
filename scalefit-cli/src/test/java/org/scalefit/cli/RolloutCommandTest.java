package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.Observations;
import org.scalefit.data.RunKeys;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.StartGrid;
import org.scalefit.heldout.HeldOutEvaluation;
import org.scalefit.heldout.HeldOutFit;
import org.scalefit.heldout.HeldOutReport;
import org.scalefit.heldout.HoldOut;
import org.scalefit.heldout.ModelSizes;
import org.scalefit.heldout.SizeError;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.TableReader;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


/**
 * Held-out evaluation by model size on Gemstones' hot runs (22 shapes, 10 checkpoints each), checked against fits
 * made directly on tables filtered here, independently of the model-size grouping.
 */
class RolloutCommandTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final StartGrid GRID = HeldOutEvaluation.coarseGrid(2);

    @TempDir
    static Path folder;

    private static RunTable table;
    private static Observations points;
    private static ModelSizes sizes;

    @BeforeAll
    static void read() {
        table = new TableReader().read("gemstones:hot", ColumnRequest.of("params", "tokens", "loss", "width",
                "depth"));
        points = Observations.fromTable(table, LawForm.CHINCHILLA.inputs(), "loss");
        double[] width = table.column("width");
        double[] depth = table.column("depth");
        double[][] keys = new double[table.rows()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new double[] {width[i], depth[i]};
        }
        sizes = ModelSizes.of(RunKeys.of(keys), table.column("params"));
    }

    private static LawFit fitDirectly(Observations observations) {
        return FitProblem.of(LawForm.CHINCHILLA, observations, 1e-3, GRID)
                .fit(LocalParallelism.withThreads(2), FitProgress.silent());
    }

    /** The rows of the table whose (width, depth) is not the given shape, as the fit's points. */
    private static Observations without(double width, double depth) {
        double[] widths = table.column("width");
        double[] depths = table.column("depth");
        double[] params = table.column("params");
        double[] tokens = table.column("tokens");
        double[] losses = table.column("loss");
        List<double[]> inputs = new ArrayList<>();
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < table.rows(); i++) {
            if (widths[i] != width || depths[i] != depth) {
                inputs.add(new double[] {params[i], tokens[i]});
                kept.add(losses[i]);
            }
        }
        return new Observations(table.source(), LawForm.CHINCHILLA.inputs(), inputs.toArray(double[][]::new),
                kept.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void leaveOneSizeOutFitsAreFitsOnTheTableWithoutThatShape() {
        HeldOutReport report = HeldOutEvaluation.of(LawForm.CHINCHILLA, 1e-3, GRID).run(HoldOut.LEAVE_ONE_SIZE_OUT,
                points, sizes, new int[0], LocalParallelism.withThreads(2), FitProgress.silent());
        assertThat(sizes.count()).isEqualTo(22);
        assertThat(report.fits()).hasSize(22);
        assertThat(report.failedFits()).isZero();
        for (HeldOutFit fit : report.fits()) {
            assertThat(fit.fit().points()).isEqualTo(210);
            assertThat(fit.errors()).hasSize(1);
            assertThat(fit.errors().get(0).meanPercentError()).isFinite().isPositive();
            assertThat(fit.errors().get(0).maxPercentError()).isFinite();
        }
        assertThat(report.reference().errors()).hasSize(22);
        for (int size : new int[] {7, 21}) {
            double[] shape = sizes.key(size);
            LawFit direct = fitDirectly(without(shape[0], shape[1]));
            HeldOutFit heldOut = report.fits().get(size);
            assertThat(heldOut.fit().parameters()).containsExactly(direct.parameters());
            double[] widths = table.column("width");
            double[] depths = table.column("depth");
            double[] params = table.column("params");
            double[] tokens = table.column("tokens");
            double[] losses = table.column("loss");
            double sum = 0;
            int count = 0;
            for (int i = 0; i < table.rows(); i++) {
                if (widths[i] == shape[0] && depths[i] == shape[1]) {
                    double predicted = LawForm.CHINCHILLA.predict(direct.parameters(), params[i], tokens[i]);
                    sum += 100 * Math.abs(predicted - losses[i]) / losses[i];
                    count++;
                }
            }
            assertThat(count).isEqualTo(10);
            SizeError error = heldOut.errors().get(0);
            assertThat(error.size()).isEqualTo(size);
            assertThat(error.meanPercentError()).isCloseTo(sum / count, within(1e-9));
        }
    }

    @Test
    void rolloutFitsOnTheSmallestSizesAndPredictsEveryLargerOne() {
        HeldOutReport report = HeldOutEvaluation.of(LawForm.CHINCHILLA, 1e-3, GRID).run(HoldOut.ROLLOUT, points,
                sizes, new int[] {6, 12}, LocalParallelism.withThreads(2), FitProgress.silent());
        HeldOutFit six = report.fits().get(0);
        assertThat(six.fittedSizes()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(six.errors()).extracting(SizeError::size).containsExactly(6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21);
        double sixth = sizes.scale(5);
        RunTable smallest = table.withRowsBetween("params", 0, sixth);
        LawFit direct = fitDirectly(Observations.fromTable(smallest, LawForm.CHINCHILLA.inputs(), "loss"));
        assertThat(smallest.rows()).isEqualTo(60);
        assertThat(six.fit().parameters()).containsExactly(direct.parameters());
        assertThat(report.fits().get(1).errors()).hasSize(10);
    }

    /**
     * One thread writes the document two threads wrote: the golden rollout.json, which
     * {@link GoldenResultDocumentsTest#theRolloutDocumentIsTheGoldenOne} checks the same command on two threads against.
     */
    @Test
    void rolloutCommandWritesTheSameBytesOnOneAndTwoThreads() throws Exception {
        Path one = folder.resolve("rollout.json");
        CliRun first = CliRun.of("rollout", "--data", "gemstones:hot", "--law", "chinchilla", "--delta", "1e-3",
                "--grid", "coarse", "--threads", "1", "--out", one.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("leave-one-size-out").contains("22 model sizes").contains("768x3");
        String written = Files.readString(one);
        assertThat(GoldenDocumentsTest.result(written.replace(folder + File.separator, "")))
                .isEqualTo(GoldenDocumentsTest.result(GoldenDocumentsTest.golden("rollout.json")));
        JsonNode a = MAPPER.readTree(written);
        assertThat(a.get("sizes")).hasSize(22);
        assertThat(a.get("fits")).hasSize(22);
        for (JsonNode fit : a.get("fits")) {
            assertThat(fit.get("fitted_points").asInt()).isEqualTo(210);
            assertThat(fit.get("predicted").get(0).get("points")).hasSize(10);
        }
    }

    /** The extrapolation a roll-out measures: how many decades of params the largest size lies above those fitted. */
    @Test
    void rolloutSaysHowFarTheHeldOutSizesLieBeyondTheFittedSizesRange() throws Exception {
        Path out = folder.resolve("rollout-k.json");
        CliRun run = CliRun.of("rollout", "--data", "gemstones:hot", "--delta", "1e-3", "--grid", "coarse",
                "--mode", "rollout", "--smallest", "10", "--threads", "2", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode document = MAPPER.readTree(out.toFile());
        JsonNode sizes = document.get("sizes");
        JsonNode predicted = document.get("fits").get(0).get("predicted");
        JsonNode largest = predicted.get(predicted.size() - 1);
        double expected = Math.log10(sizes.get(21).get("params").asDouble() / sizes.get(9).get("params").asDouble());

        assertThat(largest.get("decades_outside").get("params").asDouble()).isCloseTo(expected,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(run.out()).contains(String.format(java.util.Locale.ROOT, "(params %+.2f)", expected));
    }

    @Test
    void rolloutModeReportsEachKAndRejectsBadOptions() {
        CliRun run = CliRun.of("rollout", "--data", "gemstones:hot", "--delta", "1e-3", "--grid", "coarse",
                "--mode", "rollout", "--smallest", "10,20", "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("rollout of the chinchilla law").contains("3072x12");
        assertThat(CliRun.of("rollout", "--data", "gemstones:hot", "--mode", "sideways").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("rollout", "--data", "gemstones:hot", "--smallest", "3").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("rollout", "--data", "gemstones:hot", "--mode", "rollout", "--smallest", "22",
                "--grid", "coarse").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("rollout", "--data", "gemstones:hot", "--size-key", "nope").exitCode()).isEqualTo(3);
    }
    /**
     * A width/depth/tokens table has no params column: the width–depth law's sizes are ordered by width²·depth, the
     * non-embedding parameter count up to a constant (Kaplan et al. 2020 §2.1, N ≈ 12·depth·width²).
     */
    @Test
    void widthDepthRolloutWithoutParamsOrdersTheSizesByWidthSquaredTimesDepth() throws Exception {
        StringBuilder csv = new StringBuilder("width,depth,tokens,loss\n");
        int[][] shapes = {{1024, 4}, {256, 8}, {512, 6}, {768, 10}, {1280, 12}, {1536, 16}};
        for (int[] shape : shapes) {
            for (double tokens : new double[] {1e9, 2e9, 4e9, 8e9, 1.6e10}) {
                double loss = 1.8 + Math.exp(3) * Math.pow(shape[0], -0.3) + Math.exp(2) * Math.pow(shape[1], -0.2)
                        + Math.exp(6) * Math.pow(tokens, -0.3);
                csv.append(shape[0]).append(',').append(shape[1]).append(',').append(tokens).append(',')
                        .append(loss).append('\n');
            }
        }
        Path data = java.nio.file.Files.writeString(folder.resolve("width-depth.csv"), csv);
        Path out = folder.resolve("rollout-width-depth.json");

        CliRun run = CliRun.of("rollout", "--data", data.toString(), "--law", "width-depth", "--delta", "1e-3",
                "--grid", "coarse", "--mode", "rollout", "--smallest", "4", "--threads", "2", "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("ordered by width^2*depth");
        JsonNode sizes = MAPPER.readTree(out.toFile()).get("sizes");
        assertThat(MAPPER.readTree(out.toFile()).get("size_order").asString()).isEqualTo("width^2*depth");
        double[] expected = {256.0 * 256 * 8, 512.0 * 512 * 6, 1024.0 * 1024 * 4, 768.0 * 768 * 10,
                1280.0 * 1280 * 12, 1536.0 * 1536 * 16};
        for (int s = 0; s < expected.length; s++) {
            assertThat(sizes.get(s).get("width^2*depth").asDouble()).isEqualTo(expected[s]);
        }
    }
}
