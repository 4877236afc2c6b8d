package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's launcher {@code ./scalefit}, run by bash in a copy of the repository's layout with stand-ins for
 * {@code mvn} and {@code java} (which record their calls): it rebuilds only when a main source or a pom changed,
 * and what it prints to a pipe carries no terminal escape codes.
 */
class LauncherScriptTest {

    private static final Instant BUILT = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path root;

    private Path bin;

    @BeforeEach
    void layOutARepositoryWithABuiltJar() throws IOException {
        Files.copy(Path.of("..", "scalefit"), root.resolve("scalefit"));
        for (String module : new String[] {"scalefit-core", "scalefit-io", "scalefit-report", "scalefit-reproduce",
                "scalefit-cli"}) {
            file(module + "/pom.xml", BUILT.minusSeconds(60));
            file(module + "/src/main/java/org/scalefit/Main.java", BUILT.minusSeconds(60));
        }
        file("pom.xml", BUILT.minusSeconds(60));
        file("scalefit-cli/target/scalefit.jar", BUILT);
        bin = Files.createDirectories(root.resolve("stub-bin"));
        script("java", "echo \"java $*\"");
        script("mvn", "echo \"mvn $*\" >> \"" + root.resolve("mvn-calls") + "\"\n"
                + "printf '\\033[0m\\033[0m[ERROR] \\033[1mcompilation failed\\033[m\\n'\n"
                + "exit ${MVN_EXIT:-0}");
    }

    @Test
    void generatedSourcesTestsAndTheOptionalModulesNewerThanTheJarDoNotRebuild() throws Exception {
        Instant later = BUILT.plusSeconds(60);
        file("scalefit-bench/target/generated-sources/annotations/org/scalefit/bench/jmh_generated/X.java", later);
        file("scalefit-bench/src/main/java/org/scalefit/bench/B.java", later);
        file("scalefit-cli/src/test/java/org/scalefit/cli/SomeTest.java", later);
        file("scalefit-cli/target/classes/org/scalefit/cli/ScalefitCommand.class", later);
        file("README.md", later);

        Result run = launch(0);

        assertThat(run.exitCode).isZero();
        assertThat(Files.exists(root.resolve("mvn-calls"))).isFalse();
        assertThat(run.output).doesNotContain("building").contains("java -jar " + root.resolve("scalefit-cli/target/scalefit.jar") + " --version");
    }

    @Test
    void aChangedMainSourceRebuildsAndSaysWhich() throws Exception {
        file("scalefit-core/src/main/java/org/scalefit/Main.java", BUILT.plusSeconds(60));

        Result run = launch(0);

        assertThat(run.exitCode).isZero();
        assertThat(Files.readString(root.resolve("mvn-calls"))).startsWith("mvn ").containsOnlyOnce("\n");
        assertThat(run.output).contains("scalefit: building (scalefit-core/src/main/java/org/scalefit/Main.java changed)")
                .contains("java -jar");
        assertThat(run.output).doesNotContain("\u001b");
    }

    @Test
    void theRebuildAsksForTheShadedJar() throws Exception {
        Files.delete(root.resolve("scalefit-cli/target/scalefit.jar"));

        Result run = launch(0);

        assertThat(run.output).contains("scalefit: building (first use)");
        assertThat(Files.readString(root.resolve("mvn-calls"))).contains(" -Pjar ").contains(" package ")
                .contains("-pl scalefit-cli -am");
    }

    @Test
    void aChangedReproductionRebuilds() throws Exception {
        file("scalefit-reproduce/src/main/java/org/scalefit/Main.java", BUILT.plusSeconds(60));

        Result run = launch(0);

        assertThat(run.exitCode).isZero();
        assertThat(run.output).contains("scalefit: building (scalefit-reproduce/src/main/java/org/scalefit/Main.java "
                + "changed)");
    }

    @Test
    void aFailedBuildShowsMavensOutputWithoutEscapeCodesAndStops() throws Exception {
        file("pom.xml", BUILT.plusSeconds(60));

        Result run = launch(1);

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.output).contains("[ERROR] compilation failed").contains("the build failed")
                .doesNotContain("\u001b").doesNotContain("java -jar");
    }

    private record Result(int exitCode, String output) { }

    private Result launch(int mavenExitCode) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("scalefit").toString(), "--version")
                .redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("MVN_EXIT", Integer.toString(mavenExitCode));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private void file(String path, Instant modified) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, path);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private void script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
