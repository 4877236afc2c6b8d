package org.scalefit.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StudiesTest {

    @Test
    void allRunsEveryRegisteredStudyInRegistryOrderOnce() {
        assertThat(Studies.names()).containsExactly("gemstones", "chinchilla", "gadre", "datablations", "porian");
        assertThat(Studies.select(List.of("gadre", Studies.ALL, "gadre")).stream().map(Study::name))
                .containsExactly("gadre", "gemstones", "chinchilla", "datablations", "porian");
        assertThat(Studies.select(List.of("porian", "chinchilla")).stream().map(Study::name))
                .containsExactly("porian", "chinchilla");
    }

    @Test
    void everyStudySaysWhatItReproducesAndReads() {
        for (Study study : Studies.all()) {
            assertThat(study.title()).as(study.name()).isNotBlank();
            assertThat(study.description()).as(study.name()).isNotBlank();
            assertThat(study.data()).as(study.name()).isNotEmpty();
            assertThat(Studies.named(study.name())).contains(study);
        }
    }

    @Test
    void anUnknownNameIsRefusedWithTheRegisteredNames() {
        assertThatThrownBy(() -> Studies.select(List.of("kaplan")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown study 'kaplan'; expected gemstones, chinchilla, gadre, datablations, porian or all");
    }
}
