package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StationarityTest {

    /** f(x) = scale·(q + Σ c_i (x_i − 1)² + saddle·x_0·x_1), a quadratic with its stationary point at 1 (or, with a
     *  saddle term, elsewhere). */
    private record Quadratic(double scale, double floor, double[] curvature) implements DifferentiableObjective {
        @Override
        public int dimension() {
            return curvature.length;
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            for (int i = 0; i < x.length; i++) {
                g[i] = scale * 2 * curvature[i] * (x[i] - 1);
            }
            return value(x);
        }

        @Override
        public double value(double[] x) {
            double sum = floor;
            for (int i = 0; i < x.length; i++) {
                sum += curvature[i] * (x[i] - 1) * (x[i] - 1);
            }
            return scale * sum;
        }

        @Override
        public DifferentiableObjective copy() {
            return this;
        }
    }

    @Test
    void aMinimumPassesBothTests() {
        Quadratic f = new Quadratic(1, 0.5, new double[] {1, 100, 1e-4});
        Stationarity test = Stationarity.check(f, new double[] {1, 1, 1}, new double[3]);
        assertThat(test.holds()).isTrue();
        assertThat(test.relativeDecrease()).isZero();
        assertThat(test.curvatureRatio()).isGreaterThan(0);
    }

    @Test
    void aPointOffTheMinimumFailsAndTheLowerPointFoundIsGiven() {
        Quadratic f = new Quadratic(1, 0.5, new double[] {1, 100, 1e-4});
        double[] better = new double[3];
        double[] x = {1, 1 + 1e-3, 1};
        Stationarity test = Stationarity.check(f, x, better);
        assertThat(test.firstOrder()).isFalse();
        assertThat(test.holds()).isFalse();
        assertThat(f.value(better)).isLessThan(f.value(x));
        assertThat(test.relativeDecrease()).isEqualTo((f.value(x) - f.value(better)) / f.value(x));
    }

    /** The quadratic, not defined (NaN) where x_0 &lt; 1/2: a law written as text whose prediction turns negative. */
    private record HalfDefined(Quadratic inside) implements DifferentiableObjective {
        @Override
        public int dimension() {
            return inside.dimension();
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            double value = inside.valueAndGradient(x, g);
            return x[0] < 0.5 ? Double.NaN : value;
        }

        @Override
        public double value(double[] x) {
            return x[0] < 0.5 ? Double.NaN : inside.value(x);
        }

        @Override
        public DifferentiableObjective copy() {
            return this;
        }
    }

    @Test
    void aStepOffTheObjectivesDomainDoesNotCountAsLoweringIt() {
        // at the minimum to rounding: the first steepest-descent step (largest coordinate 1) lands where F is NaN
        HalfDefined f = new HalfDefined(new Quadratic(1, 0.5, new double[] {1, 100}));
        Stationarity test = Stationarity.check(f, new double[] {1 + 1e-12, 1}, new double[2]);
        assertThat(test.holds()).isTrue();
        assertThat(test.relativeDecrease()).isLessThan(1e-20);

        Stationarity off = Stationarity.check(f, new double[] {1 + 1e-4, 1}, new double[2]);
        assertThat(off.holds()).isFalse();
    }

    @Test
    void aSaddlePointFailsTheSecondOrderTest() {
        Quadratic f = new Quadratic(1, 0.5, new double[] {1, -1e-2});
        Stationarity test = Stationarity.check(f, new double[] {1, 1}, new double[2]);
        assertThat(test.firstOrder()).isTrue();
        assertThat(test.curvatureRatio()).isLessThan(0);
        assertThat(test.secondOrder()).isFalse();
    }

    @Test
    void theVerdictDoesNotDependOnTheScaleOfTheObjective() {
        for (double scale : new double[] {1e-9, 1e-5, 1, 1e6}) {
            Quadratic f = new Quadratic(scale, 0.5, new double[] {1, 100});
            assertThat(Stationarity.check(f, new double[] {1, 1}, new double[2]).holds()).as("scale %s", scale)
                    .isTrue();
            Stationarity off = Stationarity.check(f, new double[] {1 + 1e-4, 1}, new double[2]);
            assertThat(off.holds()).as("scale %s", scale).isFalse();
            // F = 0.5 + 1e-8 off the minimum: the steps tested recover most of the 2e-8 (relative) there is
            assertThat(off.relativeDecrease()).as("scale %s", scale).isBetween(1e-8, 2.000001e-8);
        }
    }

    @Test
    void decreasesBelowTheRoundingLevelDoNotCount() {
        Quadratic exact = new Quadratic(1, 0, new double[] {1, 1});
        DifferentiableObjective noisy = new DifferentiableObjective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                return exact.valueAndGradient(x, g);
            }

            @Override
            public double value(double[] x) {
                return exact.value(x);
            }

            @Override
            public double roundingLevel() {
                return 1e-12;
            }

            @Override
            public DifferentiableObjective copy() {
                return this;
            }
        };
        double[] nearlyThere = {1 + 1e-7, 1};
        assertThat(Stationarity.check(exact, nearlyThere, new double[2]).holds()).isFalse();
        assertThat(Stationarity.check(noisy, nearlyThere, new double[2]).holds()).isTrue();
    }

    @Test
    void aPointWhereTheGradientIsNotFiniteFailsAndItsWarningSaysSoInWords() {
        Quadratic exact = new Quadratic(1, 0.5, new double[] {1, 1});
        DifferentiableObjective overflowing = new DifferentiableObjective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double value = exact.valueAndGradient(x, g);
                g[1] = Double.NaN;   // e.g. a coefficient of 1e230 whose term overflows in the derivative
                return value;
            }

            @Override
            public double value(double[] x) {
                return exact.value(x);
            }

            @Override
            public DifferentiableObjective copy() {
                return this;
            }
        };
        Stationarity test = Stationarity.check(overflowing, new double[] {1, 1}, new double[2]);

        assertThat(test.holds()).isFalse();
        assertThat(test.warning()).contains("gradient is not finite").doesNotContain("NaN");
    }
}
