package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

class TrustRegionNewtonTest {

    /** f(x) = ½ Σ d_i (x_i − i)², a convex quadratic with very different curvatures. */
    private static final class Quadratic implements TwiceDifferentiableObjective {
        private final double[] d = {1e-3, 1, 1e3};

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public double valueGradientHessian(double[] x, double[] gradient, double[] hessian) {
            java.util.Arrays.fill(hessian, 0);
            double f = valueAndGradient(x, gradient);
            for (int i = 0; i < 3; i++) {
                hessian[i * 3 + i] = d[i];
            }
            return f;
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            double f = 0;
            for (int i = 0; i < 3; i++) {
                double r = x[i] - i;
                f += 0.5 * d[i] * r * r;
                gradient[i] = d[i] * r;
            }
            return f;
        }

        @Override
        public double value(double[] x) {
            return valueAndGradient(x, new double[3]);
        }

        @Override
        public DifferentiableObjective copy() {
            return this;
        }
    }

    @Test
    void aQuadraticIsMinimisedInAFewSteps() {
        double[] x = {10, -10, 10};
        LbfgsOutcome outcome = new TrustRegionNewton(3, LbfgsSettings.polishing()).minimize(new Quadratic(), x);
        assertThat(outcome.success()).isTrue();
        assertThat(x[0]).isCloseTo(0, within(1e-6));
        assertThat(x[1]).isCloseTo(1, within(1e-6));
        assertThat(x[2]).isCloseTo(2, within(1e-6));
        assertThat(outcome.evaluations()).isLessThanOrEqualTo(15);
    }

    @Test
    void everyGridStartEndsNoHigherThanItBeganAtTheValueItReports() {
        double[] params = {1e7, 1e7, 1e7, 3e7, 3e7, 3e7, 1e8, 1e8, 1e8, 3e8, 3e8, 3e8};
        double[] tokens = {1e9, 3e9, 1e10, 1e9, 3e9, 1e10, 1e9, 3e9, 1e10, 1e9, 3e9, 1e10};
        double[][] inputs = new double[params.length][];
        double[] losses = new double[params.length];
        for (int i = 0; i < params.length; i++) {
            inputs[i] = new double[] {params[i], tokens[i]};
            losses[i] = 1.7 + 400 / Math.pow(params[i], 0.34) + 410 / Math.pow(tokens[i], 0.28) + 0.01 * Math.sin(i);
        }
        Observations data = new Observations("test", java.util.List.of("params", "tokens"), inputs, losses);
        HuberLogLossObjective objective = HuberLogLossObjective.of(LawForm.CHINCHILLA, data, 1e-3);
        StartGrid grid = StartGrid.gemstones(2);
        TrustRegionNewton newton = new TrustRegionNewton(5,
                LbfgsSettings.scaleFree().withValueFloor(objective.roundingLevel()));
        double[] x = new double[5];
        double[] g = new double[5];
        for (long start = 0; start < grid.size(); start += 37) {
            grid.start(start, x);
            double before = objective.value(x);
            LbfgsOutcome outcome = newton.minimize(objective, x);
            if (!Double.isFinite(before)) {
                continue;
            }
            assertThat(outcome.value()).as("start %d", start).isLessThanOrEqualTo(before);
            assertThat(objective.valueAndGradient(x, g)).isEqualTo(outcome.value());
        }
    }

    @Test
    void anObjectiveWithoutAHessianIsRefused() {
        DifferentiableObjective gradientOnly = new DifferentiableObjective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double valueAndGradient(double[] x, double[] gradient) {
                gradient[0] = x[0];
                return 0.5 * x[0] * x[0];
            }

            @Override
            public double value(double[] x) {
                return 0.5 * x[0] * x[0];
            }

            @Override
            public DifferentiableObjective copy() {
                return this;
            }
        };
        assertThatThrownBy(() -> new TrustRegionNewton(1, LbfgsSettings.scaleFree()).minimize(gradientOnly,
                new double[] {1})).isInstanceOf(IllegalArgumentException.class);
    }
}
