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
import org.scalefit.io.FitBootstrapDocument;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.uncertainty.ResamplingStream;
import org.scalefit.uncertainty.ResamplingUnits;

class FitBootstrapRunColumnTest {

    @TempDir
    Path folder;

    /** 30 runs of L = 1.7 + 400/N^0.34 + 410/D^0.28, one row each, 5 per model size, each named in a run column. */
    private Path fitOfThirtyNamedRuns() throws IOException {
        StringBuilder csv = new StringBuilder("run_name,params,tokens,loss\n");
        double[] sizes = {1e8, 2e8, 4e8, 8e8, 1.6e9, 3.2e9};
        double[] tokens = {2e9, 4e9, 8e9, 16e9, 32e9};
        int run = 0;
        for (double n : sizes) {
            for (double d : tokens) {
                double loss = (1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(d, 0.28)) * (1 + 0.003 * ((run * 7) % 5 - 2));
                csv.append(String.format(Locale.ROOT, "run-%02d,%.6g,%.6g,%.9f%n", run++, n, d, loss));
            }
        }
        Path data = Files.writeString(folder.resolve("runs.csv"), csv);
        FitOutcome outcome = FitRequest.of(DataSource.of(data.toString()), LawForm.CHINCHILLA)
                .withGrid(StartGrid.named("epoch", 2)).prepare()
                .fit(LocalParallelism.withThreads(1), FitProgress.silent());
        return Files.writeString(folder.resolve("fit.json"), outcome.document().write());
    }

    private static FitBootstrapRequest runs(Path fit, List<String> runKey) {
        return new FitBootstrapRequest(fit, FitBootstrapRequest.DataOverride.none(), ResamplingUnits.Scheme.RUNS,
                runKey, 10, 42, ResamplingStream.NUMPY_RANDOM_STATE, "numpy", new double[0], 95);
    }

    @Test
    void aRunColumnNamingMoreRunsThanTheUnitsResampledIsWarnedAbout() throws IOException {
        FitBootstrapRequest.Prepared prepared = runs(fitOfThirtyNamedRuns(), List.of()).prepare();
        assertThat(prepared.units().units()).isEqualTo(6);
        assertThat(prepared.unitsWarning()).contains("30 runs").contains("6 units").contains("params")
                .contains("--run-key run");
    }

    @Test
    void theWarningThatARunColumnNamesMoreRunsIsWrittenIntoTheDocument() throws IOException {
        FitBootstrapRequest.Prepared prepared = runs(fitOfThirtyNamedRuns(), List.of()).prepare();
        FitBootstrapDocument document = prepared.run(LocalParallelism.withThreads(1), FitProgress.silent())
                .document(false);
        assertThat(document.warnings()).containsExactly(prepared.unitsWarning());
        assertThat(document.write()).contains("\"warnings\"").contains("--run-key run");
    }

    @Test
    void aDocumentWithoutWarningsHasNoWarningsField() throws IOException {
        FitBootstrapRequest.Prepared prepared = runs(fitOfThirtyNamedRuns(), List.of("run")).prepare();
        FitBootstrapDocument document = prepared.run(LocalParallelism.withThreads(1), FitProgress.silent())
                .document(false);
        assertThat(document.warnings()).isEmpty();
        assertThat(document.write()).doesNotContain("\"warnings\"");
    }

    @Test
    void resamplingByTheRunColumnDrawsEachNamedRunAndIsNotWarnedAbout() throws IOException {
        FitBootstrapRequest.Prepared prepared = runs(fitOfThirtyNamedRuns(), List.of("run")).prepare();
        assertThat(prepared.units().units()).isEqualTo(30);
        assertThat(prepared.unitsWarning()).isNull();
    }
}
