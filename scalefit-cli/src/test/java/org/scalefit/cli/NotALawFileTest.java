package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own fit written as a Parquet table (fit --out fit.parquet), then given where a law is read: each command
 * names the file, says it is a Parquet table and not a law, says what it expected, exits non-zero and writes nothing.
 */
class NotALawFileTest {

    @TempDir
    Path folder;

    Path table;

    @BeforeEach
    void fitWrittenAsParquet() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), UserRunsCommandTest.runs("params,tokens,loss", ","));
        table = folder.resolve("fit.parquet");
        CliRun fit = CliRun.of("fit", "--data", data.toString(), "--threads", "2", "--no-store", "--out",
                table.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
    }

    @Test
    void aParquetFitGivenAsLawFileIsNamedAsATableNotALaw() {
        Path out = folder.resolve("out.json");

        CliRun run = CliRun.of("fit", "--data", folder.resolve("runs.csv").toString(), "--law-file",
                table.toString(), "--no-store", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(table.toString()).contains("a Parquet table").contains("not a law")
                .contains("expected a JSON law file").doesNotContain("Unrecognized token");
        assertThat(out).doesNotExist();
    }

    @Test
    void aParquetFitGivenAsLawTextIsNamedAsAFileWithTheOptionThatReadsLawFiles() {
        Path out = folder.resolve("out.json");

        CliRun run = CliRun.of("fit", "--data", folder.resolve("runs.csv").toString(), "--law", table.toString(),
                "--no-store", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(table.toString()).contains("names a file").contains("--law-file")
                .doesNotContain("unexpected '/'");
        assertThat(out).doesNotExist();
    }

    @Test
    void aParquetFitGivenToAllocateIsNamedAsATableNotALaw() {
        Path out = folder.resolve("allocations.csv");

        CliRun run = CliRun.of("allocate", "--law", table.toString(), "--compute", "1e21", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(table.toString()).contains("a Parquet table").contains("not a law")
                .contains("expected a JSON fit").contains("--out FILE.json").doesNotContain("Unrecognized token");
        assertThat(out).doesNotExist();
    }

    @Test
    void aParquetFitGivenToPredictIsNamedAsATableNotALaw() {
        CliRun run = CliRun.of("predict", "--fit", table.toString(), "--at", "N=1e9,D=1e10");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(table.toString()).contains("a Parquet table").contains("not a law")
                .contains("expected a JSON fit").doesNotContain("Unrecognized token");
    }

    @Test
    void aTextFileThatIsNotJsonIsNamedAsNotALaw() throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.txt"), "fitted on tuesday\n");

        CliRun run = CliRun.of("parabola", "--law", notes.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(notes.toString()).contains("not a law").contains("expected a JSON fit")
                .doesNotContain("Unrecognized token");
    }
}
