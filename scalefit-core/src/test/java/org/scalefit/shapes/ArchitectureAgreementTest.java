package org.scalefit.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.accounting.Architecture;

class ArchitectureAgreementTest {

    /** A family of another lab: vocabulary 32 000, head size 64, one query per key-value head, MLP ×4. */
    private static final Architecture LLAMA_LIKE = new Architecture(32000, 2048, 64, 1, 4);

    private static final int[][] SHAPES = {{512, 8}, {768, 12}, {1024, 16}, {1280, 10}, {1536, 24}, {2048, 20},
            {2560, 32}, {3072, 28}};

    private static List<CountedShape> countedWith(Architecture architecture) {
        List<CountedShape> shapes = new ArrayList<>();
        for (int[] shape : SHAPES) {
            shapes.add(new CountedShape(shape[0], shape[1], architecture.parameters(shape[0], shape[1])));
        }
        return shapes;
    }

    @Test
    void runsCountedWithTheSearchsArchitectureAgree() {
        ArchitectureAgreement agreement = ArchitectureAgreement.of(countedWith(Architecture.gemstones()),
                ShapeAccounting.gemstones());

        assertThat(agreement.agrees()).isTrue();
        assertThat(agreement.medianRatio()).isEqualTo(1.0);
        assertThat(agreement.caution()).isEmpty();
    }

    @Test
    void countsRoundedToThreeSignificantFiguresStillAgree() {
        List<CountedShape> rounded = countedWith(Architecture.gemstones()).stream()
                .map(s -> new CountedShape(s.width(), s.depth(), Double.parseDouble(String.format("%.2e", s.params()))))
                .toList();

        assertThat(ArchitectureAgreement.of(rounded, ShapeAccounting.gemstones()).agrees()).isTrue();
    }

    @Test
    void runsOfAnotherFamilyAreCautionedWithTheMedianRatioAndTheOptions() {
        ArchitectureAgreement agreement = ArchitectureAgreement.of(countedWith(LLAMA_LIKE),
                ShapeAccounting.gemstones());

        assertThat(agreement.agrees()).isFalse();
        // a smaller vocabulary takes params away, full multi-head attention adds them: two of the eight shapes
        // come within 1 % by cancellation, the six others do not
        assertThat(agreement.disagreeing()).isEqualTo(6);
        double[] ratios = agreement.ratios();
        java.util.Arrays.sort(ratios);
        assertThat(agreement.medianRatio()).isCloseTo((ratios[3] + ratios[4]) / 2, within(1e-15));
        assertThat(agreement.caution()).hasValueSatisfying(caution -> assertThat(caution)
                .contains("architecture mismatch")
                .contains(String.format(java.util.Locale.ROOT, "median ratio recorded/counted %.4f",
                        agreement.medianRatio()))
                .contains("over 8 shapes, 6 beyond ±1%")
                .contains("--vocab").contains("--head-size").contains("--queries-per-group")
                .contains("--mlp-expansion"));
    }

    @Test
    void runsOfTheSameFamilyWithAnotherVocabularyNameIt() {
        ArchitectureAgreement agreement = ArchitectureAgreement.of(
                countedWith(Architecture.gemstones().withVocabulary(128256)), ShapeAccounting.gemstones());

        assertThat(agreement.impliedVocabulary()).contains(128256);
        assertThat(agreement.caution()).hasValueSatisfying(caution -> assertThat(caution).contains("--vocab 128256"));
    }

    @Test
    void theCountComparedIsTheSearchsParameterCount() {
        List<CountedShape> withoutEmbeddings = countedWith(Architecture.gemstones().withVocabulary(0));

        assertThat(ArchitectureAgreement.of(withoutEmbeddings, ShapeAccounting.gemstones()).agrees()).isFalse();
        assertThat(ArchitectureAgreement.of(withoutEmbeddings,
                new ShapeAccounting(Architecture.gemstones(), ParameterCount.NO_EMBEDS)).agrees()).isTrue();
    }

    @Test
    void distinctShapesAreKeptOnceEach() {
        CountedShape shape = new CountedShape(512, 8, 1e8);
        assertThat(ArchitectureAgreement.distinct(List.of(shape, new CountedShape(256, 3, 5e7), shape)))
                .containsExactly(new CountedShape(256, 3, 5e7), shape);
    }

    @Test
    void runsCountedWithEmbeddingsAgreeWithTheArchitectureOfASearchThatPrintsCountsWithoutThem() {
        ShapeAccounting printsWithoutEmbeddings = new ShapeAccounting(Architecture.gemstones(),
                ParameterCount.RELAXED_NO_EMBEDS);

        assertThat(ArchitectureAgreement.of(countedWith(Architecture.gemstones()), printsWithoutEmbeddings).agrees())
                .isFalse();
        assertThat(ArchitectureAgreement.ofArchitecture(countedWith(Architecture.gemstones()),
                printsWithoutEmbeddings).caution()).isEmpty();
    }

    @Test
    void runsCountedWithoutTheInputEmbeddingOnlyAgreeWithTheArchitecture() {
        Architecture gemstones = Architecture.gemstones();
        List<CountedShape> withoutInputEmbedding = countedWith(gemstones).stream()
                .map(s -> new CountedShape(s.width(), s.depth(), s.params() - gemstones.vocabulary() * s.width()))
                .toList();

        assertThat(ArchitectureAgreement.ofArchitecture(withoutInputEmbedding, ShapeAccounting.gemstones()).agrees())
                .isTrue();
        assertThat(ArchitectureAgreement.ofArchitecture(withoutInputEmbedding, new ShapeAccounting(gemstones,
                ParameterCount.NO_EMBEDS)).agrees()).isTrue();
    }

    @Test
    void runsOfAnotherFamilyDisagreeWithTheArchitectureUnderEveryCount() {
        for (ParameterCount count : ParameterCount.values()) {
            ArchitectureAgreement agreement = ArchitectureAgreement.ofArchitecture(countedWith(LLAMA_LIKE),
                    new ShapeAccounting(Architecture.gemstones(), count));

            assertThat(agreement.agrees()).as("%s", count).isFalse();
            assertThat(agreement.accounting().parameterCount()).as("the search's own count named").isEqualTo(count);
        }
    }
}
