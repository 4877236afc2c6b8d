package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A NAME=VALUE option that names a key twice is refused: the command line would keep the last without a word. */
class RepeatedKeysTest {

    @Test
    void aParameterSetTwiceInOneListIsRefused() {
        CliRun run = CliRun.of("predict", "--law", "E + A/N^alpha + B/D^beta", "--set",
                "E=1.69,A=406.4,alpha=0.34,B=410.7,beta=0.28,E=5", "--at", "N=1e9,D=2e10");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--set").contains("E twice");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aColumnMappedTwiceInRepeatedOptionsIsRefused() {
        CliRun run = CliRun.of("fit", "--data", "runs.csv", "--column", "params=n", "--column", "params=m",
                "--no-store");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--column").contains("params twice");
    }

    @Test
    void oneValueGivenToTwoKeysIsNoRepeat() {
        CliRun run = CliRun.of("predict", "--law", "E + A/N^alpha + B/D^beta", "--set",
                "E=1.69,A=406.4,alpha=0.3,B=410.7,beta=0.3", "--at", "N=1e9,D=2e10");

        assertThat(run.exitCode()).as(run.err()).isZero();
    }
}
