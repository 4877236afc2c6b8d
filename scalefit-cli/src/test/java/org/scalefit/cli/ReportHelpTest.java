package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code report --help} says in its description what the options that change an analysis's rule do to the report. */
class ReportHelpTest {

    @Test
    void theDescriptionSaysWhatTheNoiseAndDropDominatedOptionsChange() {
        CliRun run = CliRun.of("report", "--help");

        String description = run.out().substring(0, run.out().indexOf("Example:")).replaceAll("\\s+", " ");
        assertThat(description).contains("--noise or --noise-model the Approach-2")
                .contains("--drop-dominated the Approach-1 frontiers are strict Pareto frontiers");
    }
}
