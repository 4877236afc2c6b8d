package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.store.ResultsStore;

/** Where results go: every output path checked before any work, with the operating system's reason. */
class OutputsCommandTest {

    @TempDir
    Path folder;

    @Test
    void aFitWhoseOutIsADirectoryStopsBeforeFittingWithTheReasonAndExitOne() throws Exception {
        Path directory = Files.createDirectory(folder.resolve("results"));

        CliRun run = CliRun.of("fit", "--data", "gemstones:slim_chinchilla", "--threads", "2", "--out",
                directory.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot write " + directory + ": Is a directory");
        assertThat(run.out()).as("nothing fitted").isEmpty();
        assertThat(folder.resolve(ResultsStore.DEFAULT_FILE_NAME)).as("no store started").doesNotExist();
    }

    @Test
    void everyWritingCommandChecksItsOutBeforeComputing() throws Exception {
        Path file = Files.writeString(folder.resolve("notes.txt"), "a file, not a folder\n");
        Path underFile = file.resolve("out.json");
        List<List<String>> commands = List.of(
                List.of("allocate", "--law", "chinchilla", "--compute", "1e21", "--out", underFile.toString()),
                List.of("frontier", "--data", "gemstones:hot", "--bootstrap", "0", "--out", underFile.toString()),
                List.of("bootstrap", "--data", "chinchilla:epoch", "--resamples", "2", "--out", underFile.toString()),
                List.of("shapes", "--feasible", "--csv", underFile.toString()),
                List.of("report", "--data", "gemstones:hot", "--out", file.resolve("report").toString()),
                List.of("reproduce", "gadre", "--out", file.resolve("report").toString()));
        for (List<String> command : commands) {
            CliRun run = CliRun.of(command.toArray(String[]::new));

            assertThat(run.exitCode()).as(String.join(" ", command) + "\n" + run.err()).isEqualTo(1);
            assertThat(run.err()).as(String.join(" ", command)).contains(file + " is not a directory");
            assertThat(run.out()).as(String.join(" ", command)).isEmpty();
        }
        assertThat(Files.readString(file)).isEqualTo("a file, not a folder\n");
    }
}
