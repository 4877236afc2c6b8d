package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scalefit reproduce} on the two quick studies: Epoch AI's Fit A, Fit B and bootstrap, and Gadre et al.'s four
 * stored relative errors, each compared with the bundled published values (the Gemstones study runs the 3-input grid
 * and is covered by scalefit-reproduce's PublishedApproach1Test/PublishedApproach3Test on the same code paths).
 */
class ReproduceCommandTest {

    @Tag("slow") // two whole reproductions; scalefit-reproduce's published-value tests check the numbers by default
    @Test
    void chinchillaAndGadreReproduceEveryPublishedNumber(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("reproduce", "chinchilla", "gadre", "--out", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Fit B (Huber likelihood)", "482.005717", "rpj-open_lm_1b-32.0",
                "reproduction: 17 published numbers compared, 0 differ");
        assertThat(run.out()).doesNotContain("DIFFERS");
        String json = Files.readString(dir.resolve("reproduction.json"));
        assertThat(json).contains("\"study\" : \"chinchilla\"", "\"study\" : \"gadre\"", "\"verdict\" : \"agrees\"");
        assertThat(Files.readString(dir.resolve("reproduction.md"))).contains("| Fit B (Huber likelihood) | A |");
        assertThat(Files.readString(dir.resolve("index.html"))).contains("Reproduction summary",
                "Chinchilla Scaling: A replication attempt", "over-training");
        assertThat(dir.resolve("figures")).isDirectory();
    }

    @Test
    void datablationsReproducesThePublishedDataConstrainedFitAndShowsTheLowerBasin() {
        CliRun run = CliRun.of("reproduce", "datablations", "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Muennighoff", "R_D*", "lower basin", "0 differ");
        assertThat(run.out()).doesNotContain("DIFFERS");
    }

    @Tag("slow") // the whole Porian reproduction, about 20 CPU-seconds; the io tests check its numbers in the default build
    @Test
    void porianReproducesTable1AndEveryStoredFit() {
        CliRun run = CliRun.of("reproduce", "porian");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("0.835 (0.82, 0.85) | 0.999", "Kaplan Adjusted, RefinedWeb | 0.711",
                "238 numbers compared with published values, 0 differ");
    }

    @Test
    void refusesToOverwriteAFolderThatIsNotAReportBeforeComputingAnything(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        CliRun run = CliRun.of("reproduce", "gadre", "--out", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("refusing to replace");
        assertThat(run.out()).doesNotContain("over-training");
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void unknownStudyIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.of("reproduce", "kaplan", "--out", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown study 'kaplan'; expected gemstones, chinchilla, gadre, datablations, "
                + "porian or all");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void helpListsTheRegisteredStudies() {
        CliRun run = CliRun.of("reproduce", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("gemstones, chinchilla, gadre, datablations, porian, all", "Studies:",
                "Porian et al. 2024", "Data: chinchilla:epoch.", "Every study above, in this order.");
    }
}
