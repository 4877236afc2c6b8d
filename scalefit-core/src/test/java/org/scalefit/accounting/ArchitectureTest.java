package org.scalefit.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /** width, depth, params_active_precise, exact/6N ratio of the 22 Gemstones shapes (see NOTICE). */
    static List<double[]> gemstonesShapes() {
        try (var in = new BufferedReader(new InputStreamReader(
                ArchitectureTest.class.getResourceAsStream("gemstones-shapes.csv"), StandardCharsets.UTF_8))) {
            return in.lines().skip(1).map(line -> java.util.Arrays.stream(line.split(","))
                    .mapToDouble(Double::parseDouble).toArray()).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void exactCountEqualsGemstonesParamsActivePreciseForAll22Shapes() {
        List<double[]> shapes = gemstonesShapes();
        assertThat(shapes).hasSize(22);
        for (double[] shape : shapes) {
            assertThat(Architecture.gemstones().parameters((int) shape[0], (int) shape[1]))
                    .as("%s×%s", shape[0], shape[1]).isEqualTo(shape[2]);
        }
    }

    @Test
    void flopAccountingRatiosMatchTheGemstonesReRun() {
        for (double[] shape : gemstonesShapes()) {
            assertThat(TrainingCompute.accountingRatio(Architecture.gemstones(), (int) shape[0], (int) shape[1]))
                    .as("%s×%s", shape[0], shape[1]).isCloseTo(shape[3], within(5e-7));
        }
    }

    @Test
    void relaxedCountEqualsExactCountWhenHeadsDivideEvenly() {
        Architecture gemstones = Architecture.gemstones();
        assertThat(gemstones.relaxedParameters(1024, 28)).isEqualTo(gemstones.parameters(1024, 28));
        assertThat(gemstones.relaxedParameters(384, 13)).isNotEqualTo(gemstones.parameters(384, 13));
    }

    @Test
    void withoutVocabularyTheCountLosesEmbeddingAndHead() {
        Architecture gemstones = Architecture.gemstones();
        assertThat(gemstones.parameters(512, 12) - gemstones.nonEmbeddingParameters(512, 12))
                .isEqualTo(2.0 * 50304 * 512);
    }

    @Test
    void flopConventionsDifferAsDefined() {
        Architecture gemstones = Architecture.gemstones();
        double n = gemstones.parameters(1024, 28);
        double nonEmbedding = gemstones.nonEmbeddingParameters(1024, 28);
        assertThat(FlopCount.SIX_N.perToken(gemstones, 1024, 28)).isEqualTo(6 * n);
        assertThat(FlopCount.KAPLAN.perToken(gemstones, 1024, 28)).isEqualTo(6 * nonEmbedding);
        assertThat(FlopCount.ATTENTION_INCLUSIVE.perToken(gemstones, 1024, 28))
                .isEqualTo(6 * (nonEmbedding + 1024.0 * 50304) + 6.0 * 28 * 2048 * 1024);
    }

    @Test
    void flopCountLabelsRoundTrip() {
        for (FlopCount count : FlopCount.values()) {
            assertThat(FlopCount.fromLabel(count.label())).isEqualTo(count);
        }
        assertThatThrownBy(() -> FlopCount.fromLabel("8n")).hasMessageContaining("six-n");
    }

    @Test
    void gpuHoursAreSecondsPerStepTimesStepsTimesGpus() {
        double[] hours = TrainingCompute.gpuHours(new double[] {1.8}, new double[] {1000}, new double[] {4}, 8);
        assertThat(hours[0]).isCloseTo(1.8 * 1000 * 4 * 8 / 3600, within(1e-12));
    }

    @Test
    void shapesMustBeWholePositiveNumbers() {
        assertThatThrownBy(() -> TrainingCompute.flops(new double[] {512.5}, new double[] {12}, new double[] {1e9},
                Architecture.gemstones(), FlopCount.GEMSTONES_GQA)).hasMessageContaining("width of row 0");
        assertThatThrownBy(() -> Architecture.gemstones().parameters(0, 12)).hasMessageContaining("positive");
    }
}
