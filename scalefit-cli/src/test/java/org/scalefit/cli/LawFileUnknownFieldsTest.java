package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A law file's misspelt or contradictory field would otherwise be dropped and the law fitted without it: it is bad
 * input naming the file and the field (exit 3), before any fit, with nothing written.
 */
class LawFileUnknownFieldsTest {

    @TempDir
    Path folder;

    private CliRun fit(String lawFile) throws Exception {
        Path runs = Files.writeString(folder.resolve("runs.csv"), ChinchillaRuns.ladder());
        Path file = Files.writeString(folder.resolve("law.json"), lawFile);
        return CliRun.of("fit", "--data", runs.toString(), "--law-file", file.toString(), "--no-store", "--out",
                folder.resolve("fit.json").toString());
    }

    @Test
    void aMisspeltTopLevelFieldIsBadInputNamingIt() throws Exception {
        CliRun run = fit("{\"expression\": \"E + A/N^alpha + B/D^beta\", \"paramters\": {\"A\": {\"scale\": \"log\"}}}");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("law.json", "paramters", "parameters");
        assertThat(folder.resolve("fit.json")).doesNotExist();
    }

    @Test
    void aMisspeltParameterFieldIsBadInputNamingIt() throws Exception {
        CliRun run = fit("{\"expression\": \"E + A/N^alpha + B/D^beta\", \"parameters\": {\"E\": {\"fixd\": 1.7}}}");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("law.json", "parameters.E.fixd", "fixed");
        assertThat(folder.resolve("fit.json")).doesNotExist();
    }

    @Test
    void startsOfAFixedParameterAreBadInput() throws Exception {
        CliRun run = fit("{\"expression\": \"E + A/N^alpha + B/D^beta\", \"parameters\": "
                + "{\"E\": {\"fixed\": 1.7, \"starts\": [1, 2]}}}");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("law.json", "parameters.E", "fixed", "starts");
    }

    @Test
    void aScaleOfATiedParameterIsBadInput() throws Exception {
        CliRun run = fit("{\"expression\": \"E + A/N^alpha + B/D^beta\", \"parameters\": "
                + "{\"beta\": {\"tied_to\": \"alpha\", \"scale\": \"log\"}}}");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("law.json", "parameters.beta", "tied_to", "scale");
    }
}
