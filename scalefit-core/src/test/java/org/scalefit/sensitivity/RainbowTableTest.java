package org.scalefit.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.law.PowerLawAllocation;

class RainbowTableTest {

    @Test
    void gemstonesNamesGiveTheOriginalTablesProperties() {
        assertThat(LineVariant.ofGemstonesName("hot_100b+").isBase()).isTrue();
        assertThat(LineVariant.ofGemstonesName("_100b+_no_embeds"))
                .isEqualTo(new LineVariant(LineVariant.ALL_TOKENS, false, false, false, true));
        assertThat(LineVariant.ofGemstonesName("_no_embeds")).isEqualTo(
                new LineVariant(LineVariant.UP_TO_100B, false, false, false, true));
        assertThat(LineVariant.ofGemstonesName("")).isEqualTo(
                new LineVariant(LineVariant.UP_TO_100B, false, false, true, true));
        assertThat(LineVariant.ofGemstonesName("hot_120b+_only").tokens()).isEqualTo(LineVariant.ONLY_ABOVE_120B);
        assertThat(LineVariant.ofGemstonesName("cool_end_no_embeds").cooldown()).isTrue();
        assertThat(LineVariant.ofGemstonesName("_lr_ablation").lrAblation()).isTrue();
        assertThat(LineVariant.ofGemstonesName("lr_ablation_hot_sampled_like_chinchilla"))
                .isEqualTo(new LineVariant(LineVariant.ALL_TOKENS, false, true, true, false));
        assertThat(LineVariant.ofGemstonesName("hot_100b+_512x").isBase()).isFalse();
        assertThat(LineVariant.ofGemstonesName("slim_chinchilla").isBase()).isFalse();
        assertThat(LineVariant.ofGemstonesName("my_runs").tokens()).isEqualTo(LineVariant.UNKNOWN);
    }

    @Test
    void deltaIsTakenFromTheBaseOfTheSameApproachAndEmbeddingsFlag() {
        List<RainbowLine> lines = List.of(
                RainbowLine.ofRegression("a1 all", LineVariant.ofGemstonesName("_100b+"), 0.60, 0.0),
                RainbowLine.ofRegression("a1 hot", LineVariant.ofGemstonesName(""), 0.55, 0.0),
                RainbowLine.ofRegression("a1 all ne", LineVariant.ofGemstonesName("_100b+_no_embeds"), 0.70, 0.0),
                RainbowLine.ofRegression("a1 hot ne", LineVariant.ofGemstonesName("_no_embeds"), 0.72, 0.0),
                RainbowLine.ofRegression("a1 slim", LineVariant.ofGemstonesName("slim_chinchilla"), 0.50, 0.0));
        RainbowTable table = RainbowTable.of(lines, 1e28);
        assertThat(table.rows()).extracting(row -> row.line().label())
                .containsExactly("a1 slim", "a1 hot", "a1 all", "a1 all ne", "a1 hot ne");
        RainbowTable.Row hot = table.rows().get(1);
        assertThat(hot.delta()).isCloseTo(-0.05, within(1e-15));
        assertThat(hot.baseLabel()).isEqualTo("a1 all");
        assertThat(table.rows().get(4).delta()).isCloseTo(0.02, within(1e-15));
        assertThat(table.rows().get(4).baseLabel()).isEqualTo("a1 all ne");
        assertThat(table.rows().get(0).baseLabel()).isEqualTo("a1 all");
        assertThat(table.rows().get(2).delta()).isZero();
    }

    @Test
    void aFamilyWithoutBaseHasNoDeltaAndTwoBasesAreRefused() {
        RainbowLine hot = RainbowLine.ofRegression("hot", LineVariant.ofGemstonesName(""), 0.55, 0.0);
        assertThat(RainbowTable.of(List.of(hot), 1e28).rows().get(0).delta()).isNaN();
        RainbowLine all = RainbowLine.ofRegression("all", LineVariant.ofGemstonesName("_100b+"), 0.6, 0.0);
        RainbowLine again = RainbowLine.ofRegression("again", LineVariant.ofGemstonesName("hot_100b+"), 0.6, 0.0);
        assertThatThrownBy(() -> RainbowTable.of(List.of(all, again), 1e28))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two base lines");
    }

    @Test
    void approach3LinesFollowChinchillaEquation4AndReferencesStayOutOfTheDeltas() {
        double[] theta = {0.34, 0.28, Math.log(406.4), Math.log(410.7), Math.log(1.69)};
        RainbowLine law = RainbowLine.ofLaw("chinchilla", LineVariant.ofGemstonesName("hot_100b+"),
                new FittedLaw(LawForm.CHINCHILLA, theta));
        ComputeOptimalAllocation allocation = ComputeOptimalAllocation.ofChinchillaParameters(theta);
        assertThat(law.slope()).isCloseTo(0.28 / 0.62, within(1e-15));
        assertThat(law.paramsAt(1e24)).isCloseTo(allocation.at(1e24).params(), within(1e-12 * 1e11));
        RainbowLine kaplan = RainbowLine.ofReference("kaplan", new PowerLawAllocation(1.6e9, 8.64e19, 0.88));
        assertThat(kaplan.paramsAt(8.64e19)).isEqualTo(1.6e9);
        RainbowTable table = RainbowTable.of(List.of(law, kaplan), 1e28);
        assertThat(table.rows()).hasSize(1);
        assertThat(table.references()).extracting(row -> row.line().label()).containsExactly("kaplan");
        assertThat(table.references().get(0).delta()).isNaN();
    }
}
