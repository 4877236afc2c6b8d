package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's nine runs (three sizes × three token counts) barely identify the law, so most bootstrap resamples cannot
 * (they miss a size or leave five or fewer distinct points): the bands of {@code shapes --bootstrap} and
 * {@code parabola --bootstrap} carry those replicates, as {@code bootstrap --fit} lists them, and say so.
 */
class BandsOfUnidentifiedReplicatesTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String[] SMALL_GRID = {"--grid-points", "65,40,30", "--buckets", "3", "--flops",
        "1e19:1e22", "--threads", "2"};

    @TempDir
    Path folder;

    private Path fit;
    private Path bootstrap;
    private JsonNode unidentified;

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isZero();
        return run;
    }

    private static String[] withGrid(String... head) {
        String[] all = java.util.Arrays.copyOf(head, head.length + SMALL_GRID.length);
        System.arraycopy(SMALL_GRID, 0, all, head.length, SMALL_GRID.length);
        return all;
    }

    @BeforeEach
    void fitAndBootstrapNineRuns() throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        int i = 0;
        for (double n : new double[] {1e7, 1e8, 1e9}) {
            for (double d : new double[] {2e8, 3e9, 3e10}) {
                csv.append(String.format(Locale.ROOT, "%g,%g,%.5f%n", n, d, (1.69 + 406.4 / Math.pow(n, 0.34)
                        + 410.7 / Math.pow(d, 0.28)) * (1 + 0.004 * Math.sin(7 * i++))));
            }
        }
        Path data = Files.writeString(folder.resolve("runs.csv"), csv);
        fit = folder.resolve("fit.json");
        bootstrap = folder.resolve("boot.json");
        ok("fit", "--data", data.toString(), "--out", fit.toString(), "--threads", "2", "--no-store");
        ok("bootstrap", "--fit", fit.toString(), "--resamples", "12", "--draws", "--out", bootstrap.toString(),
                "--threads", "2");
        unidentified = MAPPER.readTree(bootstrap.toFile()).get("bootstrap").get("unidentified_replicates");
        assertThat(unidentified.size()).isPositive();
    }

    @Test
    void shapeBandsCarryTheReplicatesThatCouldNotIdentifyTheLaw() throws Exception {
        Path out = folder.resolve("shapes.json");

        CliRun run = ok(withGrid("shapes", "--law", fit.toString(), "--bootstrap", bootstrap.toString(), "--out",
                out.toString()));

        JsonNode bands = MAPPER.readTree(out.toFile()).get("laws").get(0).get("bands");
        assertThat(bands.get("unidentified_replicates")).isEqualTo(unidentified);
        assertThat(run.out()).contains("caution: " + unidentified.size() + " of 12 bootstrap replicates cannot "
                + "identify the law");
    }

    @Test
    void parabolaBandsCarryTheReplicatesThatCouldNotIdentifyTheLaw() throws Exception {
        Path out = folder.resolve("parabola.json");

        CliRun run = ok(withGrid("parabola", "--law", fit.toString(), "--bootstrap", bootstrap.toString(), "--rows",
                "1", "--factors", "-1:1", "--no-industry", "--out", out.toString()));

        JsonNode bands = MAPPER.readTree(out.toFile()).get("bands");
        assertThat(bands.get("unidentified_replicates")).isEqualTo(unidentified);
        assertThat(run.out()).contains("caution: " + unidentified.size() + " of 12 bootstrap replicates cannot "
                + "identify the law");
    }
}
