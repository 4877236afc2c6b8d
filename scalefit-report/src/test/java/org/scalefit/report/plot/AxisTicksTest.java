package org.scalefit.report.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.junit.jupiter.api.Test;

class AxisTicksTest {

    @Test
    void logAxisOverFiveDecadesOrMoreTicksPowersOfTenWrittenAsTenToTheK() {
        AxisTicks ticks = AxisTicks.of(Scale.LOG, 2e17, 3e22);

        assertThat(ticks.values()).containsExactly(1e18, 1e19, 1e20, 1e21, 1e22);
        assertThat(ticks.labels()).containsExactly("10¹⁸", "10¹⁹", "10²⁰", "10²¹", "10²²");
        assertThat(ticks.powersOfTen()).isTrue();
    }

    @Test
    void logAxisOverThreeOrFourDecadesAlsoTicksThreeTimesEachPower() {
        AxisTicks ticks = AxisTicks.of(Scale.LOG, 2e17, 3e21);

        assertThat(ticks.values()).containsExactly(3e17, 1e18, 3e18, 1e19, 3e19, 1e20, 3e20, 1e21, 3e21);
        assertThat(ticks.labels()).startsWith("3×10¹⁷", "10¹⁸", "3×10¹⁸");
        assertThat(ticks.powersOfTen()).isFalse();
    }

    @Test
    void logAxisOverManyDecadesLabelsAtMostAboutEightOfThem() {
        AxisTicks ticks = AxisTicks.of(Scale.LOG, 1e-4, 1e16);

        assertThat(ticks.labels()).containsExactly("10⁻³", "10⁰", "10³", "10⁶", "10⁹", "10¹²", "10¹⁵");
    }

    @Test
    void logAxisOverTwoDecadesTicksOneTwoFive() {
        AxisTicks ticks = AxisTicks.of(Scale.LOG, 2.5, 255);

        assertThat(ticks.values()).containsExactly(3, 5, 10, 20, 50, 100, 200);
        assertThat(ticks.labels()).containsExactly("3", "5", "10", "20", "50", "100", "200");
        assertThat(ticks.powersOfTen()).isFalse();
    }

    @Test
    void logAxisUnderADecadeLabelsEveryOneDigitValueThatDoesNotCrowdThePowerOfTen() {
        AxisTicks ticks = AxisTicks.of(Scale.LOG, 0.68, 5);

        assertThat(ticks.values()).containsExactly(0.7, 0.8, 1, 2, 3, 4, 5);
        assertThat(ticks.labels()).containsExactly("0.7", "0.8", "1", "2", "3", "4", "5");
    }

    @Test
    void logAxisOverAboutADecadeLabelsOneTwoThreeFive() {
        AxisTicks ticks = AxisTicks.of(Scale.LOG, 15, 140);

        assertThat(ticks.values()).containsExactly(20, 30, 50, 100);
    }

    @Test
    void logAxisWhosePowersOfTenAloneAreTooFewTakesOneTwoFiveEvenBeyondSevenTicksRatherThanWiden() {
        AxisTicks ticks = AxisTicks.of(Scale.LOG, 1.5e9, 7e11);

        assertThat(ticks.values()).containsExactly(2e9, 5e9, 1e10, 2e10, 5e10, 1e11, 2e11, 5e11);
        assertThat(ticks.high()).isLessThan(1e12);
    }

    @Test
    void logAxisUnderADecadeWithOnlyThreeOfOneTwoThreeFiveLabelsEveryOneDigitValue() {
        AxisTicks ticks = AxisTicks.of(Scale.LOG, 3.12, 12.8);

        assertThat(ticks.labels()).containsExactly("3", "4", "5", "6", "7", "8", "9", "10");
    }

    @Test
    void logAxisUnderThreeDecadesLabelsThreeToEightTicksNoTwoCloserThanATwentiethOfTheSpan() {
        for (double[] range : new double[][] {{0.68, 5}, {0.65, 5}, {15, 140}, {2.5, 255}, {1.2e10, 1.3e11}, {3.1, 29},
                {0.011, 0.3}, {7, 29}, {1.05, 95}, {4e17, 2e20}, {3.12, 12.8}, {1.5e9, 7e11}}) {
            AxisTicks ticks = AxisTicks.of(Scale.LOG, range[0], range[1]);
            double span = Math.log10(ticks.high() / ticks.low());
            double[] values = ticks.values();

            assertThat(values.length).as("ticks of [%s, %s]", range[0], range[1]).isBetween(3, 8);
            for (int i = 1; i < values.length; i++) {
                assertThat(Math.log10(values[i] / values[i - 1])).as("%s after %s", values[i], values[i - 1])
                        .isGreaterThanOrEqualTo(AxisTicks.MIN_LOG_GAP * span);
            }
        }
    }

    @Test
    void logAxisUnderThreeDecadesLabelsAValueNearItsTop() {
        AxisTicks ticks = AxisTicks.of(Scale.LOG, 4.3e7, 3.9e9);

        assertThat(ticks.high()).isLessThan(5e9);
        assertThat(ticks.values()).containsExactly(5e7, 1e8, 2e8, 5e8, 1e9, 2e9, 4e9);
    }

    @Test
    void logAxisUnderFiveDecadesLeavesAnEndUnlabelledOnlyWhereNoOneDigitValueLiesNearer() {
        for (double[] range : new double[][] {{4.3e7, 3.9e9}, {0.68, 5}, {15, 140}, {2.5, 255}, {1.2e10, 1.3e11},
                {3.1, 29}, {0.011, 0.3}, {7, 29}, {1.05, 95}, {4e17, 2e20}, {1.5e9, 7e11}, {2.2, 6.7}, {6.1e7, 5.2e9},
                {2e17, 3e21}, {3e9, 4e13}}) {
            AxisTicks ticks = AxisTicks.of(Scale.LOG, range[0], range[1]);
            double span = Math.log10(ticks.high() / ticks.low());
            double[] values = ticks.values();
            double top = values[values.length - 1];
            double bottom = values[0];

            if (Math.log10(ticks.high() / top) / span > AxisTicks.END_GAP) {
                assertThat(oneDigit(top * 1.0000001, ticks.high())).as("top of [%s, %s]", range[0], range[1])
                        .isFalse();
            }
            if (Math.log10(bottom / ticks.low()) / span > AxisTicks.END_GAP) {
                assertThat(oneDigit(ticks.low(), bottom * 0.9999999)).as("bottom of [%s, %s]", range[0], range[1])
                        .isFalse();
            }
        }
    }

    /** Whether a one-digit value m × 10^k lies in [low, high]. */
    private static boolean oneDigit(double low, double high) {
        for (int k = (int) Math.floor(Math.log10(low)); k <= (int) Math.floor(Math.log10(high)); k++) {
            for (int m = 1; m <= 9; m++) {
                double value = m * Math.pow(10, k);
                if (value >= low && value <= high) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void logAxisHoldingFewerThanThreeOneDigitValuesIsWidenedToThree() {
        AxisTicks ticks = AxisTicks.of(Scale.LOG, 11, 34);

        assertThat(ticks.scale()).isEqualTo(Scale.LOG);
        assertThat(ticks.values()).containsExactly(10, 20, 30);
        assertThat(ticks.low()).isLessThanOrEqualTo(10);
        assertThat(ticks.high()).isGreaterThanOrEqualTo(34);
    }

    @Test
    void logAxisOverLessThanAFactorOfThreeIsDrawnLinearWithFinerTicks() {
        AxisTicks ticks = AxisTicks.of(Scale.LOG, 2.2, 2.8);

        assertThat(ticks.scale()).isEqualTo(Scale.LINEAR);
        assertThat(ticks.values()).containsExactly(2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8);
        assertThat(ticks.labels()).containsExactly("2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8");
        assertThat(AxisTicks.of(Scale.LOG, 2.2, 6.7).scale()).isEqualTo(Scale.LOG);
    }

    @Test
    void everyLogAxisLabelsAtLeastThreeTicks() {
        for (double[] range : new double[][] {{2.45, 4.4}, {3.1, 3.4}, {2.6, 4.3}, {1.79, 2.83}, {7, 9}, {9.5, 10.5},
                {0.98, 1.02}, {3e9, 1.1e11}, {0.011, 0.3}, {1e18, 3e21}, {4.1e7, 4.2e7}, {11, 34}, {3.1, 9.5}}) {
            AxisTicks ticks = AxisTicks.of(Scale.LOG, range[0], range[1]);

            assertThat(ticks.values()).as("ticks of [%s, %s]", range[0], range[1]).hasSizeGreaterThanOrEqualTo(3);
            assertThat(ticks.low()).isLessThanOrEqualTo(range[0]);
            assertThat(ticks.high()).isGreaterThanOrEqualTo(range[1]);
        }
    }

    @Test
    void everyLogTickHasAnIntegerMantissaAsXChartPlacesThem() {
        for (double[] range : new double[][] {{1.79, 6.3}, {2.45, 8.4}, {3e9, 1.1e11}, {0.011, 0.3}, {7, 29}, {11, 34}}) {
            AxisTicks ticks = AxisTicks.of(Scale.LOG, range[0], range[1]);
            assertThat(ticks.scale()).isEqualTo(Scale.LOG);
            for (double value : ticks.values()) {
                double mantissa = value / Math.pow(10, Math.floor(Math.log10(value) + 1e-12));
                assertThat(Math.abs(mantissa - Math.rint(mantissa))).as("%s in %s", value, range[0]).isLessThan(1e-9);
            }
        }
    }

    @Test
    void linearAxisTicksNiceStepsInsideThePaddedRange() {
        AxisTicks ticks = AxisTicks.of(Scale.LINEAR, -0.05, 0.09);

        assertThat(ticks.values()).containsExactly(-0.04, -0.02, 0, 0.02, 0.04, 0.06, 0.08);
        assertThat(ticks.labels()).containsExactly("−0.04", "−0.02", "0", "0.02", "0.04", "0.06", "0.08");
        assertThat(ticks.low()).isLessThan(-0.05);
        assertThat(ticks.high()).isGreaterThan(0.09);
    }

    @Test
    void linearAxisEndLeftUnlabelledIsMovedOutToTheNextTickWhenThatIsClose() {
        AxisTicks ticks = AxisTicks.of(Scale.LOG, 2.584, 4.53);

        assertThat(ticks.scale()).isEqualTo(Scale.LINEAR);
        assertThat(ticks.values()).containsExactly(2.5, 3, 3.5, 4, 4.5);
        assertThat(ticks.low()).isEqualTo(2.5);
        assertThat(AxisTicks.of(Scale.LINEAR, 0.558, 0.7527).values()).startsWith(0.55);
    }

    @Test
    void labelsArePlainInsideAThousandthToAHundredThousandAndScientificOutside() {
        assertThat(AxisTicks.label(2.5)).isEqualTo("2.5");
        assertThat(AxisTicks.label(3e9)).isEqualTo("3×10⁹");
        assertThat(AxisTicks.label(1e-5)).isEqualTo("10⁻⁵");
        assertThat(AxisTicks.label(12345.678)).isEqualTo("12350");
    }

    @Test
    void aLogAxisCannotSpanNonPositiveValues() {
        assertThatThrownBy(() -> AxisTicks.of(Scale.LOG, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fractionPlacesTheEndsOfTheRangeAtZeroAndOne() {
        AxisTicks ticks = AxisTicks.of(Scale.LOG, 1e18, 1e22);

        assertThat(ticks.fraction(ticks.low())).isEqualTo(0.0);
        assertThat(ticks.fraction(ticks.high())).isEqualTo(1.0);
        assertThat(ticks.fraction(1e20)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
    }
}
