package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** One Huber threshold δ for every fitting command unless --delta is given: 1e-3, stated in each command's help. */
class DefaultDeltaTest {

    @Test
    void everyCommandWithDeltaDefaultsToOneEMinusThreeAndSaysSoInItsHelp() {
        List<String> checked = new ArrayList<>();
        check(new CommandLine(new ScalefitCommand()), "", checked);

        assertThat(checked).contains("fit", "bootstrap", "rollout", "report", "sensitivity rainbow",
                "sensitivity sampling");
    }

    private static void check(CommandLine command, String path, List<String> checked) {
        for (var sub : command.getSubcommands().entrySet()) {
            if (!sub.getValue().getCommandSpec().name().equals(sub.getKey()) || sub.getKey().equals("help")) {
                continue;
            }
            String name = (path.isEmpty() ? "" : path + " ") + sub.getKey();
            OptionSpec delta = sub.getValue().getCommandSpec().findOption("--delta");
            if (delta != null) {
                assertThat(delta.defaultValue()).as(name).isEqualTo("1e-3");
                assertThat(sub.getValue().getUsageMessage().replaceAll("\\s+", " ")).as(name)
                        .contains("Default: 1e-3 (Hoffmann et al.");
                checked.add(name);
            }
            check(sub.getValue(), name, checked);
        }
    }

    @Test
    void aFitWithoutDeltaIsFittedAtOneEMinusThree() {
        CliRun run = CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--threads", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("δ = 1e-3");
    }
}
