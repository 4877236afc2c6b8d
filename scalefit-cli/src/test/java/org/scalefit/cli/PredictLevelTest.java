package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code predict --level} sets the coverage of bootstrap intervals: asked of a law without replicates, it is refused. */
class PredictLevelTest {

    @Test
    void aLevelForALawWithoutBootstrapReplicatesIsRefused() {
        CliRun run = CliRun.of("predict", "--reference", "chinchilla", "--at", "N=1e9,D=2e10", "--level", "90");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--level").contains("no bootstrap replicates");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withoutALevelTheSameLawPredicts() {
        CliRun run = CliRun.of("predict", "--reference", "chinchilla", "--at", "N=1e9,D=2e10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isNotEmpty();
    }
}
