package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndustryModelsTest {

    @TempDir
    Path folder;

    @Test
    void bundledTableHoldsGemstonesTwentyOneModelsInFileOrder() {
        IndustryModels models = IndustryModels.bundled();

        assertThat(models.source()).isEqualTo(IndustryModels.BUNDLED);
        assertThat(models.sha256()).hasSize(64);
        assertThat(models.models()).hasSize(21);
        // values of data/our_val_loss_data.json (Gemstones' industry-model losses)
        assertThat(models.models().get(0)).isEqualTo(new IndustryModels.Model("google/Gemma-7b", 2.3504819578659712,
                8537680896L, 7751248896L, 3072, 28, 256000));
        assertThat(models.models().get(5).hfName()).isEqualTo("meta-llama/Llama-2-70b-hf");
        assertThat(models.models().get(5).loss()).isEqualTo(1.8240561916384195);
        assertThat(models.models().get(16).hfName()).isEqualTo("Qwen/Qwen2-0.5B");
        assertThat(models.models().get(16).loss()).isEqualTo(2.8981471971862525);
    }

    @Test
    void excludingMatchesHuggingFaceOrShortNames() {
        IndustryModels models = IndustryModels.bundled();

        IndustryModels byShort = models.excluding(List.of("Llama-3.1-70B"));
        IndustryModels byFull = models.excluding(List.of("meta-llama/Llama-3.1-70B"));

        assertThat(byShort.models()).hasSize(20).noneMatch(m -> m.hfName().equals("meta-llama/Llama-3.1-70B"));
        assertThat(byFull).isEqualTo(byShort);
        assertThat(models.excluding(List.of("Llama-3.1"))).isEqualTo(models);
    }

    @Test
    void lossBandIsInclusiveAndKeepsFileOrder() {
        IndustryModels models = IndustryModels.bundled();

        assertThat(models.withLossIn(2.35, 2.3717856239705952)).extracting(IndustryModels.Model::shortName)
                .containsExactly("Gemma-7b", "Qwen2-7B");
        assertThat(models.withLossIn(3.0, 4.0)).isEmpty();
    }

    @Test
    void columnsOfDifferentLengthsAreReportedWithTheField() throws IOException {
        Path file = folder.resolve("models.json");
        Files.writeString(file, "{\"hf_name\":[\"a/b\",\"c/d\"],\"loss\":[2.0],\"params\":[1,2],\"non_emb_params\":[1,2],"
                + "\"width\":[1,2],\"depth\":[1,2],\"vocab_size\":[1,2]}");

        assertThatThrownBy(() -> IndustryModels.read(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": column 'loss': expected 2 entries, as hf_name has, found 1");
    }

    @Test
    void aNonPositiveLossIsReportedWithItsEntry() throws IOException {
        Path file = folder.resolve("models.json");
        Files.writeString(file, "{\"hf_name\":[\"a/b\"],\"loss\":[-1.5],\"params\":[1],\"non_emb_params\":[1],"
                + "\"width\":[1],\"depth\":[1],\"vocab_size\":[1]}");

        assertThatThrownBy(() -> IndustryModels.read(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": column 'loss[0]': expected a positive finite number, found -1.5");
    }

    @Test
    void aMissingColumnIsReported() throws IOException {
        Path file = folder.resolve("models.json");
        Files.writeString(file, "{\"hf_name\":[\"a/b\"],\"loss\":[2.5]}");

        assertThatThrownBy(() -> IndustryModels.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("column 'params': expected an array");
    }
}
