package org.scalefit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.cli.ScalefitCommand;

/** A scalefit command run in this JVM, and result files compared apart from the time a run took. */
final class CommandResults {

    private CommandResults() {
    }

    /**
     * Runs {@code command} followed by {@code engine} and {@code --out DIRECTORY/result.json} in this JVM, checks
     * that it exits with 0, and returns the result file {@link #withoutTimings without its timings}.
     */
    static String run(Path directory, String[] command, String... engine) throws IOException {
        Files.createDirectories(directory);
        Path out = directory.resolve("result.json");
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(engine));
        args.addAll(List.of("--out", out.toString()));
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            exitCode = ScalefitCommand.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        assertThat(exitCode).as(String.join(" ", args) + "\n" + printed).isZero();
        return withoutTimings(Files.readString(out));
    }

    /** A result file with every {@code "seconds"} (the time a run took) set to 0. */
    static String withoutTimings(String result) {
        return result.replaceAll("\"seconds\" : [0-9.Ee+-]+", "\"seconds\" : 0");
    }
}
