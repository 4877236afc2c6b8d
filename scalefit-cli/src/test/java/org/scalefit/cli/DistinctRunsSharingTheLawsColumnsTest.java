package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A written law that reads params, unique tokens and loss, not tokens, fits every run of a table: two runs of
 * Muennighoff et al. (83m32b100m and 83m60b100m) share params, unique tokens and loss and differ in tokens.
 */
class DistinctRunsSharingTheLawsColumnsTest {

    @TempDir
    Path folder;

    @Test
    void runsDifferingOnlyInTokensAreTwoPointsOfALawInUniqueTokens() throws IOException {
        Path runs = Files.writeString(folder.resolve("runs.csv"), """
                run,params,tokens,unique_tokens,loss
                83m32b100m,82700000.0,32000000000.0,100000000.0,3.747091
                83m60b100m,82700000.0,60000000000.0,100000000.0,3.747091
                2b855b28bc4seed1,2810000000.0,55000000000.0,28000000000.0,2.575713
                4b224b12b,4246500000.0,24000000000.0,12000000000.0,2.691483
                4b284b28bc4seed4,4246500000.0,84000000000.0,28000000000.0,2.494708
                8b7178b44b,8670000000.0,178000000000.0,44000000000.0,2.351177
                14m174b100m,14100000.0,174000000000.0,100000000.0,4.359691
                619m2b72b7,618700000.0,2700000000.0,2700000000.0,3.415532
                220m7b57b5,220500000.0,7500000000.0,7500000000.0,3.310159
                83m20b20b,82700000.0,20000000000.0,20000000000.0,3.608018
                1b112b12b,1096300000.0,12000000000.0,12000000000.0,2.925644
                221m60b400m,220500000.0,60000000000.0,400000000.0,3.258704
                1b566b12b,1517300000.0,66000000000.0,12000000000.0,2.626113
                """);
        Path out = folder.resolve("fit.json");

        CliRun run = CliRun.of("fit", "--law", "E + A/N^alpha + B/U^beta", "--log", "E,A,B", "--data",
                runs.toString(), "--no-store", "--threads", "2", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out)).containsPattern("\"points\"\\s*:\\s*13\\b");
    }
}
