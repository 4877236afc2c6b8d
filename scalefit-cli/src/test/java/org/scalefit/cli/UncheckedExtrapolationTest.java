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
 * {@code allocate} and {@code predict} from a law whose runs' range is unknown (a reference law, a fit file without
 * {@code data_range}) say so once, rather than giving no extrapolation warning in silence.
 */
class UncheckedExtrapolationTest {

    private static final String CANNOT = "so extrapolation cannot be checked";

    @TempDir
    Path folder;

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void allocateFromAReferenceLawSaysOnceThatItsRangeIsUnknownOnStandardErrorAndInTheDocument() throws Exception {
        Path out = folder.resolve("alloc.json");

        CliRun run = CliRun.of("allocate", "--law", "chinchilla", "--compute", "1e21,1e23,1e40", "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(occurrences(run.err(), CANNOT)).as(run.err()).isEqualTo(1);
        JsonNode document = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(document.path("extrapolation_unchecked").asText()).startsWith("the range of the runs chinchilla")
                .endsWith(CANNOT);
    }

    @Test
    void allocateFromAFitWithoutDataRangeSaysOnceThatItsRangeIsUnknown() throws Exception {
        Path fit = Files.writeString(folder.resolve("old.json"), "{\"law\":\"chinchilla\",\"exponents\":[0.34,0.28],"
                + "\"coefficients\":[6.0,6.0],\"irreducible_error\":0.5}");

        CliRun run = CliRun.of("allocate", "--law", fit.toString(), "--compute", "1e21,1e23");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(occurrences(run.err(), CANNOT)).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(fit.toString()).contains("data_range");
    }

    @Test
    void predictFromAReferenceLawSaysOnceThatItsRangeIsUnknown() {
        CliRun run = CliRun.of("predict", "--reference", "chinchilla-unrounded", "--at", "N=1e9,D=2e10;N=1e15,D=1e9",
                "--compute", "1e21,1e30");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(occurrences(run.err(), CANNOT)).as(run.err()).isEqualTo(1);
    }

    @Test
    void predictFromAFitWithoutDataRangeSaysOnceThatItsRangeIsUnknown() throws Exception {
        Path fit = Files.writeString(folder.resolve("old.json"), "{\"law\":\"chinchilla\",\"exponents\":[0.34,0.28],"
                + "\"coefficients\":[6.0,6.0],\"irreducible_error\":0.5}");

        CliRun run = CliRun.of("predict", "--fit", fit.toString(), "--at", "N=1e9,D=2e10;N=1e15,D=1e9");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(occurrences(run.err(), CANNOT)).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(fit.toString()).contains("data_range");
    }

    @Test
    void bootstrapBandsFromAFitWithoutDataRangeSayOnceThatItsRangeIsUnknown() throws Exception {
        ObjectNode fit = (ObjectNode) JsonMapper.builder().build().readTree(GoldenDocumentsTest.golden("fit.json"));
        fit.remove("data_range");
        Path file = Files.writeString(folder.resolve("old.json"), fit.toPrettyString());

        CliRun run = CliRun.of("bootstrap", "--fit", file.toString(), "--resamples", "10", "--threads", "2",
                "--compute", "1e21,1e30");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(occurrences(run.err(), CANNOT)).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(file.toString()).contains("data_range");
    }
}
