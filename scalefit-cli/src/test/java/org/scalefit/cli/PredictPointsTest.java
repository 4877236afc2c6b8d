package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict --points FILE}: the points of a user's file, read as {@code fit} reads its data. */
class PredictPointsTest {

    private static final String GADRE = "alpha=166.2,beta=366.7,b=-0.2729,E=1.8366";

    @TempDir
    Path folder;

    @Test
    void aLawOfTokensPerParameterPredictsOnPointsOfParamsAndTokensAndSaysMIsDerived() throws Exception {
        Path points = Files.writeString(folder.resolve("points.csv"), "params,tokens\n1e9,2e10\n");

        CliRun fromFile = CliRun.of("predict", "--law", "gadre-overtraining", "--set", GADRE,
                "--points", points.toString());
        CliRun atM = CliRun.of("predict", "--law", "gadre-overtraining", "--set", GADRE, "--at", "N=1e9,M=20");

        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).isEqualTo(atM.out());
        assertThat(fromFile.err()).contains(points.toString()).contains("M = tokens/params");
    }

    /**
     * The inputs are printed as the user writes them, not as Java's {@code 7.0E10}: the shortest decimal that reads
     * back as the same number, so that rows still join exactly on them — on standard output and in {@code --out}.
     */
    @Test
    void inputsArePrintedAsTheShortestDecimalThatReadsBackExactly() throws Exception {
        Path out = folder.resolve("predictions.csv");

        CliRun run = CliRun.of("predict", "--law", "gadre-overtraining", "--set", GADRE, "--at",
                "N=7e10,M=20;N=123456789,M=0.1", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\n7e10\t20\t").contains("\n1.23456789e8\t0.1\t").doesNotContain("E10");
        assertThat(Files.readString(out)).contains("\n7e10,20,").contains("\n1.23456789e8,0.1,");
    }

    @Test
    void pointsDashAreReadFromStandardInputAsDataDashIs() {
        java.io.InputStream original = System.in;
        System.setIn(new java.io.ByteArrayInputStream("N,M\n1e9,20\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        try {
            CliRun fromStdin = CliRun.of("predict", "--law", "gadre-overtraining", "--set", GADRE, "--points", "-");
            CliRun atM = CliRun.of("predict", "--law", "gadre-overtraining", "--set", GADRE, "--at", "N=1e9,M=20");

            assertThat(fromStdin.exitCode()).as(fromStdin.err()).isZero();
            assertThat(fromStdin.out()).isEqualTo(atM.out());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void aPointOfParamsAndTokensGivesMAsTokensOverParamsAsAPointsFileDoes() {
        CliRun derived = CliRun.of("predict", "--law", "gadre-overtraining", "--set", GADRE,
                "--at", "params=1e9,tokens=2e10");
        CliRun atM = CliRun.of("predict", "--law", "gadre-overtraining", "--set", GADRE, "--at", "N=1e9,M=20");

        assertThat(derived.exitCode()).as(derived.err()).isZero();
        assertThat(derived.out()).isEqualTo(atM.out());
        assertThat(derived.err()).contains("--at params=1e9,tokens=2e10: M = tokens/params");
    }

    /** A user who fitted their own column names predicts at points written with the same names. */
    @Test
    void aPointsFileMayNameTheInputsByTheColumnsTheFitReadThemFrom() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"),
                UserRunsCommandTest.runs("model_size,train_tokens,val_loss", ","));
        Path fit = folder.resolve("fit.json");
        CliRun fitted = CliRun.of("fit", "--data", data.toString(), "--column", "params=model_size", "--column",
                "tokens=train_tokens", "--column", "loss=val_loss", "--threads", "2", "--no-store",
                "--out", fit.toString());
        assertThat(fitted.exitCode()).as(fitted.err()).isZero();
        Path points = Files.writeString(folder.resolve("points.csv"), "model_size,train_tokens\n1e9,2e10\n");

        CliRun byDataColumns = CliRun.of("predict", "--fit", fit.toString(), "--points", points.toString());
        CliRun byInputs = CliRun.of("predict", "--fit", fit.toString(), "--at", "N=1e9,D=2e10");

        assertThat(byDataColumns.exitCode()).as(byDataColumns.err()).isZero();
        assertThat(byDataColumns.out()).isEqualTo(byInputs.out());
    }
}
