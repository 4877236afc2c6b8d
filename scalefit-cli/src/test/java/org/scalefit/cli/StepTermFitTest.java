package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An IsoFLOP ladder whose best Chinchilla fit is converged and stationary with a tokens term that acts as a step
 * (β ≈ 66, B = e^1333): {@code fit} says so in its output and in its document, and the commands that compute from
 * the fit pass the warning on.
 */
class StepTermFitTest {

    @TempDir
    static Path folder;

    private static CliRun fit;
    private static JsonNode document;
    private static Path result;
    private static Path data;

    @BeforeAll
    static void fitTheLadder() throws Exception {
        Path data;
        try (InputStream in = StepTermFitTest.class.getResourceAsStream("isoflop-step.csv")) {
            data = Files.write(folder.resolve("isoflop-step.csv"), in.readAllBytes());
        }
        StepTermFitTest.data = data;
        result = folder.resolve("fit.json");
        fit = CliRun.of("fit", "--data", data.toString(), "--delta", "1e-3", "--threads", "2", "--no-store",
                "--no-cache", "--out", result.toString());
        document = JsonMapper.builder().build().readTree(result.toFile());
    }

    @Test
    void theFitConvergesToTheStep() {
        assertThat(fit.exitCode()).isZero();
        assertThat(document.get("status").asString()).isEqualTo("converged");
        assertThat(document.get("exponents").get(1).asDouble()).isGreaterThan(30);
    }

    @Test
    void theOutputSaysTheTokensTermActsAsAStep() {
        assertThat(fit.out()).contains("warning: degenerate: the tokens term acts as a step");
    }

    @Test
    void theDocumentCarriesTheStepWarning() {
        assertThat(document.get("warnings").values()).anySatisfy(warning -> assertThat(warning.asString())
                .startsWith("degenerate: the tokens term acts as a step"));
    }

    @Test
    void anInfiniteNaturalScaleCoefficientIsExplainedByAWarning() {
        assertThat(document.get("natural_scale").get("B").asString()).isEqualTo("Infinity");
        assertThat(document.get("warnings").values()).anySatisfy(warning -> assertThat(warning.asString())
                .startsWith("overflow: the coefficient of tokens is exp(13"));
    }

    @Test
    void theOutputWritesACoefficientBeyondADoubleAsItsExponential() {
        assertThat(fit.out()).containsPattern("B = exp\\(13\\d\\d\\.\\d+\\)").doesNotContain("B = Infinity");
    }

    @Test
    void predictionsFromTheFitCarryTheStepWarning() {
        CliRun predict = CliRun.of("predict", "--fit", result.toString(), "--at", "params=1e9,tokens=2e10");
        assertThat(predict.exitCode()).isZero();
        assertThat(predict.err()).contains("degenerate: the tokens term acts as a step");
    }

    @Test
    void aRolloutSaysTheFitOnEverySizeActsAsAStep() {
        CliRun rollout = CliRun.of("rollout", "--data", data.toString(), "--mode", "rollout", "--smallest", "21",
                "--threads", "2");
        assertThat(rollout.exitCode()).isZero();
        assertThat(rollout.out()).contains("caution: the fit on every size warned:")
                .contains("  degenerate: the tokens term acts as a step");
    }
}
