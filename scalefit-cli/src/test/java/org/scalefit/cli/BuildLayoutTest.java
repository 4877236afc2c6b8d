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
 * profiles, so a fresh machine downloads neither; the shaded command-line jar only with {@code -Pjar}, which
 * {@code ./scalefit} asks for), quietly ({@code .mvn/maven.config}), and CI still tests Spark.
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
    void mavenRunsInBatchModeWithoutTransferProgressOnTheC1CompilerAndCiTestsEveryModule() throws Exception {
        assertThat(Files.readAllLines(ROOT.resolve(".mvn/maven.config"))).contains("-B", "-ntp");
        assertThat(Files.readAllLines(ROOT.resolve(".mvn/jvm.config"))).contains("-XX:TieredStopAtLevel=1");
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).containsPattern("mvn [^\\n]*-Pall[^\\n]* verify");
    }

    @Test
    void theShadedJarIsBuiltOnlyByTheProfilesThatNeedIt() throws Exception {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String defaults = pom.substring(pom.indexOf("</profiles>"));

        assertThat(property(defaults, "scalefit.jarPhase")).isEqualTo("none");
        for (String id : new String[] {"jar", "spark", "all"}) {
            assertThat(property(profile(pom, id), "scalefit.jarPhase")).as(id).isEqualTo("package");
        }
        assertThat(Files.readString(ROOT.resolve("scalefit-cli/pom.xml")))
                .containsPattern("<phase>\\$\\{scalefit.jarPhase}</phase><goals><goal>shade</goal>");
    }

    private static String property(String xml, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(xml);
        assertThat(matcher.find()).as("property " + name).isTrue();
        return matcher.group(1);
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
