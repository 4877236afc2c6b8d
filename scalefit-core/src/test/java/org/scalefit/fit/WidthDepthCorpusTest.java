package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

/**
 * The contract of the multi-start engine on the 3-input width–depth law L = E + A_w/w^α_w + A_d/d^α_d + B/D^β, on
 * synthetic width/depth ladders it was not tuned on ({@code corpus/width-depth/}, see its README): from the law's
 * default grid (Gemstones', 135 000 starts), early recognition (a user's opt-in shortcut) ends where the default
 * search, which runs every start to its end, ends, and both answers are tested local minima.
 */
class WidthDepthCorpusTest {

    private static final MultiStartFitter.Options DEFAULT = MultiStartFitter.Options.defaults();
    private static final MultiStartFitter.Options RECOGNISING = DEFAULT.withRecognition(true);

    /**
     * Every table at δ = 10⁻³ only: with every start of the default search run to its end, the pairs at both δ took
     * 8½ of CI's 17 minutes; the opt-in is checked at both δ on the 2-input corpus ({@link MultiStartFitterTest}).
     */
    static Stream<Arguments> corpus() {
        return AdversarialCorpus.WIDTH_DEPTH_TABLES.stream().map(table -> Arguments.of(table, 1e-3));
    }

    @Tag("exhaustive") // 11 pairs of fits from 135 000 starts each, minutes of CPU: CI (-Pall)
    @ParameterizedTest(name = "{0}, δ = {1}")
    @MethodSource("corpus")
    void earlyRecognitionEndsWhereTheDefaultSearchEnds(String table, double delta) {
        Observations data = AdversarialCorpus.widthDepthTable(table);
        LawFit fast = MultiStartFitterTest.fit(LawForm.WIDTH_DEPTH, data, delta, RECOGNISING, 2);
        LawFit exhaustive = MultiStartFitterTest.fit(LawForm.WIDTH_DEPTH, data, delta, DEFAULT, 2);
        String both = String.format(Locale.ROOT, "%s at δ = %s: recognising %.15g (%s, %d of %d starts recognised), "
                        + "default %.15g (%s)", table, delta, fast.loss(), fast.status(),
                fast.search().recognisedStarts(), fast.search().starts(), exhaustive.loss(), exhaustive.status());
        assertThat(exhaustive.search().recognisedStarts()).as(both).isZero();
        assertThat(fast.loss()).as(both).isLessThanOrEqualTo(exhaustive.loss() * (1 + 1e-9));
        assertThat(fast.status()).as(both).isEqualTo(LawFit.Status.CONVERGED);
        assertThat(exhaustive.status()).as(both).isEqualTo(LawFit.Status.CONVERGED);
    }
}
