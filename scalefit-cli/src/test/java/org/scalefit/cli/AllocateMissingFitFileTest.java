package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code allocate --law} names a reference law or a fit file: a path that does not exist is a missing fit file, said
 * as {@code predict --fit} says it (exit 3, no such file); a bare word that is no reference law is a usage error.
 */
class AllocateMissingFitFileTest {

    @TempDir
    Path folder;

    @Test
    void aFitFileThatDoesNotExistIsBadInputSayingSo() {
        Path missing = folder.resolve("fitted.json");

        CliRun run = CliRun.of("allocate", "--law", missing.toString(), "--compute", "1e21");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("fitted.json", "no such file");
    }

    @Test
    void aMisspeltReferenceLawIsAUsageErrorListingTheReferenceLaws() {
        CliRun run = CliRun.of("allocate", "--law", "chinchila", "--compute", "1e21");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("chinchila", "chinchilla, epoch, kaplan");
    }
}
