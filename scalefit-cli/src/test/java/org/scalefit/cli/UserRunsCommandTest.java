package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A user's own run table, as a notebook writes it: read with no --column option, from a file or standard input. */
class UserRunsCommandTest {

    @TempDir
    Path folder;

    /** 12 runs of L = 1.7 + 400/N^0.34 + 410/D^0.28 under the header given. */
    static String runs(String header, String delimiter) {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8}) {
            for (double d : new double[] {1e9, 3e9, 1e10}) {
                csv.append(n).append(delimiter).append(d).append(delimiter)
                        .append(1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(d, 0.28)).append('\n');
            }
        }
        return csv.toString();
    }

    @Test
    void aParamsTokensLossCsvIsFittedWithoutColumnOptionsAndRecordsTheColumnsRead() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), runs("params,tokens,loss", ","));
        Path out = folder.resolve("fit.json");

        CliRun run = CliRun.of("fit", "--data", data.toString(), "--threads", "2", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode columns = JsonMapper.builder().build().readTree(out.toFile()).path("provenance").path("columns");
        assertThat(columns.path("params").asString()).isEqualTo("params");
        assertThat(columns.path("loss").asString()).isEqualTo("loss");
        CliRun bootstrap = CliRun.of("bootstrap", "--fit", out.toString(), "--resamples", "5", "--threads", "2");
        assertThat(bootstrap.exitCode()).as(bootstrap.err()).isZero();
    }

    @Test
    void aSemicolonCsvFromASpreadsheetIsFitted() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), runs("N;D;final_loss", ";"));

        CliRun run = CliRun.of("fit", "--data", data.toString(), "--threads", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void everyMissingColumnIsReportedAtOnceWithTheColumnSyntax() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), runs("size,toks,val", ","));

        CliRun run = CliRun.of("fit", "--data", data.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("'params'").contains("'tokens'").contains("'loss'")
                .contains("--column params=COLUMN --column tokens=COLUMN --column loss=COLUMN");
    }

    @Test
    void anUnknownLogicalNameInColumnIsRefused() {
        CliRun run = CliRun.of("fit", "--data", "gemstones:hot", "--column", "foo=bar");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown logical column 'foo' in --column foo=bar").contains("params, tokens");
    }

    @Test
    void dataDashReadsStandardInput() {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(runs("params,tokens,loss", ",").getBytes(StandardCharsets.UTF_8)));
        try {
            CliRun run = CliRun.of("fit", "--data", "-", "--threads", "2");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("-");
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void aBadValueOnStandardInputIsLocatedAsStandardInputAndItsLine() {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream("params,tokens,loss\n1e8,2e9,3.1\n1e8,abc,3.0\n"
                .getBytes(StandardCharsets.UTF_8)));
        try {
            CliRun run = CliRun.of("fit", "--data", "-", "--no-store");

            assertThat(run.err()).contains("standard input, line 3: column 'tokens'").doesNotContain("-:3");
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void approach1OnStandardInputNamesItStandardInput() {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream("params,tokens,loss\n1e7,5e7,6.2\n3e7,1.5e8,4.1\n"
                .getBytes(StandardCharsets.UTF_8)));
        try {
            CliRun run = CliRun.of("frontier", "--data", "-", "--bootstrap", "0");

            assertThat(run.out()).as(run.err()).startsWith("Approach 1 on standard input: 2 points");
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void aFitWhoseDataMovedSaysWhereThePathCameFromAndHowToGiveIt() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), runs("params,tokens,loss", ","));
        Path out = folder.resolve("fit.json");
        assertThat(CliRun.of("fit", "--data", data.toString(), "--threads", "2", "--out", out.toString()).exitCode())
                .isZero();
        Path moved = Files.move(data, folder.resolve("moved.csv"));

        CliRun lost = CliRun.of("bootstrap", "--fit", out.toString(), "--resamples", "5");
        CliRun found = CliRun.of("bootstrap", "--fit", out.toString(), "--data", moved.toString(), "--resamples", "5",
                "--threads", "2");

        assertThat(lost.exitCode()).isEqualTo(3);
        assertThat(lost.err()).contains(data.toString()).contains("provenance").contains("--data FILE")
                .doesNotContain("gemstones:hot_477");
        assertThat(found.exitCode()).as(found.err()).isZero();
    }

    @Test
    void aFitRecordsItsDataAbsoluteAndBootstrapFindsItFromAnotherFolder() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), runs("params,tokens,loss", ","));
        String relative = Path.of("").toAbsolutePath().relativize(data.toAbsolutePath()).toString();
        Path out = folder.resolve("fit.json");
        CliRun fit = CliRun.of("fit", "--data", relative, "--threads", "2", "--no-store", "--out", out.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode provenance = mapper.readTree(out.toFile()).path("provenance");
        assertThat(provenance.path("data").asString()).isEqualTo(relative);
        assertThat(provenance.path("data_absolute").asString()).isEqualTo(data.toAbsolutePath().toString());
        // as if bootstrap ran in another folder: the path as given no longer resolves
        Files.writeString(out, Files.readString(out).replace("\"data\" : \"" + relative + "\"",
                "\"data\" : \"elsewhere/runs.csv\""));
        assertThat(mapper.readTree(out.toFile()).path("provenance").path("data").asString())
                .isEqualTo("elsewhere/runs.csv");

        CliRun bootstrap = CliRun.of("bootstrap", "--fit", out.toString(), "--resamples", "5", "--threads", "2");

        assertThat(bootstrap.exitCode()).as(bootstrap.err()).isZero();
        assertThat(bootstrap.err()).contains("reading " + data.toAbsolutePath()).contains("data_absolute");
        CliRun bundled = CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--threads", "2", "--no-store",
                "--out", folder.resolve("bundled.json").toString());
        assertThat(bundled.exitCode()).as(bundled.err()).isZero();
        assertThat(mapper.readTree(folder.resolve("bundled.json").toFile()).path("provenance")
                .has("data_absolute")).isFalse();
    }

    @Test
    void bootstrapOfAFitOfALawWrittenAsTextExitsThreeAndPointsToFitBootstrap() throws Exception {
        Path data = Files.writeString(folder.resolve("runs.csv"), runs("params,tokens,loss", ","));
        Path out = folder.resolve("text-fit.json");
        CliRun fit = CliRun.of("fit", "--data", data.toString(), "--law", "E + A/N^alpha + B/D^beta", "--log",
                "E,A,B", "--threads", "2", "--no-store", "--out", out.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();

        CliRun bootstrap = CliRun.of("bootstrap", "--fit", out.toString(), "--resamples", "5", "--threads", "2");

        assertThat(bootstrap.exitCode()).isEqualTo(3);
        assertThat(bootstrap.err()).contains("law written as text").contains("scalefit fit --law EXPRESSION "
                + "--bootstrap B");
    }
}
