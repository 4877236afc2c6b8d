package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the shares of a term in the predictions make it a step ({@link StepTerm}). */
class StepTermTest {

    private static final double[] X = {1, 1, 2, 3, 4, 5};

    @Test
    void aTermActingAtTheTwoSmallestValuesIsAStepThere() {
        StepTerm step = StepTerm.of(new double[] {0.3, 0.2, 1e-3, 1e-9, 1e-12, 1e-15}, X).orElseThrow();
        assertThat(step).isEqualTo(new StepTerm(3, 2, 2, true, 0.3, 3));
        assertThat(step.extent("D")).isEqualTo("it is at most 0.30 of the prediction, on the 3 points with D ≤ 2.000 "
                + "(2 distinct values), and below 1e-06 of it at every larger D (3 points)");
    }

    @Test
    void aTermActingAtTheLargestValueIsAStepThere() {
        StepTerm step = StepTerm.of(new double[] {0, 0, 1e-9, 1e-8, 1e-7, 0.1}, X).orElseThrow();
        assertThat(step.atSmallest()).isFalse();
        assertThat(step.extent("D")).contains("on the 1 point with D ≥ 5.000 (1 distinct value)")
                .contains("at every smaller D (5 points)");
    }

    @Test
    void aTermActingAtThreeValuesIsNoStep() {
        assertThat(StepTerm.of(new double[] {0.3, 0.2, 1e-3, 1e-5, 1e-9, 1e-15}, X)).isEmpty();
    }

    @Test
    void aTermNegligibleAtAValueBetweenTheOnesItActsAtIsNoStep() {
        assertThat(StepTerm.of(new double[] {0.3, 0.3, 1e-9, 1e-3, 1e-9, 1e-9}, X)).isEmpty();
    }

    @Test
    void aTermActingEverywhereOrNowhereIsNoStep() {
        assertThat(StepTerm.of(new double[] {0.3, 0.3, 0.2, 0.2, 0.1, 0.1}, X)).isEmpty();
        assertThat(StepTerm.of(new double[] {1e-9, 1e-9, 1e-9, 1e-9, 1e-9, 1e-9}, X)).isEmpty();
    }

    @Test
    void aShareThatIsNotANumberIsNotJudged() {
        assertThat(StepTerm.of(new double[] {0.3, Double.NaN, 1e-9, 1e-9, 1e-9, 1e-9}, X)).isEmpty();
    }
}
