package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.FitDocument;

/**
 * The README's "Use as a library" example is {@code examples/consumer}'s source, and it compiles against the
 * library and runs: a fit, its bootstrap and allocation, and a report.
 */
class LibraryExampleTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path EXAMPLE = ROOT.resolve(
            "examples/consumer/src/main/java/org/scalefit/examples/LibraryExample.java");

    @TempDir
    Path folder;

    @Test
    void theReadmeShowsTheExampleAsItIs() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("## Use as a library\\R(?s:.*?)```java\\R(?<code>(?s:.*?))```").matcher(readme);
        assertThat(block.find()).as("a java block under ## Use as a library").isTrue();
        assertThat(block.group("code")).isEqualTo(Files.readString(EXAMPLE));
    }

    @Test
    void theExampleCompilesAndRunsOnTheConsumersRuns() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(folder.resolve("classes"));
        int compiled = javac.run(null, null, null, "-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), EXAMPLE.toString());
        assertThat(compiled).as("javac exit code").isZero();

        Path out = folder.resolve("out");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Method main = loader.loadClass("org.scalefit.examples.LibraryExample").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {ROOT.resolve("examples/consumer/runs.csv").toString(),
                    out.toString()});
        } finally {
            System.setOut(console);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("what the example prints")
                .startsWith("CONVERGED").contains("C = 1e+21: N = ");

        FitDocument fit = FitDocument.read(Files.readString(out.resolve("fit.json")), "fit.json");
        assertThat(fit.success()).isTrue();
        assertThat(fit.points()).isEqualTo(40);
        assertThat(Files.readString(out.resolve("bootstrap.json"))).contains("\"allocation\"");
        assertThat(out.resolve("report/index.html")).exists();
        assertThat(List.of(fit.exponents()[0], fit.exponents()[1])).allSatisfy(exponent ->
                assertThat(exponent).isBetween(0.2, 0.45));
    }
}
