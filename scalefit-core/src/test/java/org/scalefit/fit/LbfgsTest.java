package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** f(x, y) = (1 − x)² + 100(y − x²)², minimum 0 at (1, 1). */
    private static class Rosenbrock implements DifferentiableObjective {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            double x = p[0];
            double y = p[1];
            g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
            g[1] = 200 * (y - x * x);
            return value(p);
        }

        @Override
        public double value(double[] p) {
            double x = p[0];
            double y = p[1];
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        }

        @Override
        public DifferentiableObjective copy() {
            return this;
        }
    }

    @Test
    void findsTheMinimumOfRosenbrocksFunction() {
        double[] x = {-1.2, 1};
        LbfgsOutcome outcome = new Lbfgs(2, LbfgsSettings.polishing()).minimize(new Rosenbrock(), x);
        assertThat(outcome.success()).isTrue();
        assertThat(x[0]).isCloseTo(1, within(1e-6));
        assertThat(x[1]).isCloseTo(1, within(1e-6));
    }

    @Test
    void stopsOnTheRelativeReductionTestWithScipyTolerances() {
        double[] x = {-1.2, 1};
        LbfgsOutcome outcome = new Lbfgs(2, LbfgsSettings.scipyDefaults()).minimize(new Rosenbrock(), x);
        assertThat(outcome.success()).isTrue();
        assertThat(outcome.value()).isLessThan(1e-8);
    }

    @Test
    void reportsAStartWhereTheObjectiveIsNotFinite() {
        DifferentiableObjective nowhereFinite = new Rosenbrock() {
            @Override
            public double valueAndGradient(double[] p, double[] g) {
                return Double.NaN;
            }
        };
        LbfgsOutcome outcome = new Lbfgs(2, LbfgsSettings.scipyDefaults()).minimize(nowhereFinite, new double[2]);
        assertThat(outcome.status()).isEqualTo(LbfgsOutcome.Status.NOT_FINITE);
        assertThat(outcome.success()).isFalse();
    }

    @Test
    void stopsWhenTheMonitorAsks() {
        double[] x = {-1.2, 1};
        LbfgsOutcome outcome = new Lbfgs(2, LbfgsSettings.scipyDefaults())
                .minimize(new Rosenbrock(), x, (iteration, point, value) -> iteration == 3);
        assertThat(outcome.status()).isEqualTo(LbfgsOutcome.Status.STOPPED_BY_CALLER);
        assertThat(outcome.iterations()).isEqualTo(3);
    }

    /** Rosenbrock's function times {@code scale}. */
    private static DifferentiableObjective scaled(double scale) {
        Rosenbrock f = new Rosenbrock();
        return new DifferentiableObjective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double value = f.valueAndGradient(x, g);
                g[0] *= scale;
                g[1] *= scale;
                return scale * value;
            }

            @Override
            public double value(double[] x) {
                return scale * f.value(x);
            }

            @Override
            public DifferentiableObjective copy() {
                return this;
            }
        };
    }

    @Test
    void scaleFreeTestsStopAnObjectiveScaledBy1eMinus6WhereTheyStopTheOriginal() {
        double[] original = {-1.2, 1};
        double[] small = {-1.2, 1};
        LbfgsOutcome one = new Lbfgs(2, LbfgsSettings.scaleFree()).minimize(scaled(1), original);
        LbfgsOutcome tiny = new Lbfgs(2, LbfgsSettings.scaleFree()).minimize(scaled(1e-6), small);
        assertThat(tiny.iterations()).isEqualTo(one.iterations());
        assertThat(small[0]).isCloseTo(original[0], within(1e-9));
        assertThat(small[1]).isCloseTo(original[1], within(1e-9));
        assertThat(small[0]).isCloseTo(1, within(1e-3));
    }

    @Test
    void scipysAbsoluteTestsStopAnObjectiveFarBelowOneEarly() {
        double[] x = {-1.2, 1};
        LbfgsOutcome outcome = new Lbfgs(2, LbfgsSettings.scipyDefaults()).minimize(scaled(1e-6), x);
        assertThat(outcome.success()).isTrue();
        assertThat(Math.abs(x[0] - 1)).isGreaterThan(1e-2);
    }

    @Test
    void anEvaluationBudgetEndsTheRunUnconverged() {
        double[] x = {-1.2, 1};
        LbfgsOutcome outcome = new Lbfgs(2, LbfgsSettings.scaleFree().withMaxEvaluations(5))
                .minimize(new Rosenbrock(), x);
        assertThat(outcome.success()).isFalse();
        assertThat(outcome.evaluations()).isLessThanOrEqualTo(5);
    }
}
