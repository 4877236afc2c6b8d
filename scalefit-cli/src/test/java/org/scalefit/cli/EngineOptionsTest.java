package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --engine}: the Spark engine is optional, and asking for it without the module says how to get it. */
class EngineOptionsTest {

    @Test
    void sparkEngineWithoutTheModuleSaysHowToGetIt() {
        CliRun run = CliRun.of("fit", "--data", "gemstones:hot", "--delta", "1e-3", "--engine", "spark");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the Spark engine is not on the classpath").contains("scalefit-spark");
    }

    @Test
    void unknownEngineIsAUsageError() {
        CliRun run = CliRun.of("bootstrap", "--data", "chinchilla:epoch", "--engine", "gpu");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown engine 'gpu'; expected local or spark");
    }

    @Test
    void masterWithTheLocalEngineIsAUsageError() {
        CliRun run = CliRun.of("sensitivity", "delta-grid", "--data", "gemstones:hot", "--grid-sizes", "3000",
                "--master", "local[2]");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--master applies to --engine spark");
    }
}
