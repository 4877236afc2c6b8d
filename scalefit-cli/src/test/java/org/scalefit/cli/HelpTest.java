package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} of every command and subcommand prints its usage and nothing from picocli's own warnings. */
class HelpTest {

    @Test
    void everyCommandsHelpPrintsNoPicocliWarning() {
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new ScalefitCommand()), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(10);
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");

            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).contains("Usage:");
            assertThat(run.out() + run.err()).as(String.join(" ", args)).doesNotContain("picocli WARN")
                    .doesNotContain("Could not format");
        }
    }

    /** Every command that writes files exits 1 when it cannot write them (OutputsCommandTest), so its help says so. */
    @Test
    void everyWritingCommandsHelpListsExitCodeOneForIoFailures() {
        List<List<String>> commands = new ArrayList<>();
        CommandLine root = new CommandLine(new ScalefitCommand());
        collect(root, new ArrayList<>(), commands);
        List<String> missing = new ArrayList<>();
        for (List<String> command : commands) {
            CommandLine line = root;
            for (String name : command) {
                line = line.getSubcommands().get(name);
            }
            var spec = line.getCommandSpec();
            boolean writes = spec.findOption("--out") != null || spec.findOption("--csv") != null;
            var exitCodes = spec.usageMessage().exitCodeList();
            if (writes && !exitCodes.isEmpty() && !exitCodes.keySet().stream().anyMatch(k -> k.strip().equals("1"))) {
                missing.add(String.join(" ", command));
            }
        }
        assertThat(missing).as("commands whose help omits exit code 1").isEmpty();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        for (var sub : command.getSubcommands().entrySet()) {
            if (sub.getValue().getCommandSpec().name().equals(sub.getKey()) && !sub.getKey().equals("help")) {
                List<String> next = new ArrayList<>(path);
                next.add(sub.getKey());
                into.add(next);
                collect(sub.getValue(), next, into);
            }
        }
    }
}
