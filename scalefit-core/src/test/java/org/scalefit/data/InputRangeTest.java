package org.scalefit.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputRangeTest {

    private static final InputRange RUNS = InputRange.of(new Observations("runs", List.of("params", "tokens"),
            new double[][] {{1e7, 1e9}, {1e8, 2e9}, {1e9, 1e10}}, new double[] {3.0, 2.8, 2.5}));

    @Test
    void theLargestComputeIsTheLargestRunsSixNDNotSixTimesTheLargestNAndLargestD() {
        assertThat(RUNS.largestCompute()).isEqualTo(6 * 1e9 * 1e10);
        assertThat(RUNS.lows()).containsExactly(1e7, 1e9);
        assertThat(RUNS.highs()).containsExactly(1e9, 1e10);
    }

    @Test
    void aBudgetManyOrdersOfMagnitudeBeyondTheLargestRunSaysHowFar() {
        assertThat(RUNS.beyondCompute(6e29)).hasValueSatisfying(message -> assertThat(message)
                .contains("C = 6.00e+29").contains("10.0 orders of magnitude beyond").contains("6.00e+19"));
    }

    @Test
    void aBudgetWithinAnOrderOfMagnitudeOfTheLargestRunIsNotAnExtrapolationWarning() {
        assertThat(RUNS.beyondCompute(6e20)).isEmpty();
        assertThat(RUNS.beyondCompute(1e10)).isEmpty();
    }

    @Test
    void aPointFarAboveOrBelowTheFittedRangeNamesTheInputAndTheDirection() {
        assertThat(RUNS.beyond(new double[] {1e12, 1e5})).containsExactly(
                "extrapolation: params = 1.00e+12 is 3.0 orders of magnitude beyond the largest fitted params = "
                        + "1.00e+09; the law is untested there",
                "extrapolation: tokens = 1.00e+05 is 4.0 orders of magnitude below the smallest fitted tokens = "
                        + "1.00e+09; the law is untested there");
        assertThat(RUNS.beyond(new double[] {5e9, 5e9})).isEmpty();
    }

    @Test
    void howFarAPointLiesOutsideIsSignedDecadesAboveTheLargestOrBelowTheSmallestAndZeroWithin() {
        double[] outside = RUNS.decadesOutside(new double[] {1e10, 1e8});

        assertThat(outside[0]).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(outside[1]).isCloseTo(-1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(RUNS.decadesOutside(new double[] {1e8, 5e9})).containsExactly(0, 0);
    }

    @Test
    void aSmallBudgetIsJudgedByTheModelAndTokensItAllocates() {
        assertThat(RUNS.beyondAllocation(1e6, 100, 1700)).containsExactly(
                "extrapolation: params = 100 is 5.0 orders of magnitude below the smallest fitted params = 1.00e+07; "
                        + "the law is untested there",
                "extrapolation: tokens = 1.70e+03 is 5.8 orders of magnitude below the smallest fitted tokens = "
                        + "1.00e+09; the law is untested there");
        assertThat(RUNS.beyondAllocation(6e29, 1e14, 1e15)).hasSize(1).first().asString().startsWith(
                "extrapolation: C = 6.00e+29");
    }

    @Test
    void inputsOtherThanParamsAndTokensHaveNoComputeToJudge() {
        InputRange widths = InputRange.of(new Observations("runs", List.of("width", "depth"),
                new double[][] {{256, 4}, {512, 8}}, new double[] {3.0, 2.8}));
        assertThat(widths.beyondCompute(1e40)).isEmpty();
    }

    @Test
    void aPointWithinAnOrderOfMagnitudeInEachInputButFarBeyondTheLargestRunsComputeSaysHowFar() {
        // N and D each 0.9 orders above the largest run: neither input is far out, but 6·N·D is 1.8 orders beyond
        double[] point = {1e9 * Math.pow(10, 0.9), 1e10 * Math.pow(10, 0.9)};

        assertThat(RUNS.beyond(point)).isEmpty();
        assertThat(RUNS.beyondPoint(point)).containsExactly("extrapolation: the point's compute 6·N·D = 3.79e+21 is "
                + "1.8 orders of magnitude beyond the largest run's 6·N·D = 6.00e+19; the law is untested there");
    }

    @Test
    void theComputeOfALawOfParamsAndTokensPerParameterIsSixNSquaredM() {
        // Gadre et al.'s inputs: N and M = D/N, so a run's compute is 6·N·D = 6·N²·M
        InputRange gadre = InputRange.of(new Observations("runs", List.of("params", "tokens_per_param"),
                new double[][] {{1e7, 320}, {4e8, 20}}, new double[] {4.7, 3.0}));

        assertThat(gadre.largestCompute()).isEqualTo(6 * 4e8 * 4e8 * 20);
        assertThat(gadre.beyondPoint(new double[] {1.4e9, 640})).containsExactly("extrapolation: the point's compute "
                + "6·N·D = 7.53e+21 is 2.6 orders of magnitude beyond the largest run's 6·N·D = 1.92e+19; the law is "
                + "untested there");
    }

    @Test
    void aSmallBudgetOfALawOfTokensPerParameterIsJudgedByTheModelAndTheMItAllocates() {
        InputRange gadre = InputRange.of(new Observations("runs", List.of("params", "tokens_per_param"),
                new double[][] {{1e7, 320}, {4e8, 20}}, new double[] {4.7, 3.0}));

        assertThat(gadre.beyondAllocation(6e11, 1e4, 1e7)).containsExactly(
                "extrapolation: params = 1.00e+04 is 3.0 orders of magnitude below the smallest fitted params = "
                        + "1.00e+07; the law is untested there");
    }
}
