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

/**
 * A fit on data that cannot identify the law is not a success and says why; the warnings of a fit travel with its
 * law into every command that computes from it, beside the numbers.
 */
class IdentificationCommandTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String WARNING = "degenerate: irreducible error E = exp(-40) is negligible next to the "
            + "smallest loss 2.1; the law has no floor and E is not identified";

    @TempDir
    Path folder;

    /** Runs of L = 1.7 + 400/N^0.34 + 410/D^0.28 at the given (N, D). */
    private Path runs(String name, double[][] points) throws IOException {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        for (double[] p : points) {
            csv.append(p[0]).append(',').append(p[1]).append(',')
                    .append(1.7 + 400 / Math.pow(p[0], 0.34) + 410 / Math.pow(p[1], 0.28)).append('\n');
        }
        return Files.writeString(folder.resolve(name), csv);
    }

    private Path spread() throws IOException {
        double[][] points = new double[12][];
        int i = 0;
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8}) {
            for (double d : new double[] {1e9, 3e9, 1e10}) {
                points[i++] = new double[] {n, d};
            }
        }
        return runs("runs.csv", points);
    }

    private static JsonNode json(Path file) {
        return MAPPER.readTree(file.toFile());
    }

    /** {@code file} as if the fit had warned {@link #WARNING}. */
    private static Path withWarning(Path file) throws IOException {
        ObjectNode root = (ObjectNode) json(file);
        root.putArray("warnings").add(WARNING);
        Files.writeString(file, MAPPER.writeValueAsString(root));
        return file;
    }

    @Test
    void oneModelSizeIsNotIdentifiedExitsFiveAndWritesSuccessFalse() throws IOException {
        Path data = runs("one-size.csv", new double[][] {{1e8, 1e9}, {1e8, 2e9}, {1e8, 4e9}, {1e8, 8e9},
                {1e8, 1.6e10}, {1e8, 3.2e10}, {1e8, 6.4e10}});
        Path out = folder.resolve("fit.json");

        CliRun run = CliRun.of("fit", "--data", data.toString(), "--out", out.toString(), "--no-store");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
        assertThat(run.out()).contains("NOT IDENTIFIED").contains("constant input: params is 1.00000e+08");
        assertThat(run.err()).isEqualTo("scalefit fit: the data cannot identify the law (the reasons are in the "
                + "result on standard output)" + System.lineSeparator());
        assertThat(json(out).get("success").asBoolean()).isFalse();
        assertThat(json(out).get("status").asString()).isEqualTo("not_identified");
        assertThat(json(out).has("exponents")).isFalse();
    }

    @Test
    void aNotIdentifiedFitFileIsRefusedDownstreamWithItsStatus() throws IOException {
        Path data = runs("one-row.csv", new double[][] {{1e8, 1e9}});
        Path out = folder.resolve("fit.json");
        assertThat(CliRun.of("fit", "--data", data.toString(), "--out", out.toString(), "--no-store").exitCode())
                .isEqualTo(5);

        CliRun allocate = CliRun.of("allocate", "--law", out.toString(), "--compute", "1e21");

        assertThat(allocate.exitCode()).isEqualTo(3);
        assertThat(allocate.err()).contains("success").contains("status not_identified");
    }

    @Test
    void tokensBeyondThePhysicalRangeAreNotIdentifiedUnlessMaxTokensIsRaised() throws IOException {
        Path data = Files.writeString(folder.resolve("huge.csv"), Files.readString(spread())
                .replaceFirst("\n1.0E7,1.0E9,", "\n1.0E7,1.0E308,"));

        CliRun refused = CliRun.of("fit", "--data", data.toString(), "--threads", "2");
        CliRun accepted = CliRun.of("fit", "--data", data.toString(), "--threads", "2", "--max-tokens", "1e309");

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(5);
        assertThat(refused.out()).contains("outside physical range: tokens reaches 1.000e+308");
        assertThat(accepted.out()).doesNotContain("NOT IDENTIFIED");
    }

    @Test
    void theFitsWarningsAreShownByAllocatePredictAndBootstrap() throws IOException {
        Path data = spread();
        Path fit = folder.resolve("fit.json");
        assertThat(CliRun.of("fit", "--data", data.toString(), "--threads", "2", "--out", fit.toString())
                .exitCode()).isZero();
        withWarning(fit);
        Path allocation = folder.resolve("allocation.json");
        Path bootstrap = folder.resolve("bootstrap.json");

        CliRun allocate = CliRun.of("allocate", "--law", fit.toString(), "--compute", "1e21", "--out",
                allocation.toString());
        CliRun predict = CliRun.of("predict", "--fit", fit.toString(), "--at", "N=1e9,D=2e10");
        CliRun boot = CliRun.of("bootstrap", "--fit", fit.toString(), "--resamples", "4", "--threads", "2",
                "--out", bootstrap.toString());

        assertThat(allocate.exitCode()).as(allocate.err()).isZero();
        assertThat(allocate.err()).contains("caution: the fit in " + fit).contains(WARNING);
        assertThat(allocate.out()).doesNotContain(WARNING);
        assertThat(json(allocation).get("law_warnings").get(0).asString()).isEqualTo(WARNING);
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(predict.err()).contains(WARNING);
        assertThat(boot.exitCode()).as(boot.err()).isZero();
        assertThat(boot.out()).contains(WARNING);
        assertThat(json(bootstrap).get("law_warnings").get(0).asString()).isEqualTo(WARNING);
    }

    /** Gemstones' published width–depth law ({@link PublishedValues}), as if its fit had warned. */
    private Path widthDepthLaw() throws IOException {
        return withWarning(PublishedValues.copy(
                "gemstones/parameters_delta-3/approach_3_width_depth_grid_search_0_hot_100b+.json",
                folder.resolve("width-depth.json")));
    }

    @Test
    void theFitsWarningsAreShownByShapesAndParabola() throws IOException {
        Path law = widthDepthLaw();
        Path shapesOut = folder.resolve("shapes.json");
        Path parabolaOut = folder.resolve("parabola.json");

        CliRun shapes = CliRun.of("shapes", "--law", law.toString(), "--grid-points", "257,200,100", "--buckets", "3",
                "--flops", "1e19:1e23", "--threads", "2", "--out", shapesOut.toString());
        CliRun parabola = CliRun.of("parabola", "--law", law.toString(), "--rows", "3", "--factors", "-1:1",
                "--no-industry", "--threads", "2", "--out", parabolaOut.toString());

        assertThat(shapes.exitCode()).as(shapes.err()).isZero();
        assertThat(shapes.out()).contains(WARNING);
        assertThat(json(shapesOut).toString()).contains("\"law_warnings\":[\"" + WARNING + "\"]");
        assertThat(parabola.exitCode()).as(parabola.err()).isZero();
        assertThat(parabola.out()).contains(WARNING);
        assertThat(json(parabolaOut).toString()).contains("\"law_warnings\":[\"" + WARNING + "\"]");
    }
}
