package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The physical limits a fit was made under ({@code --max-params}, {@code --max-tokens}) travel with its document, and
 * {@code bootstrap --fit} checks the reloaded points against them, not against the defaults.
 */
class FitLimitsBootstrapTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path folder;

    /** 4 sizes up to 3·10¹⁵ parameters (beyond the default limit of 10¹⁵) × 3 token counts. */
    private Path largeRuns() throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        int i = 0;
        for (double n : new double[] {1e14, 3e14, 1e15, 3e15}) {
            for (double d : new double[] {1e13, 3e13, 1e14}) {
                double wobble = 1 + 0.001 * ((i++ % 3) - 1);
                csv.append(n).append(',').append(d).append(',')
                        .append((1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(d, 0.28)) * wobble).append('\n');
            }
        }
        return Files.writeString(folder.resolve("large.csv"), csv.toString());
    }

    @Test
    void aFitDocumentRecordsTheLimitsItWasMadeUnder() throws Exception {
        Path out = folder.resolve("fit.json");

        CliRun fit = CliRun.of("fit", "--data", largeRuns().toString(), "--max-params", "1e16", "--threads", "2",
                "--out", out.toString(), "--no-store");

        assertThat(fit.exitCode()).as(fit.err()).isZero();
        JsonNode limits = MAPPER.readTree(out.toFile()).get("limits");
        assertThat(limits.get("max_params").asDouble()).isEqualTo(1e16);
        assertThat(limits.get("max_tokens").asDouble()).isEqualTo(1e16);
        assertThat(fit.out()).doesNotContain("NOT IDENTIFIED");
    }

    @Test
    void bootstrapOfAFitMadeUnderRaisedLimitsChecksItsPointsUnderThem() throws Exception {
        Path out = folder.resolve("fit.json");
        CliRun fit = CliRun.of("fit", "--data", largeRuns().toString(), "--max-params", "1e16", "--threads", "2",
                "--out", out.toString(), "--no-store");
        assertThat(fit.exitCode()).as(fit.err()).isZero();

        CliRun bootstrap = CliRun.of("bootstrap", "--fit", out.toString(), "--resamples", "4", "--threads", "2");

        assertThat(bootstrap.exitCode()).as(bootstrap.err()).isZero();
        assertThat(bootstrap.err()).doesNotContain("cannot identify");
    }

    @Test
    void bootstrapRefusesPointsBeyondTheLimitsItsFitRecords() throws Exception {
        Path out = folder.resolve("fit.json");
        CliRun fit = CliRun.of("fit", "--data", largeRuns().toString(), "--max-params", "1e16", "--threads", "2",
                "--out", out.toString(), "--no-store");
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        ObjectNode document = (ObjectNode) MAPPER.readTree(out.toFile());
        ((ObjectNode) document.get("limits")).put("max_params", 1e15);
        Path edited = Files.writeString(folder.resolve("edited.json"), document.toString());

        CliRun bootstrap = CliRun.of("bootstrap", "--fit", edited.toString(), "--resamples", "4", "--threads", "2");

        assertThat(bootstrap.exitCode()).as(bootstrap.err()).isEqualTo(5);
        assertThat(bootstrap.err()).contains("cannot identify", "params");
    }

    @Test
    void aFitDocumentWithoutLimitsIsCheckedUnderTheDefaults() throws Exception {
        Path out = folder.resolve("fit.json");
        CliRun fit = CliRun.of("fit", "--data", largeRuns().toString(), "--max-params", "1e16", "--threads", "2",
                "--out", out.toString(), "--no-store");
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        ObjectNode document = (ObjectNode) MAPPER.readTree(out.toFile());
        document.remove("limits");
        Path old = Files.writeString(folder.resolve("old.json"), document.toString());

        CliRun bootstrap = CliRun.of("bootstrap", "--fit", old.toString(), "--resamples", "4", "--threads", "2");

        assertThat(bootstrap.exitCode()).as(bootstrap.err()).isEqualTo(5);
        assertThat(bootstrap.err()).contains("the defaults: the fit records none", "\"limits\"");
    }

    @Test
    void aFitUnderTheDefaultLimitsRecordsNoneAndIsBootstrapped() throws Exception {
        Path out = folder.resolve("fit.json");
        Path data = Files.writeString(folder.resolve("runs.csv"), UserRunsCommandTest.runs("params,tokens,loss",
                ","));
        CliRun fit = CliRun.of("fit", "--data", data.toString(), "--threads", "2", "--out", out.toString(),
                "--no-store");
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        assertThat(MAPPER.readTree(out.toFile()).has("limits")).isFalse();

        CliRun bootstrap = CliRun.of("bootstrap", "--fit", out.toString(), "--resamples", "4", "--threads", "2");

        assertThat(bootstrap.exitCode()).as(bootstrap.err()).isZero();
    }
}
