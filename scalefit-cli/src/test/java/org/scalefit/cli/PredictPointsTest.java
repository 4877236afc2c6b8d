package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict --points FILE}: the points of a user's file, read as {@code fit} reads its data. */
class PredictPointsTest {

    private static final String GADRE = "alpha=166.2,beta=366.7,b=-0.2729,E=1.8366";

    @TempDir
    Path folder;

    @Test
    void aLawOfTokensPerParameterPredictsOnPointsOfParamsAndTokensAndSaysMIsDerived() throws Exception {
        Path points = Files.writeString(folder.resolve("points.csv"), "params,tokens\n1e9,2e10\n");

        CliRun fromFile = CliRun.of("predict", "--law", "gadre-overtraining", "--set", GADRE,
                "--points", points.toString());
        CliRun atM = CliRun.of("predict", "--law", "gadre-overtraining", "--set", GADRE, "--at", "N=1e9,M=20");

        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).isEqualTo(atM.out());
        assertThat(fromFile.err()).contains(points.toString()).contains("M = tokens/params");
    }
}
