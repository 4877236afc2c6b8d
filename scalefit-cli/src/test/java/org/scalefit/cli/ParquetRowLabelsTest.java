package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's runs read from Parquet are located by row (a Parquet file has no lines), from CSV by line. */
class ParquetRowLabelsTest {

    @TempDir
    Path folder;

    @Test
    void frontierNamesTheOverspendingRunsOfAParquetFileByRow() throws Exception {
        Path csv = Files.writeString(folder.resolve("runs.csv"), UserRunsCommandTest.runs("params,tokens,loss", ","));
        Path parquet = folder.resolve("runs.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + csv + "')) TO '" + parquet + "' (FORMAT parquet)");
        }

        CliRun fromParquet = CliRun.of("frontier", "--data", parquet.toString(), "--bootstrap", "0");
        CliRun fromCsv = CliRun.of("frontier", "--data", csv.toString(), "--bootstrap", "0");

        assertThat(fromParquet.exitCode()).as(fromParquet.err()).isZero();
        assertThat(fromParquet.out()).containsPattern("(?m)^  row \\d+ ").doesNotContainPattern("(?m)^  line \\d+ ");
        assertThat(fromCsv.out()).containsPattern("(?m)^  line \\d+ ");
    }
}
