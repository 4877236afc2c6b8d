package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code scalefit rollout} of laws written as text, named in the law language, or read from a law file. */
class RolloutWrittenLawTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String CHINCHILLA_TEXT = "E + A/N^alpha + B/D^beta";

    @TempDir
    Path folder;

    /** Runs of L = (1.69 + 406.4/N^0.34 + 410.7/D^0.28)·(1 + 0.01·sin 3i) at each size and 2e9 … 2.6e11 tokens. */
    private Path table(double... sizes) throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        int i = 0;
        for (double n : sizes) {
            for (double d = 2e9; d < 3e11; d *= 2) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", n, d,
                        (1.69 + 406.4 * Math.pow(n, -0.34) + 410.7 * Math.pow(d, -0.28)) * (1 + 0.01
                                * Math.sin(3 * i++))));
            }
        }
        return Files.writeString(folder.resolve(sizes.length + "-sizes.csv"), csv);
    }

    @Test
    void theDataConstrainedLawRollsOutOnDatablationsData() throws Exception {
        Path out = folder.resolve("data-constrained.json");

        CliRun run = CliRun.of("rollout", "--data", "datablations:c4_published_fit", "--law", "data-constrained",
                "--mode", "rollout", "--smallest", "10", "--threads", "2", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("rollout of the data-constrained law on datablations:c4_published_fit: "
                + "182 points in 20 model sizes");
        JsonNode document = MAPPER.readTree(out.toFile());
        assertThat(document.get("law").asString()).isEqualTo("data-constrained");
        assertThat(document.get("inputs").toString()).isEqualTo("[\"params\",\"tokens\",\"unique_tokens\"]");
        JsonNode fit = document.get("fits").get(0);
        assertThat(fit.get("status").asString()).isEqualTo("converged");
        assertThat(fit.get("parameters").has("R_D_star")).isTrue();
        assertThat(fit.get("parameters").has("R_N_star")).isTrue();
        assertThat(fit.get("predicted")).hasSize(10);
        assertThat(fit.get("predicted").get(0).get("decades_outside").has("unique_tokens")).isTrue();
        assertThat(fit.get("mean_percent_error").asDouble()).isFinite().isPositive();
    }

    @Test
    void aLawWrittenAsTextIsNamedByItsTextWithItsParametersByName() throws Exception {
        Path out = folder.resolve("text.json");

        CliRun run = CliRun.of("rollout", "--data", table(2e7, 4e7, 8e7, 1.6e8, 3.2e8).toString(), "--law",
                CHINCHILLA_TEXT, "--log", "E,A,B", "--mode", "rollout", "--smallest", "3", "--threads", "2",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("rollout of the " + CHINCHILLA_TEXT + " law on")
                .contains("log residuals, huber, δ = 1e-3");
        JsonNode document = MAPPER.readTree(out.toFile());
        assertThat(document.get("law").asString()).isEqualTo(CHINCHILLA_TEXT);
        assertThat(document.get("expression").asString()).isEqualTo(CHINCHILLA_TEXT);
        assertThat(document.get("law_file").get("parameters").get("A").get("scale").asString()).isEqualTo("log");
        List<String> names = new ArrayList<>();
        document.get("fits").get(0).get("parameters").propertyNames().forEach(names::add);
        assertThat(names).containsExactly("E", "A", "alpha", "B", "beta");
        assertThat(document.get("reference").get("status").asString()).isEqualTo("converged");
    }

    @Test
    void aWrittenLawNotIdentifiedOnTheSmallestSizesIsNamedBesideItsReasons() throws Exception {
        CliRun run = CliRun.of("rollout", "--data", table(2e7, 4e7, 8e7, 1.6e8, 3.2e8).toString(), "--law",
                CHINCHILLA_TEXT, "--log", "E,A,B", "--mode", "rollout", "--smallest", "1,3", "--threads", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^ +1 20000000 +2\\.000e\\+07 +NOT IDENTIFIED$")
                .contains("k = 1: not identified").doesNotContain("k = 3:");
    }

    @Test
    void whenNoHeldOutFitCanIdentifyAWrittenLawTheRunExitsFive() throws Exception {
        Path out = folder.resolve("none.json");

        CliRun run = CliRun.of("rollout", "--data", table(2e7, 4e7).toString(), "--law", CHINCHILLA_TEXT,
                "--log", "E,A,B", "--threads", "1", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).contains("no held-out fit could identify the law");
        assertThat(MAPPER.readTree(out.toFile()).get("fits").get(0).get("status").asString())
                .isEqualTo("not_identified");
    }

    @Test
    void aBadLawExitsTwoAndWritesNothing() throws Exception {
        Path data = table(2e7, 4e7, 8e7);
        Path out = folder.resolve("bad.json");

        CliRun unbalanced = CliRun.of("rollout", "--data", data.toString(), "--law", "E + A/(N^alpha",
                "--out", out.toString());
        CliRun missing = CliRun.of("rollout", "--data", data.toString(), "--law", "E + A/X^alpha", "--input",
                "X=width", "--out", out.toString());

        assertThat(unbalanced.exitCode()).as(unbalanced.err()).isEqualTo(2);
        assertThat(missing.exitCode()).as(missing.err()).isEqualTo(2);
        assertThat(missing.err()).contains("input 'X' reads column 'width'");
        assertThat(out).doesNotExist();
    }

    @Test
    void badDataForAWrittenLawExitsThree() throws Exception {
        Path data = Files.writeString(folder.resolve("bad-loss.csv"), "params,tokens,loss\n1e8,1e9,3.1\n"
                + "2e8,1e9,three\n");

        CliRun run = CliRun.of("rollout", "--data", data.toString(), "--law", CHINCHILLA_TEXT);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    }

    @Test
    void optionsOfTheOtherKindOfLawExitTwo() throws Exception {
        String data = table(2e7, 4e7, 8e7).toString();

        assertThat(CliRun.of("rollout", "--data", data, "--law", "chinchilla", "--log", "E").exitCode())
                .isEqualTo(2);
        assertThat(CliRun.of("rollout", "--data", data, "--law", CHINCHILLA_TEXT, "--grid", "coarse").exitCode())
                .isEqualTo(2);
        assertThat(CliRun.of("rollout", "--data", data, "--law", CHINCHILLA_TEXT, "--drop-highest-losses", "1")
                .exitCode()).isEqualTo(2);
        assertThat(CliRun.of("rollout", "--data", data, "--law", CHINCHILLA_TEXT, "--bootstrap", "10")
                .exitCode()).isEqualTo(2);
    }

    /** As fit: without a tokens_per_param column, gadre-overtraining's M is tokens/params, and provenance says so. */
    @Test
    void gadreOvertrainingDerivesTokensPerParamAsFitDoes() throws Exception {
        Path out = folder.resolve("gadre.json");

        CliRun run = CliRun.of("rollout", "--data", table(2e7, 4e7, 8e7, 1.6e8).toString(), "--law",
                "gadre-overtraining", "--mode", "rollout", "--smallest", "3", "--threads", "2", "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("= tokens/params (no tokens_per_param column");
        JsonNode document = MAPPER.readTree(out.toFile());
        assertThat(document.get("provenance").get("transforms").toString()).contains("tokens_per_param=tokens/params");
        assertThat(document.get("inputs").toString()).contains("tokens_per_param");
    }
}
