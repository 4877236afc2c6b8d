package org.scalefit.io.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.DataSource;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;

class FitRequestRepeatedDataTest {

    @TempDir
    Path folder;

    /**
     * 16 runs of L = 1.7 + 400/N^0.34 + 410/D^0.28 on a 4×4 grid of N and D; {@code unique} gives each run's unique
     * tokens column text (or null for no such column).
     */
    private Path runs(String name, java.util.function.DoubleUnaryOperator unique, String blankAt) throws IOException {
        StringBuilder csv = new StringBuilder(unique == null ? "params,tokens,loss\n" : "params,tokens,unique_tokens,loss\n");
        for (double n : new double[] {1e8, 2e8, 4e8, 8e8}) {
            for (double d : new double[] {2e9, 4e9, 8e9, 16e9}) {
                double loss = 1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(d, 0.28);
                String row = String.format(Locale.ROOT, "%.6g,%.6g", n, d);
                if (unique != null) {
                    row += "," + (row.equals(blankAt) ? "" : String.format(Locale.ROOT, "%.6g", unique.applyAsDouble(d)));
                }
                csv.append(row).append(String.format(Locale.ROOT, ",%.9f%n", loss));
            }
        }
        Path file = folder.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    private static FitRequest chinchilla(Path file) {
        return FitRequest.of(DataSource.of(file.toString()), LawForm.CHINCHILLA)
                .withGrid(StartGrid.named("epoch", 2));
    }

    @Test
    void aFitOfRunsThatRepeatTheirTokensCautionsHowManyRepeatAndUpToHowManyEpochs() throws IOException {
        Path file = runs("repeated.csv", d -> Math.min(d, 4e9), null);
        FitOutcome outcome = chinchilla(file).prepare().fit(LocalParallelism.withThreads(1), FitProgress.silent());
        assertThat(outcome.fit().warnings()).anyMatch(warning -> warning.startsWith("repeated data: 8 of 16 points")
                && warning.contains("up to 4 epochs") && warning.contains("--law data-constrained"));
        assertThat(outcome.document().warnings()).anyMatch(warning -> warning.startsWith("repeated data"));
    }

    /** 4 runs named in a run column, each 4 checkpoints at D = 2, 4, 8, 16 B tokens of 4 B unique ones. */
    private Path checkpoints(String name) throws IOException {
        StringBuilder csv = new StringBuilder("run_name,params,tokens,unique_tokens,loss\n");
        for (double n : new double[] {1e8, 2e8, 4e8, 8e8}) {
            for (double d : new double[] {2e9, 4e9, 8e9, 16e9}) {
                double loss = 1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(d, 0.28);
                csv.append(String.format(Locale.ROOT, "run-%.0g,%.6g,%.6g,4e9,%.9f%n", n, n, d, loss));
            }
        }
        Path file = folder.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void aTableThatNamesItsRunsCountsTheRunsThatRepeatNotTheirCheckpoints() throws IOException {
        PreparedFit prepared = chinchilla(checkpoints("checkpoints.csv")).prepare();
        assertThat(prepared.caution()).hasValueSatisfying(caution -> assertThat(caution)
                .startsWith("repeated data: 4 of 4 runs").contains("up to 4 epochs"));
    }

    @Test
    void runsReadFromStandardInputAreCautionedFromTheirOneRead() throws IOException {
        byte[] content = Files.readAllBytes(runs("repeated.csv", d -> Math.min(d, 4e9), null));
        java.io.InputStream original = System.in;
        System.setIn(new java.io.ByteArrayInputStream(content));
        PreparedFit prepared;
        try {
            prepared = FitRequest.of(DataSource.of(DataSource.STDIN), LawForm.CHINCHILLA)
                    .withGrid(StartGrid.named("epoch", 2)).prepare();
        } finally {
            System.setIn(original);
        }
        assertThat(prepared.caution()).hasValueSatisfying(caution -> assertThat(caution)
                .startsWith("repeated data: 8 of 16 points"));
        assertThat(prepared.cacheKey().options()).contains("repeated_data");
    }

    @Test
    void aUniqueTokensColumnThatRepeatsNothingLeavesTheStoreKeyAsWithoutIt() throws IOException {
        Path fresh = runs("fresh.csv", d -> d, null);
        Path plain = runs("plain.csv", null, null);
        String with = chinchilla(fresh).prepare().cacheKey().options().replace(fresh.toString(), "runs");
        String without = chinchilla(plain).prepare().cacheKey().options().replace(plain.toString(), "runs");
        assertThat(with).isEqualTo(without);
    }

    @Test
    void aFitOfRunsThatRepeatTheirTokensIsStoredUnderAnotherKeyThanBeforeTheCaution() throws IOException {
        Path file = runs("repeated.csv", d -> Math.min(d, 4e9), null);
        assertThat(chinchilla(file).prepare().cacheKey().options()).contains("repeated_data");
    }

    @Test
    void aBlankUniqueTokensCellNeitherFailsTheFitNorCautions() throws IOException {
        Path file = runs("blank.csv", d -> d, "1.00000e+08,2.00000e+09");
        PreparedFit prepared = chinchilla(file).prepare();
        assertThat(prepared.inputs().observations().size()).isEqualTo(16);
        assertThat(prepared.caution()).isEmpty();
    }

    @Test
    void dataWithoutAUniqueTokensColumnKeepsItsProvenanceAndStoreKey() throws IOException {
        Path without = runs("plain.csv", null, null);
        PreparedFit prepared = chinchilla(without).prepare();
        assertThat(prepared.repetition()).isNull();
        assertThat(prepared.cacheKey().options()).doesNotContain("repeated_data");
        assertThat(prepared.provenance().columns()).doesNotContainKey("unique_tokens");
    }
}
