package org.scalefit.isoflop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Log1pTest {

    @Test
    void equalsStrictMathBitForBitOnRandomArgumentsOfEveryRange() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 3_000_000; i++) {
            double x = switch (i % 3) {
                case 0 -> random.nextDouble();
                case 1 -> Math.exp(-40 * random.nextDouble());
                default -> Double.longBitsToDouble(random.nextLong());
            };
            if (Double.doubleToLongBits(Log1p.log1p(x)) != Double.doubleToLongBits(StrictMath.log1p(x))) {
                assertBitwise(x); // fails with the argument in its message; a per-call assertion would dominate the test
            }
        }
    }

    @Test
    void equalsStrictMathBitForBitAtTheBranchPoints() {
        double[] edges = {0.0, -0.0, 1.0, -1.0, -2.0, 0.41421, 0.41422, 0.41423, -0.2929, -0.29289, 2e-9, 1e-17,
            Math.ulp(1.0), 4.9e-324, 1e-300, 1e300, Math.sqrt(2) - 1, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, Double.MAX_VALUE};
        for (double x : edges) {
            assertBitwise(x);
            assertBitwise(Math.nextUp(x));
            assertBitwise(Math.nextDown(x));
        }
    }

    private static void assertBitwise(double x) {
        assertThat(Double.doubleToLongBits(Log1p.log1p(x))).as("log1p(" + x + ")")
                .isEqualTo(Double.doubleToLongBits(StrictMath.log1p(x)));
    }
}
