package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.AllocationDocument;
import org.scalefit.io.Envelope;
import org.scalefit.io.FitDocument;
import org.scalefit.io.FitBootstrapDocument;
import org.scalefit.io.FrontierDocument;

/**
 * The documents of the README's examples are the bytes scalefit wrote before its library layer was introduced
 * (src/test/resources/golden, written by {@code scalefit fit … --out fit.json} in the folder of the golden files),
 * apart from what describes the run rather than the result: timing, thread counts and the version.
 */
class GoldenDocumentsTest {

    /** Lines that describe the run, not the result. */
    private static final Pattern RUN_LINE = Pattern.compile(
            "(?m)^\\s*\"(seconds|threads|scalefit_version)\" : .*\\R");

    @TempDir
    Path folder;

    static String golden(String name) throws IOException {
        try (InputStream in = GoldenDocumentsTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String result(String document) {
        return RUN_LINE.matcher(document).replaceAll("");
    }

    private String run(String output, String... args) throws IOException {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Files.readString(folder.resolve(output));
    }

    @Test
    void theFitDocumentIsTheGoldenOne() throws IOException {
        String written = run("fit.json", "fit", "--data", "gemstones:hot", "--no-embeds", "--delta", "1e-3", "--out",
                folder.resolve("fit.json").toString(), "--no-store", "--threads", "2");
        assertThat(result(written)).isEqualTo(result(golden("fit.json")));
    }

    @Test
    void theGemstonesParameterFileIsTheGoldenOne() throws IOException {
        String written = run("params.json", "fit", "--data", "gemstones:hot", "--delta", "1e-3", "--format",
                "gemstones", "--out", folder.resolve("params.json").toString(), "--no-store", "--threads", "2");
        assertThat(written).isEqualTo(golden("params.json"));
    }

    @Test
    void theBootstrapOfTheGoldenFitIsTheGoldenOne() throws IOException {
        Path fit = folder.resolve("fit.json");
        Files.writeString(fit, golden("fit.json"));
        String written = run("boot.json", "bootstrap", "--fit", fit.toString(), "--resamples", "200", "--seed", "42",
                "--compute", "1e21,1e23,1e25", "--out", folder.resolve("boot.json").toString(), "--threads", "2");
        assertThat(result(written.replace(fit.toString(), "fit.json"))).isEqualTo(result(golden("boot.json")));
    }

    @Test
    void theFrontierDocumentIsTheGoldenOne() throws IOException {
        String written = run("frontier.json", "frontier", "--data", "gemstones:hot_477", "--flop-count",
                "gemstones-gqa", "--out", folder.resolve("frontier.json").toString());
        assertThat(result(written)).isEqualTo(result(golden("frontier.json")));
    }

    @Test
    void theAllocationOfTheGoldenFitIsTheGoldenOne() throws IOException {
        Path fit = folder.resolve("fit.json");
        Files.writeString(fit, golden("fit.json"));
        String written = run("alloc.json", "allocate", "--law", fit.toString(), "--compute", "1e21,1e22,1e23",
                "--out", folder.resolve("alloc.json").toString());
        assertThat(result(written.replace(fit.toString(), "fit.json"))).isEqualTo(result(golden("alloc.json")));
    }

    @Test
    void theFrontierDocumentReadsBackAsTheRecordItWasWrittenFrom() throws IOException {
        Path file = folder.resolve("frontier.json");
        String written = run("frontier.json", "frontier", "--data", "gemstones:hot", "--bins", "20", "--bootstrap",
                "10", "--out", file.toString());
        FrontierDocument read = FrontierDocument.read(file);
        assertThat(read.write()).isEqualTo(written);
        Files.writeString(file, read.write());
        assertThat(FrontierDocument.read(file)).isEqualTo(read);
    }

    @Test
    void theGoldenFrontierDocumentIsReadAndWrittenUnchanged() throws IOException {
        Path file = folder.resolve("frontier.json");
        Files.writeString(file, golden("frontier.json"));
        assertThat(FrontierDocument.read(file).write()).isEqualTo(golden("frontier.json"));
    }

    @Test
    void theAllocationDocumentReadsBackAsTheRecordItWasWrittenFrom() throws IOException {
        Path file = folder.resolve("alloc.json");
        String written = run("alloc.json", "allocate", "--law", "kaplan", "--compute", "1e21,1e23", "--out",
                file.toString());
        AllocationDocument read = AllocationDocument.read(file);
        assertThat(read.write()).isEqualTo(written);
        Files.writeString(file, read.write());
        assertThat(AllocationDocument.read(file)).isEqualTo(read);
    }

    @Test
    void theGoldenAllocationDocumentIsReadAndWrittenUnchanged() throws IOException {
        Path file = folder.resolve("alloc.json");
        Files.writeString(file, golden("alloc.json"));
        AllocationDocument read = AllocationDocument.read(file);
        assertThat(read.allocations()).hasSize(3);
        assertThat(read.write()).isEqualTo(golden("alloc.json"));
    }

    @Test
    void theFitBootstrapDocumentReadsBackAsTheRecordItWasWrittenFrom() throws IOException {
        Path fit = folder.resolve("fit.json");
        Files.writeString(fit, golden("fit.json"));
        Path file = folder.resolve("boot.json");
        String written = run("boot.json", "bootstrap", "--fit", fit.toString(), "--resamples", "20", "--seed", "1",
                "--scheme", "pairs", "--compute", "1e21,1e23", "--draws", "--out", file.toString(), "--threads", "2");
        FitBootstrapDocument read = FitBootstrapDocument.read(file);
        assertThat(read.write()).isEqualTo(written);
        assertThat(read.draws()).hasSize(20);
        Files.writeString(file, read.write());
        assertThat(FitBootstrapDocument.read(file)).isEqualTo(read);
    }

    @Test
    void theGoldenFitBootstrapDocumentIsReadAndWrittenUnchanged() throws IOException {
        Path file = folder.resolve("boot.json");
        Files.writeString(file, golden("boot.json"));
        FitBootstrapDocument read = FitBootstrapDocument.read(file);
        assertThat(read.allocation().budgets()).hasSize(3);
        assertThat(read.write()).isEqualTo(golden("boot.json"));
    }

    @Test
    void everyGoldenDocumentSaysThroughItsEnvelopeWhatMadeIt() throws IOException {
        Path file = folder.resolve("doc.json");
        Envelope fit = FitDocument.read(golden("fit.json"), "fit.json").envelope();
        assertThat(fit.analysis()).isEqualTo("fit");
        assertThat(fit.data()).isEqualTo("gemstones:hot");
        assertThat(fit.dataSha256()).hasSize(64);
        assertThat(fit.run()).isNotNull();
        Files.writeString(file, golden("boot.json"));
        Envelope boot = FitBootstrapDocument.read(file).envelope();
        assertThat(boot.analysis()).isEqualTo("bootstrap");
        assertThat(boot.seed()).isEqualTo(42L);
        assertThat(boot.dataSha256()).isEqualTo(fit.dataSha256());
        Files.writeString(file, golden("frontier.json"));
        Envelope frontier = FrontierDocument.read(file).envelope();
        assertThat(frontier.analysis()).isEqualTo("approach-1");
        assertThat(frontier.data()).isEqualTo("gemstones:hot_477");
        Files.writeString(file, golden("alloc.json"));
        Envelope allocation = AllocationDocument.read(file).envelope();
        assertThat(allocation.analysis()).isEqualTo("allocate");
        assertThat(allocation.scalefitVersion()).isNotBlank();
        assertThat(allocation.data()).isNull();
    }
}
