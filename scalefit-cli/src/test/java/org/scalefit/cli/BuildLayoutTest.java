package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The build a new user runs: {@code mvn verify} builds the library and the command line only (Spark and JMH are
 * profiles, so a fresh machine downloads neither), quietly ({@code .mvn/maven.config}), and CI still tests Spark.
 */
class BuildLayoutTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theDefaultBuildHasTheFourModulesAndTheOptionalOnesAreProfiles() throws Exception {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String defaults = pom.substring(0, pom.indexOf("<profiles>"));

        assertThat(modules(defaults)).containsExactly("scalefit-core", "scalefit-io", "scalefit-report",
                "scalefit-reproduce", "scalefit-cli");
        assertThat(modules(profile(pom, "spark"))).containsExactly("scalefit-spark");
        assertThat(modules(profile(pom, "bench"))).containsExactly("scalefit-bench");
        assertThat(modules(profile(pom, "all"))).containsExactlyInAnyOrder("scalefit-spark", "scalefit-bench");
    }

    @Test
    void mavenRunsInBatchModeWithoutTransferProgressAndCiTestsEveryModule() throws Exception {
        assertThat(Files.readAllLines(ROOT.resolve(".mvn/maven.config"))).contains("-B", "-ntp");
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).containsPattern("mvn [^\\n]*-Pall[^\\n]* verify");
    }

    private static String profile(String pom, String id) {
        Matcher matcher = Pattern.compile("<profile>\\s*<id>" + id + "</id>(.*?)</profile>", Pattern.DOTALL).matcher(pom);
        assertThat(matcher.find()).as("profile " + id).isTrue();
        return matcher.group(1);
    }

    private static List<String> modules(String xml) {
        return Pattern.compile("<module>([^<]+)</module>").matcher(xml).results().map(m -> m.group(1)).toList();
    }
}
