package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code fit --objective over-estimate --kappa κ} and {@code "objective": "over-estimate"} in law files. */
class OverEstimateObjectiveCommandTest {

    private static final String LAW = "E + A/N^alpha + B/D^beta";

    @TempDir
    Path folder;

    private static CliRun fit(String... more) {
        String[] base = {"fit", "--data", "gemstones:slim_chinchilla", "--law", LAW, "--log", "E,A,B",
                "--start", "E=1,2", "--start", "A=300", "--start", "B=300", "--start", "alpha=0.3",
                "--start", "beta=0.3", "--no-store"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void theOverEstimateObjectiveIsFittedWrittenAndReadBackForPredictions() throws Exception {
        Path out = folder.resolve("fit.json");

        CliRun run = fit("--objective", "over-estimate", "--kappa", "10", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("log residuals, over-estimate, δ = 1e-3, κ = 10)");
        JsonNode lawFile = JsonMapper.builder().build().readTree(out.toFile()).get("law_file");
        assertThat(lawFile.get("objective").asString()).isEqualTo("over-estimate");
        assertThat(lawFile.get("kappa").asDouble()).isEqualTo(10.0);
        assertThat(lawFile.get("delta").asDouble()).isEqualTo(1e-3);
        CliRun predict = CliRun.of("predict", "--fit", out.toString(), "--at", "N=1e9,D=2e10");
        assertThat(predict.exitCode()).as(predict.err()).isZero();
    }

    @Test
    void aLawFileWithTheOverEstimateObjectiveIsFittedWithItsKappa() throws Exception {
        Path lawFile = Files.writeString(folder.resolve("law.yaml"), """
                expression: E + A/N^alpha + B/D^beta
                parameters:
                  E: {scale: log, starts: [1, 2]}
                  A: {scale: log, starts: [300]}
                  B: {scale: log, starts: [300]}
                  alpha: {starts: [0.3]}
                  beta: {starts: [0.3]}
                objective: over-estimate
                kappa: 4
                delta: 0.01
                """);

        CliRun run = CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--law-file", lawFile.toString(),
                "--no-store");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("over-estimate, δ = 0.01, κ = 4)");
    }

    @Test
    void aKappaBelowOneOrNotANumberOnTheCommandLineIsAUsageError() {
        for (String kappa : new String[] {"0.5", "NaN", "-2"}) {
            CliRun run = fit("--objective", "over-estimate", "--kappa", kappa);
            assertThat(run.exitCode()).as(kappa + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(kappa).contains("--kappa", "≥ 1");
            assertThat(run.out()).as(kappa).isEmpty();
        }
        CliRun missing = fit("--objective", "over-estimate");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("needs --kappa");
        CliRun stray = fit("--kappa", "3");
        assertThat(stray.exitCode()).isEqualTo(2);
        assertThat(stray.err()).contains("--kappa 3.0 applies to --objective over-estimate");
    }

    @Test
    void aBadKappaInALawFileIsAUsageErrorNamingTheFileAndTheField() throws Exception {
        Path json = Files.writeString(folder.resolve("law.json"), "{\"expression\": \"" + LAW + "\", "
                + "\"objective\": \"over-estimate\", \"kappa\": 0.5}");
        Path yaml = Files.writeString(folder.resolve("law.yaml"), "expression: " + LAW + "\n"
                + "objective: over-estimate\nkappa: .nan\n");
        Path none = Files.writeString(folder.resolve("none.json"), "{\"expression\": \"" + LAW + "\", "
                + "\"objective\": \"over-estimate\"}");
        for (Path file : new Path[] {json, yaml, none}) {
            Path out = folder.resolve("fit.json");
            CliRun run = CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--law-file", file.toString(),
                    "--out", out.toString());
            assertThat(run.exitCode()).as(file + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(file.toString()).contains(file.toString() + ": kappa: ");
            assertThat(out).doesNotExist();
        }
    }
}
