package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DomainEdgeTest {

    /**
     * F(x) = 1 + slope·(x_0 − at) + curvature·(x_0 − at)² + (x_1 − 1)² where x_0 &gt; wall; beyond the wall
     * (x_0 ≤ wall) F is NaN (not defined) when {@code outside} is NaN, else 1 + outside + (x_1 − 1)² (a jump).
     */
    private record Walled(double wall, double at, double slope, double curvature, double outside)
            implements DifferentiableObjective {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            g[0] = slope + 2 * curvature * (x[0] - at);
            g[1] = 2 * (x[1] - 1);
            return value(x);
        }

        @Override
        public double value(double[] x) {
            double rest = 1 + (x[1] - 1) * (x[1] - 1);
            double d = x[0] - at;
            return x[0] > wall ? rest + slope * d + curvature * d * d : rest + outside;
        }

        @Override
        public DifferentiableObjective copy() {
            return this;
        }
    }

    @Test
    void aSlopeTowardsWhereTheObjectiveIsNotDefinedIsAnEdgeAtItsLimit() {
        Walled f = new Walled(0, 5e-13, 1, 0, Double.NaN);
        double[] x = {5e-13, 1};
        assertThat(Stationarity.check(f, x, new double[2]).holds()).isTrue();

        List<DomainEdge> edges = DomainEdge.of(f, x);

        assertThat(edges).singleElement().satisfies(edge -> {
            assertThat(edge.coordinate()).isZero();
            assertThat(edge.value()).isEqualTo(5e-13);
            assertThat(edge.slope()).isEqualTo(1);
            assertThat(edge.inside()).isPositive();
            assertThat(edge.outside()).isNotPositive();
            assertThat(edge.limit()).isZero();
            assertThat(edge.beyond()).isNaN();
        });
    }

    @Test
    void aSlopeTowardsAJumpUpwardsIsAnEdgeAndSaysWhereTheObjectiveJumps() {
        Walled f = new Walled(0, 5e-13, 1, 0, 1);

        List<DomainEdge> edges = DomainEdge.of(f, new double[] {5e-13, 1});

        assertThat(edges).singleElement().satisfies(edge -> {
            assertThat(edge.limit()).isZero();
            assertThat(edge.beyond()).isEqualTo(2);
        });
    }

    @Test
    void theLimitOfAnEdgeAwayFromZeroIsTheLastValueWhereTheObjectiveIsDefined() {
        Walled f = new Walled(2, 2 + 4e-13, 1, 0, Double.NaN);

        List<DomainEdge> edges = DomainEdge.of(f, new double[] {2 + 4e-13, 1});

        assertThat(edges).singleElement().satisfies(edge -> {
            assertThat(edge.limit()).isGreaterThan(2).isCloseTo(2, within(1e-15));
            assertThat(edge.outside()).isEqualTo(2);
        });
    }

    @Test
    void anEdgeFartherThanTheSlopeCanFallBeforeItIsNoEdge() {
        Walled f = new Walled(0, 0.25, 1, 0, Double.NaN);
        double[] x = {0.25, 1};
        assertThat(Stationarity.check(f, x, new double[2]).holds()).isFalse();

        assertThat(DomainEdge.of(f, x)).isEmpty();
    }

    /**
     * A slope above the allowed decrease (1e-11 against 1e-12) that curvature turns up within 3e-11, long before
     * the wall at 0: F rises smoothly past F(x*) + the allowance, which is no edge.
     */
    @Test
    void steepCurvatureThatTurnsTheObjectiveUpBeforeTheWallIsNoEdge() {
        Walled f = new Walled(0, 1e-3, 1e-11, 1e9, Double.NaN);
        double[] x = {1e-3, 1};
        assertThat(Stationarity.check(f, x, new double[2]).holds()).isTrue();

        assertThat(DomainEdge.of(f, x)).isEmpty();
    }

    @Test
    void anInteriorMinimumHasNoEdge() {
        Walled f = new Walled(0, 1, 0, 1, Double.NaN);

        assertThat(DomainEdge.of(f, new double[] {1, 1})).isEmpty();
    }
}
