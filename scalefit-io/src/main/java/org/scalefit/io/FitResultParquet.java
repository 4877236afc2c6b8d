package org.scalefit.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fit's main result (the Approach 3 law L = E + Σ_j exp(c_j)·x_j^(−α_j) of a {@link FitDocument}) as a
 * one-row Parquet table, written by DuckDB: {@code law, delta, loss, exponents (α_j), coefficients (c_j = log A_j),
 * irreducible_error (log E), starts, successful_starts, data, data_sha256, scalefit_version}. A failed fit has null
 * loss, exponents, coefficients and irreducible error. The file appears all at once: DuckDB writes a hidden
 * temporary file beside the target (named as {@link AtomicFiles}' are), which is then renamed over it.
 */
public final class FitResultParquet {

    private static final String CREATE = "CREATE TABLE fit (law VARCHAR, delta DOUBLE, loss DOUBLE, "
            + "exponents DOUBLE[], coefficients DOUBLE[], irreducible_error DOUBLE, starts BIGINT, "
            + "successful_starts BIGINT, data VARCHAR, data_sha256 VARCHAR, scalefit_version VARCHAR)";

    private static final String INSERT = "INSERT INTO fit VALUES (?, ?, ?, CAST(? AS DOUBLE[]), "
            + "CAST(? AS DOUBLE[]), ?, ?, ?, ?, ?, ?)";

    private FitResultParquet() {
    }

    /** Replaces {@code target} with the one-row table of the result document {@code document}. */
    public static void write(Path target, FitDocument document) {
        FitDocument.Provenance provenance = document.provenance();
        Path absolute = target.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".",
                    AtomicFiles.TEMPORARY_SUFFIX);
            Files.delete(temporary);
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
                try (Statement statement = duckdb.createStatement()) {
                    statement.execute(CREATE);
                }
                try (PreparedStatement insert = duckdb.prepareStatement(INSERT)) {
                    insert.setString(1, document.law());
                    insert.setDouble(2, document.delta());
                    setDouble(insert, 3, document.loss());
                    insert.setString(4, listText(document.exponents()));
                    insert.setString(5, listText(document.coefficients()));
                    setDouble(insert, 6, document.irreducibleError());
                    insert.setLong(7, document.starts());
                    insert.setLong(8, document.successfulStarts());
                    insert.setString(9, provenance.data());
                    insert.setString(10, provenance.dataSha256());
                    insert.setString(11, provenance.scalefitVersion());
                    insert.executeUpdate();
                }
                try (Statement statement = duckdb.createStatement()) {
                    statement.execute("COPY fit TO '" + temporary.toString().replace("'", "''")
                            + "' (FORMAT PARQUET)");
                }
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), new IOException(e));
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the original failure is what the caller needs to see
                }
            }
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    /** Numbers as DuckDB's list literal ({@code [1.5, 2.0]}), or null when absent. */
    private static String listText(double[] array) {
        if (array == null) {
            return null;
        }
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < array.length; i++) {
            text.append(i == 0 ? "" : ", ").append(Double.toString(array[i]));
        }
        return text.append(']').toString();
    }
}
