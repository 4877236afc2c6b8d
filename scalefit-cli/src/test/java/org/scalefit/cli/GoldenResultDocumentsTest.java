package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.scalefit.io.PublishedValues;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.BenchmarkLawsDocument;
import org.scalefit.io.DeltaGridDocument;
import org.scalefit.io.EpochBootstrapDocument;
import org.scalefit.io.FeasibleShapesDocument;
import org.scalefit.io.HeldOutDocument;
import org.scalefit.io.IsoflopDocument;
import org.scalefit.io.OvertrainingDocument;
import org.scalefit.io.ParabolaDocument;
import org.scalefit.io.RainbowDocument;
import org.scalefit.io.ResultDocument;
import org.scalefit.io.SamplingDocument;
import org.scalefit.io.ShapeSearchDocument;

/**
 * Every result document written by a record ({@link ResultDocument}) is, on a small fixed case, the bytes scalefit
 * wrote when the document was built as a JSON tree by hand (src/test/resources/golden, written by the command of each
 * test with the law files in the working folder), apart from what describes the run: timing, thread counts and the
 * version ({@link GoldenDocumentsTest#result}); and it reads back as the record it was written from.
 */
class GoldenResultDocumentsTest {

    @TempDir
    Path folder;

    /** Gemstones' published law file {@code name} (δ = 1e-3), copied to the folder as {@code as}. */
    private String law(String name, String as) {
        return PublishedValues.copy("gemstones/parameters_delta-3/" + name, folder.resolve(as)).toString();
    }

    /**
     * Runs the command with {@code --out} a file of the folder, checks its document against the golden one (the
     * folder's path removed), and that it reads back, through {@code read}, as the record that writes the same bytes.
     */
    private <D extends ResultDocument> D check(String golden, Function<Path, D> read, String... args)
            throws IOException {
        Path out = folder.resolve(golden);
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--out";
        all[args.length + 1] = out.toString();
        CliRun run = CliRun.of(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        String written = Files.readString(out);
        assertThat(GoldenDocumentsTest.result(written.replace(folder + java.io.File.separator, ""))).isEqualTo(GoldenDocumentsTest.result(GoldenDocumentsTest.golden(golden)));
        D document = read.apply(out);
        assertThat(document.write()).isEqualTo(written);
        Files.writeString(out, document.write());
        assertThat(read.apply(out)).isEqualTo(document);
        assertThat(document.envelope().scalefitVersion()).isNotBlank();
        return document;
    }

    @Test
    void theEpochBootstrapDocumentIsTheGoldenOne() throws IOException {
        EpochBootstrapDocument document = check("epoch.json", EpochBootstrapDocument::read, "bootstrap", "--data",
                "chinchilla:epoch", "--resamples", "20", "--seed", "42", "--policy-compute", "20:24:0.5",
                "--policy-draws", "500", "--threads", "2");
        assertThat(document.policy().rows().get(0).band()).containsOnlyKeys("p10", "p50", "p90");
        assertThat(document.envelope().seed()).isEqualTo(42L);
        assertThat(document.envelope().analysis()).isEqualTo("epoch-bootstrap");
    }

    @Test
    void theEpochBootstrapDocumentWithDrawsAndNoPolicyIsTheGoldenOne() throws IOException {
        EpochBootstrapDocument document = check("epoch-plain.json", EpochBootstrapDocument::read, "bootstrap",
                "--data", "chinchilla:epoch", "--resamples", "10", "--seed", "42", "--policy-draws", "0", "--draws",
                "--threads", "2");
        assertThat(document.policy()).isNull();
        assertThat(document.bootstrap().draws()).hasSize(10);
    }

    @Test
    void theParabolaDocumentIsTheGoldenOne() throws IOException {
        String law = law("approach_3_width_depth_parameters_grid_search_0_hot_100b+.json", "wdp.json");
        String law2 = law("approach_3_parameters_grid_search_0_hot_100b+.json", "par.json");
        ParabolaDocument document = check("parabola.json", ParabolaDocument::read, "parabola", "--law", law,
                "--law2", law2, "--rows", "3,4", "--factors", "-1:1", "--threads", "2");
        assertThat(document.budgets()).hasSize(2);
    }

    @Test
    void theShapeSearchDocumentIsTheGoldenOne() throws IOException {
        String law = law("approach_3_width_depth_parameters_grid_search_0_hot_100b+.json", "wdp.json");
        String law2 = law("approach_3_parameters_grid_search_0_hot_100b+.json", "par.json");
        ShapeSearchDocument document = check("shapes.json", ShapeSearchDocument::read, "shapes", "--law", law,
                "--law2", law2, "--relaxed", "--threads", "2");
        assertThat(document.laws().get(0).optima().get(0).relaxed()).isNotNull();
    }

    @Test
    void theFeasibleShapesDocumentIsTheGoldenOne() throws IOException {
        FeasibleShapesDocument document = check("feasible.json", FeasibleShapesDocument::read, "shapes",
                "--feasible");
        assertThat(document.count()).isEqualTo(document.shapes().size());
    }

    @Test
    void theIsoflopDocumentIsTheGoldenOne() throws IOException {
        IsoflopDocument document = check("isoflop.json", IsoflopDocument::read, "isoflop", "--data",
                "porian:rw/cosine-decay", "--bootstrap", "20", "--seed", "7", "--allocate", "1e21", "--threads", "2");
        assertThat(document.fits().variants()).containsKey("bs_median_weighted");
        assertThat(document.envelope().dataSha256()).isNotBlank();
    }

    @Test
    void theDeltaGridDocumentIsTheGoldenOne() throws IOException {
        DeltaGridDocument document = check("delta.json", DeltaGridDocument::read, "sensitivity", "delta-grid",
                "--data", "gemstones:hot", "--grid-sizes", "3000", "--threads", "2");
        assertThat(document.results()).isNotEmpty();
    }

    @Test
    void theRainbowDocumentIsTheGoldenOne() throws IOException {
        RainbowDocument document = check("rainbow.json", RainbowDocument::read, "sensitivity", "rainbow",
                "--fit-sets", "hot", "--threads", "2");
        assertThat(document.lines()).isNotEmpty();
    }

    @Test
    void theSamplingDocumentIsTheGoldenOne() throws IOException {
        SamplingDocument document = check("sampling.json", SamplingDocument::read, "sensitivity", "sampling",
                "--data", "gemstones:hot_100b+_477", "--models", "384x13,512x11,512x13,1280x15,1792x18,2048x27",
                "--grid", "300", "--delta", "1e-3", "--threads", "2");
        assertThat(document.samples().get("data").get(0).columns()).containsKey("params");
    }

    @Test
    void theOvertrainingDocumentIsTheGoldenOne() throws IOException {
        OvertrainingDocument document = check("overtrain.json", OvertrainingDocument::read, "overtrain",
                "--dataset", "rpj");
        assertThat(document.downstream()).isEmpty();
    }

    @Test
    void theDownstreamDocumentIsTheGoldenOne() throws IOException {
        OvertrainingDocument document = check("downstream.json", OvertrainingDocument::read, "downstream",
                "--dataset", "rpj", "--downstream", "avg_subset");
        assertThat(document.downstream()).containsKey("avg_subset");
    }

    @Test
    void theRolloutDocumentIsTheGoldenOne() throws IOException {
        HeldOutDocument document = check("rollout.json", HeldOutDocument::read, "rollout", "--data",
                "gemstones:hot", "--law", "chinchilla", "--delta", "1e-3", "--grid", "coarse", "--threads", "2");
        assertThat(document.sizes().get(0).scale()).containsOnlyKeys("params");
        assertThat(document.fits().get(0).predicted().get(0).points().get(0).inputs())
                .containsOnlyKeys("params", "tokens");
    }

    @Test
    void theBenchmarkLawsDocumentIsTheGoldenOne() throws IOException {
        BenchmarkLawsDocument document = check("benchmarks.json", BenchmarkLawsDocument::read, "benchmarks",
                "--law", "error", "--solver", "varpro");
        assertThat(document.errorLaw().parameters()).containsOnlyKeys("k", "gamma", "epsilon");
    }
}
