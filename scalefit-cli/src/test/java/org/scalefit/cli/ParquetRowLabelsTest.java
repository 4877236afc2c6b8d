package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A user's runs read from Parquet are located by row (a Parquet file has no lines), from CSV by line. */
class ParquetRowLabelsTest {

    @TempDir
    Path folder;

    private Path parquetOf(Path csv) throws Exception {
        Path parquet = folder.resolve("runs.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + csv + "')) TO '" + parquet + "' (FORMAT parquet)");
        }
        return parquet;
    }

    @Test
    void frontierNamesTheOverspendingRunsOfAParquetFileByRow() throws Exception {
        Path csv = Files.writeString(folder.resolve("runs.csv"), UserRunsCommandTest.runs("params,tokens,loss", ","));
        Path parquet = parquetOf(csv);

        CliRun fromParquet = CliRun.of("frontier", "--data", parquet.toString(), "--bootstrap", "0");
        CliRun fromCsv = CliRun.of("frontier", "--data", csv.toString(), "--bootstrap", "0");

        assertThat(fromParquet.exitCode()).as(fromParquet.err()).isZero();
        assertThat(fromParquet.out()).containsPattern("(?m)^  row \\d+ ").doesNotContainPattern("(?m)^  line \\d+ ");
        assertThat(fromCsv.out()).containsPattern("(?m)^  line \\d+ ");
    }

    @Test
    void theFrontierDocumentLocatesTheRunsOfAParquetFileByRowAndOfACsvFileByLine() throws Exception {
        Path csv = Files.writeString(folder.resolve("runs.csv"), UserRunsCommandTest.runs("params,tokens,loss", ","));
        Path parquet = parquetOf(csv);
        Path fromParquet = folder.resolve("parquet.json");
        Path fromCsv = folder.resolve("csv.json");

        CliRun parquetRun = CliRun.of("frontier", "--data", parquet.toString(), "--bootstrap", "0",
                "--out", fromParquet.toString());
        CliRun csvRun = CliRun.of("frontier", "--data", csv.toString(), "--bootstrap", "0", "--out", fromCsv.toString());

        assertThat(parquetRun.exitCode()).as(parquetRun.err()).isZero();
        assertThat(csvRun.exitCode()).as(csvRun.err()).isZero();
        JsonNode parquetFirst = JsonMapper.builder().build().readTree(fromParquet.toFile()).path("frontier").get(0);
        JsonNode csvFirst = JsonMapper.builder().build().readTree(fromCsv.toFile()).path("frontier").get(0);
        assertThat(parquetFirst.has("row")).as(parquetFirst.toString()).isTrue();
        assertThat(parquetFirst.has("line")).as(parquetFirst.toString()).isFalse();
        assertThat(csvFirst.path("line").asInt()).isEqualTo(parquetFirst.path("row").asInt() + 1);
        assertThat(csvFirst.has("row")).isFalse();
    }
}
