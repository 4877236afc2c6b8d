package org.scalefit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.cli.ScalefitCommand;
import org.scalefit.io.BundledDataset;

/**
 * {@code --engine spark} on the command line: the result files are the local engine's, byte for byte, except the
 * time a run took.
 */
class SparkEngineCommandTest {

    @TempDir
    Path folder;

    @Test
    void fitOnGemstonesHotWritesTheLocalEnginesBytes() throws Exception {
        String[] fit = {"fit", "--data", "gemstones:hot", "--delta", "1e-3", "--no-cache"};
        String local = CommandResults.run(folder.resolve("local"), fit, "--threads", "2");
        String spark = CommandResults.run(folder.resolve("spark"), fit, "--engine", "spark", "--master", "local[2]");
        assertThat(spark).contains("\"loss\"").isEqualTo(local);
    }

    @Test
    void fitOfAFileUriReadsItsCopyAndNamesTheUri() throws Exception {
        BundledDataset dataset = BundledDataset.of("gemstones:slim_chinchilla");
        Path data = folder.resolve("data").resolve(dataset.fileName());
        Files.createDirectories(data.getParent());
        try (InputStream bytes = dataset.open()) {
            Files.copy(bytes, data);
        }
        String uri = data.toUri().toString();
        String[] onPath = {"fit", "--data", data.toString(), "--delta", "1e-3", "--no-cache"};
        String[] onUri = {"fit", "--data", uri, "--delta", "1e-3", "--no-cache"};
        String local = CommandResults.run(folder.resolve("local"), onPath, "--threads", "2");
        String spark = CommandResults.run(folder.resolve("spark"), onUri, "--engine", "spark", "--master", "local[2]");
        assertThat(spark).contains("\"data\" : \"" + uri + "\"");
        // a URI names no local path, so the Spark result has no data_absolute (FitProvenance.absolutePathOf)
        String localWithoutAbsolute = local.replaceAll("(?m)^\\s*\"data_absolute\" : .*\\R", "");
        assertThat(localWithoutAbsolute).isNotEqualTo(local);
        assertThat(spark.replace("\"" + uri + "\"", "\"" + data + "\"")).contains("\"loss\"")
                .isEqualTo(localWithoutAbsolute);
    }

    @Test
    void bootstrapOfAFitWritesTheLocalEnginesBytes() throws Exception {
        Path fitted = folder.resolve("fit.json");
        assertThat(ScalefitCommand.execute("fit", "--data", "gemstones:hot", "--delta", "1e-3", "--grid", "epoch",
                "--threads", "2", "--out", fitted.toString())).isZero();
        String[] bootstrap = {"bootstrap", "--fit", fitted.toString(), "--resamples", "200", "--seed", "42",
                "--compute", "1e21,1e23", "--draws"};
        String local = CommandResults.run(folder.resolve("local"), bootstrap, "--threads", "2");
        String spark = CommandResults.run(folder.resolve("spark"), bootstrap,
                "--engine", "spark", "--master", "local[2]");
        assertThat(spark).contains("\"replicates\"").isEqualTo(local);
    }

    @Test
    void deltaGridSweepWritesTheLocalEnginesBytes() throws Exception {
        String[] sweep = {"sensitivity", "delta-grid", "--data", "gemstones:hot", "--deltas", "1e-3,1e-4",
                "--grid-sizes", "3000"};
        String local = CommandResults.run(folder.resolve("local"), sweep, "--threads", "2");
        String spark = CommandResults.run(folder.resolve("spark"), sweep, "--engine", "spark", "--master", "local[2]");
        assertThat(spark).contains("\"delta\"").isEqualTo(local);
    }
}
