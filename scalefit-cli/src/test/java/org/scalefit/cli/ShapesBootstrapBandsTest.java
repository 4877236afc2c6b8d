package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.ShapeSearchDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code scalefit shapes --bootstrap}: the bands of a law's prescriptions are, bucket by bucket and quantity by
 * quantity, the percentiles (NumPy's linear interpolation) of the optima that each bootstrap replicate's law has when
 * it is searched on its own; a bootstrap of another fit, or one without its draws, is refused before anything is
 * written.
 */
class ShapesBootstrapBandsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String[] SMALL_GRID = {"--grid-points", "65,40,30", "--buckets", "3", "--flops",
            "1e19:1e22", "--threads", "2"};

    @TempDir
    Path folder;

    private Path fit;
    private Path bootstrap;

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isZero();
        return run;
    }

    private static String[] with(String[] head, String... tail) {
        String[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @BeforeEach
    void fitAndBootstrapOwnRuns() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), OwnRunsWorkflowTest.runs());
        fit = folder.resolve("fit.json");
        bootstrap = folder.resolve("boot.json");
        ok("fit", "--data", data.toString(), "--out", fit.toString(), "--threads", "2", "--no-store");
        ok("bootstrap", "--fit", fit.toString(), "--resamples", "12", "--draws", "--out", bootstrap.toString(),
                "--threads", "2");
    }

    @Test
    void eachBandIsThePercentileOfTheReplicatesOwnOptima() throws Exception {
        Path out = folder.resolve("shapes.json");
        CliRun run = ok(with(new String[] {"shapes", "--law", fit.toString(), "--bootstrap", bootstrap.toString(),
                "--out", out.toString()}, SMALL_GRID));
        JsonNode bands = MAPPER.readTree(out.toFile()).get("laws").get(0).get("bands");
        JsonNode draws = MAPPER.readTree(bootstrap.toFile()).get("draws");
        assertThat(bands.get("replicates_used").asInt()).isEqualTo(draws.size());
        assertThat(bands.get("level").asDouble()).isEqualTo(95.0);

        List<JsonNode> alone = new ArrayList<>();
        for (int r = 0; r < draws.size(); r++) {
            alone.add(optimaOfLawAlone(draws.get(r), r));
        }
        JsonNode buckets = bands.get("buckets");
        assertThat(buckets.size()).isEqualTo(3);
        for (int b = 0; b < buckets.size(); b++) {
            for (String quantity : List.of("width", "depth", "tokens", "params", "loss")) {
                double[] values = new double[alone.size()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = alone.get(r).get(b).get(quantity).asDouble();
                }
                JsonNode band = buckets.get(b).get(quantity);
                assertThat(band.get("low").asDouble()).as("bucket %d %s", b, quantity)
                        .isEqualTo(percentile(values, 2.5));
                assertThat(band.get("median").asDouble()).isEqualTo(percentile(values, 50));
                assertThat(band.get("high").asDouble()).isEqualTo(percentile(values, 97.5));
            }
        }
        assertThat(run.out()).contains("95 % bootstrap band").contains("12 replicates");
        ShapeSearchDocument.Bands read = ShapeSearchDocument.read(out).laws().get(0).bands();
        assertThat(read.source().replicatesUsed()).isEqualTo(12);
        assertThat(read.source().bootstrap()).isEqualTo(bootstrap.toString());
        assertThat(read.buckets()).hasSize(3);
    }

    /** The per-bucket optima of replicate r's law, written as a fit file of its own and searched alone. */
    private JsonNode optimaOfLawAlone(JsonNode draw, int r) throws Exception {
        ObjectNode law = (ObjectNode) MAPPER.readTree(fit.toFile());
        ArrayNode exponents = MAPPER.createArrayNode().add(draw.get(0).asDouble()).add(draw.get(1).asDouble());
        ArrayNode coefficients = MAPPER.createArrayNode().add(draw.get(2).asDouble()).add(draw.get(3).asDouble());
        law.set("exponents", exponents);
        law.set("coefficients", coefficients);
        law.put("irreducible_error", draw.get(4).asDouble());
        Path file = folder.resolve("replicate-" + r + ".json");
        Files.writeString(file, MAPPER.writeValueAsString(law));
        Path out = folder.resolve("replicate-" + r + "-shapes.json");
        ok(with(new String[] {"shapes", "--law", file.toString(), "--out", out.toString()}, SMALL_GRID));
        return MAPPER.readTree(out.toFile()).get("laws").get(0).get("optima");
    }

    /** np.percentile(values, p): linear interpolation between order statistics. */
    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * p / 100;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    @Test
    void theCsvHasLowMedianAndHighLinesAfterEachGridOptimum() throws Exception {
        Path csv = folder.resolve("shapes.csv");
        ok(with(new String[] {"shapes", "--law", fit.toString(), "--bootstrap", bootstrap.toString(), "--csv",
                csv.toString()}, SMALL_GRID));
        List<String> kinds = Files.readAllLines(csv).stream().skip(1).map(line -> line.split(",")[5]).toList();
        assertThat(kinds).containsExactly("grid", "band_low", "band_median", "band_high", "grid", "band_low",
                "band_median", "band_high", "grid", "band_low", "band_median", "band_high");
    }

    @Test
    void aBootstrapOfAnotherFitIsRefusedNamingBothFits() throws Exception {
        Path other = folder.resolve("other.json");
        JsonNode changed = ((ObjectNode) MAPPER.readTree(fit.toFile())).put("irreducible_error", 0.5);
        Files.writeString(other, MAPPER.writeValueAsString(changed));
        Path out = folder.resolve("shapes.json");
        CliRun run = CliRun.of(with(new String[] {"shapes", "--law", other.toString(), "--bootstrap",
                bootstrap.toString(), "--out", out.toString()}, SMALL_GRID));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(bootstrap.toString()).contains("fit_sha256").contains(other.toString())
                .contains(fit.toString());
        assertThat(out).doesNotExist();
    }

    @Test
    void aBootstrapWithoutDrawsIsRefusedSayingHowToWriteOne() {
        Path plain = folder.resolve("plain.json");
        ok("bootstrap", "--fit", fit.toString(), "--resamples", "4", "--out", plain.toString());
        Path out = folder.resolve("shapes.json");
        CliRun run = CliRun.of(with(new String[] {"shapes", "--law", fit.toString(), "--bootstrap", plain.toString(),
                "--out", out.toString()}, SMALL_GRID));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(plain.toString()).contains("--draws");
        assertThat(out).doesNotExist();
    }
}
