package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.law.LawForm;

class FitInputsTest {

    @TempDir
    Path folder;

    @Test
    void theTextColumnNamingEachRunCanBeTheRunKey() throws IOException {
        // runs a and b share a parameter count: only their names tell them apart
        Path file = folder.resolve("runs.csv");
        Files.writeString(file, """
                run_name,params,tokens,loss
                a,1e8,1e9,3.2
                a,1e8,2e9,3.0
                b,1e8,1e9,3.3
                c,3e8,1e9,3.1
                b,1e8,2e9,3.1
                """);
        FitInputs inputs = FitInputs.read(new DataSource(file.toString(), Map.of()), LawForm.CHINCHILLA, List.of(),
                FitInputs.runKeyCandidates(List.of("run")));

        List<String> key = inputs.runKey(List.of("run"));
        double[][] keys = inputs.columns(key);

        assertThat(key).containsExactly("run");
        assertThat(keys[0][0]).isEqualTo(keys[1][0]).isNotEqualTo(keys[2][0]);
        assertThat(keys[2][0]).isEqualTo(keys[4][0]).isNotEqualTo(keys[3][0]);
        assertThat(keys[3][0]).isNotEqualTo(keys[0][0]);
    }

    @Test
    void aRunKeyOfRunWithoutARunColumnIsToldHowToMapOne() throws IOException {
        Path file = folder.resolve("runs.csv");
        Files.writeString(file, """
                Run,params,tokens,loss
                a,1e8,1e9,3.2
                b,3e8,1e9,3.1
                """);
        FitInputs inputs = FitInputs.read(new DataSource(file.toString(), Map.of()), LawForm.CHINCHILLA, List.of(),
                FitInputs.runKeyCandidates(List.of("run")));

        assertThatThrownBy(() -> inputs.runKey(List.of("run"))).isInstanceOf(InputException.class)
                .hasMessageContaining("--column run=COLUMN");
    }
}
