package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One execution-exception handler turns every command's failures into a named message and an exit code. */
class FailuresTest {

    @Test
    void badUsageFoundWhileRunningExitsTwoNamingTheCommand() {
        CliRun run = CliRun.of("fit", "--data", "gemstones:hot", "--threads", "0", "--no-store");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("scalefit fit: --threads must be at least 1, was 0");
    }

    @Test
    void aSubcommandIsNamedWithItsParent() {
        CliRun run = CliRun.of("sensitivity", "rainbow", "--threads", "0", "--fit-sets", "hot");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("scalefit sensitivity rainbow: --threads must be at least 1");
    }

    @Test
    void badInputDataExitsThreeWithTheFile() {
        CliRun run = CliRun.of("frontier", "--data", "no-such-file.csv");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("scalefit frontier: ").contains("no-such-file.csv");
    }

    @Test
    void anUnknownEnumValueIsAUsageError() {
        CliRun run = CliRun.of("frontier", "--data", "gemstones:hot", "--resource", "joules");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown resource 'joules'; expected flops or gpu-hours");
    }

    @Test
    void formatsAreGivenInLowerCase() {
        CliRun run = CliRun.of("frontier", "--data", "gemstones:hot", "--format", "xml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format");
    }
}
