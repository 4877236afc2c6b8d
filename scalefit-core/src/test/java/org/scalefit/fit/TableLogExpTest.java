package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class TableLogExpTest {

    @Test
    void logIsWithinTwoUlpOfTheLargerOfOneAndItsMagnitude() {
        qt().withFixedSeed(13L).withExamples(200_000).forAll(doubles().between(-745, 709)).checkAssert(exponent -> {
            double x = Math.exp(exponent);
            double expected = StrictMath.log(x);
            double scale = Math.max(1, Math.abs(expected));
            assertThat(Math.abs(TableLogExp.log(x) - expected)).isLessThanOrEqualTo(2 * Math.ulp(scale));
        });
    }

    @Test
    void logIsAccurateAcrossEveryTableSliceNearOne() {
        for (double x = 0.5; x < 2; x += 1.0 / 4099) {
            double expected = StrictMath.log(x);
            assertThat(Math.abs(TableLogExp.log(x) - expected)).as("log %s", x).isLessThanOrEqualTo(2 * Math.ulp(1.0));
        }
    }

    @Test
    void logsOfNormalsAreLogBitForBit() {
        java.util.Random random = new java.util.Random(42);
        int n = 100_003;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // normal positive values over the whole range, and many near 1 (where the table slices matter most)
            x[i] = i % 2 == 0 ? Math.exp(-700 + 1409 * random.nextDouble()) : 0.5 + 1.5 * random.nextDouble();
        }
        x[0] = Double.MIN_NORMAL;
        x[1] = Double.MAX_VALUE;
        x[2] = 1.0;
        double[] out = new double[n];
        TableLogExp.logsOfNormals(x, out, new double[n], new double[n], n);
        for (int i = 0; i < n; i++) {
            assertThat(Double.doubleToRawLongBits(out[i])).as("log %s", x[i])
                    .isEqualTo(Double.doubleToRawLongBits(TableLogExp.log(x[i])));
        }
    }

    @Test
    void shiftedExpsAreExpBitForBitIncludingOutOfRangeArguments() {
        java.util.Random random = new java.util.Random(7);
        int n = 100_003;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 3 == 0 ? -800 + 1600 * random.nextDouble() : -30 * random.nextDouble();
        }
        x[0] = Double.NEGATIVE_INFINITY;
        x[1] = 5.0;   // argument 0: exp is exactly 1
        x[2] = -703.0;   // argument −708: outside the table's range
        x[3] = Double.NaN;
        double shift = 5.0;
        double[] out = new double[n];
        TableLogExp.expsShifted(x, shift, out, new double[n], new double[n], new double[n], n);
        for (int i = 0; i < n; i++) {
            assertThat(Double.doubleToRawLongBits(out[i])).as("exp(%s − %s)", x[i], shift)
                    .isEqualTo(Double.doubleToRawLongBits(TableLogExp.exp(x[i] - shift)));
        }
    }

    @Test
    void logOfSpecialValuesIsMathLog() {
        for (double x : new double[] {0.0, -0.0, -1.0, Double.MIN_VALUE, 1e-310, Double.POSITIVE_INFINITY, Double.NaN}) {
            assertThat(Double.valueOf(TableLogExp.log(x))).as("log %s", x).isEqualTo(Double.valueOf(Math.log(x)));
        }
    }

    @Test
    void expIsWithinTwoUlp() {
        qt().withFixedSeed(79L).withExamples(200_000).forAll(doubles().between(-708, 709)).checkAssert(x -> {
            double expected = StrictMath.exp(x);
            assertThat(Math.abs(TableLogExp.exp(x) - expected)).as("exp %s", x)
                    .isLessThanOrEqualTo(2 * Math.ulp(expected));
        });
    }

    @Test
    void expOfSmallArgumentsIsAccurate() {
        qt().withFixedSeed(88L).withExamples(100_000).forAll(doubles().between(-1e-3, 1e-3)).checkAssert(x -> {
            double expected = StrictMath.exp(x);
            assertThat(Math.abs(TableLogExp.exp(x) - expected)).isLessThanOrEqualTo(2 * Math.ulp(expected));
        });
    }

    @Test
    void expOutsideTheNormalRangeIsMathExp() {
        for (double x : new double[] {-1000, -745.2, -708.5, 709.5, 710, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.NaN}) {
            assertThat(Double.valueOf(TableLogExp.exp(x))).as("exp %s", x).isEqualTo(Double.valueOf(Math.exp(x)));
        }
        assertThat(TableLogExp.exp(0)).isEqualTo(1.0);
    }
}
