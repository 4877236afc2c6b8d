package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Commands are parse → call a library API → print: the thinned ones stay within the project's 150-line limit. */
class ThinCommandsTest {

    private static final int LIMIT = 150;
    private static final Path SOURCES = Path.of("src/main/java/org/scalefit/cli");
    /** The commands whose analysis moved to the library; others are listed as they are thinned. */
    private static final List<String> THINNED = List.of("ParabolaCommand", "ShapesCommand", "RainbowCommand",
            "SamplingCommand", "RolloutCommand", "BenchmarksCommand");

    @Test
    void thinnedCommandsStayWithinTheLineLimit() throws IOException {
        for (String command : THINNED) {
            Path file = SOURCES.resolve(command + ".java");
            assertThat(Files.readAllLines(file)).as(file.toString()).hasSizeLessThanOrEqualTo(LIMIT);
        }
    }
}
