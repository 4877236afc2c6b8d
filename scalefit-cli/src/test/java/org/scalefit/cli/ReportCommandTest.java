package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    /** Gemstones' 24 runs sampled like Chinchilla's (bundled): small enough for a quick fit. */
    private static final String DATA = "gemstones:hot_sampled_like_chinchilla";

    @TempDir
    Path folder;

    private static CliRun report(Path out, int threads) {
        return CliRun.of("report", "--data", DATA, "--out", out.toString(), "--no-timestamps", "--law-bootstrap", "8",
                "--bootstrap", "50", "--threads", Integer.toString(threads));
    }

    @Test
    void writesTheReportDirectoryAndNothingElseBesideIt() throws IOException {
        Path out = folder.resolve("report");

        CliRun run = report(out, 2);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<section id=\"data\">", "<section id=\"approach-1-flops\">",
                "<section id=\"approach-3\">", "<section id=\"allocation\">", "<section id=\"provenance\">", DATA);
        try (Stream<Path> figures = Files.list(out.resolve("figures"))) {
            assertThat(figures.map(p -> p.getFileName().toString()))
                    .contains("approach-1-flops-loss.png", "approach-1-flops-loss.svg", "approach-3-predicted.png",
                            "allocation-params.svg", "shapes-feasible.png");
        }
        try (Stream<Path> siblings = Files.list(folder)) {
            assertThat(siblings).containsExactly(out);
        }
    }

    @Test
    void theSameDataAndOptionsGiveAByteIdenticalPage() throws IOException {
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");

        assertThat(report(first, 2).exitCode()).isZero();
        assertThat(report(second, 1).exitCode()).isZero();

        assertThat(Files.readAllBytes(second.resolve("index.html"))).isEqualTo(Files.readAllBytes(first.resolve(
                "index.html")));
        assertThat(Files.readAllBytes(second.resolve("figures/approach-1-flops-loss.png")))
                .isEqualTo(Files.readAllBytes(first.resolve("figures/approach-1-flops-loss.png")));
    }

    @Test
    void aDirectoryThatIsNotAReportIsLeftAloneWithExitCode2() throws IOException {
        Path notes = Files.createDirectories(folder.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "keep me");

        CliRun run = report(notes, 2);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not a scalefit report");
        assertThat(Files.readString(notes.resolve("todo.txt"))).isEqualTo("keep me");
    }

    @Test
    void noiseAndNoiseModelAreOneChoiceAsInIsoflop() {
        CliRun run = CliRun.of("report", "--data", DATA, "--out", folder.resolve("r").toString(), "--noise", "0.01",
                "--noise-model", "rw");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void aNegativeNoiseIsRefusedAsIsoflopRefusesIt() {
        CliRun run = CliRun.of("report", "--data", DATA, "--out", folder.resolve("r").toString(), "--noise", "-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--noise must be a finite σ ≥ 0");
    }

    @Test
    void theNoiseAndDropDominatedGivenAreInTheProvenance() throws IOException {
        Path out = folder.resolve("noisy");

        CliRun run = CliRun.of("report", "--data", DATA, "--out", out.toString(), "--no-timestamps",
                "--law-bootstrap", "0", "--bootstrap", "0", "--threads", "2", "--noise", "0.01", "--drop-dominated");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8)).contains("--noise")
                .contains("0.01").contains("--drop-dominated");
    }
}
