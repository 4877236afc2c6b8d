package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.ExpressionFitDocument;

/**
 * The result document of a fit of a law written as text is written by a record ({@link ExpressionFitDocument}): on
 * a small fixed case (the README's 40 runs, golden/expression-fit-runs.csv) it is the bytes scalefit wrote when the
 * document was built as a JSON tree by hand (src/test/resources/golden, written by the command of each test with
 * the runs in the folder), apart from timing, threads and version; it reads back as the record it was written from;
 * and what {@code fit} prints comes from that record.
 */
class ExpressionFitDocumentTest {

    @TempDir
    Path folder;

    private Path runs() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/expression-fit-runs.csv")) {
            return Files.write(folder.resolve("runs.csv"), in.readAllBytes());
        }
    }

    /** Runs {@code fit} on the runs with {@code args}, checks the document against {@code golden}, returns the run. */
    private CliRun check(String golden, int exitCode, String... args) throws IOException {
        Path out = folder.resolve(golden);
        String[] all = new String[args.length + 10];
        String[] head = {"fit", "--data", runs().toString(), "--law", "E + A/N^alpha + B/D^beta", "--threads", "1",
                "--no-store", "--out", out.toString()};
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(args, 0, all, head.length, args.length);
        CliRun run = CliRun.of(all);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        String written = Files.readString(out);
        assertThat(GoldenDocumentsTest.result(written.replace(folder + java.io.File.separator, "")))
                .isEqualTo(GoldenDocumentsTest.result(GoldenDocumentsTest.golden(golden)));
        ExpressionFitDocument document = ExpressionFitDocument.read(out.toString(), written);
        assertThat(document.write()).isEqualTo(written);
        assertThat(ExpressionFitDocument.read(out.toString(), document.write())).isEqualTo(document);
        return run;
    }

    @Test
    void theBootstrappedExpressionFitDocumentIsTheGoldenOne() throws IOException {
        CliRun run = check("expression-fit.json", 0, "--bootstrap", "4", "--seed", "3");

        assertThat(run.out()).contains("objective = 7.99756307261e-05", "  alpha      = 0.3442448842",
                "bootstrap: 4 resamples (seed 3), 4 refits converged", "  beta       in [0.259640, 0.279926]");
    }

    @Test
    void theNotIdentifiedExpressionFitDocumentIsTheGoldenOne() throws IOException {
        CliRun run = check("expression-fit-not-identified.json", 5, "--max-params", "1e6");

        assertThat(run.out()).contains("NOT IDENTIFIED: the data cannot identify the law; no fit was made");
        assertThat(ExpressionFitDocument.read("golden", GoldenDocumentsTest.golden(
                "expression-fit-not-identified.json")).objective()).isNaN();
    }
}
