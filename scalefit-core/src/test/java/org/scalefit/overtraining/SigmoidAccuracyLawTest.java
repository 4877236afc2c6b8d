package org.scalefit.overtraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SigmoidAccuracyLawTest {

    private static final SigmoidAccuracyLaw LAW = new SigmoidAccuracyLaw(0.14, -2.4, 4.0, 0.35);

    @Test
    void theMidpointIsHalfWayBetweenTheFloorAndTheCeiling() {
        assertThat(LAW.accuracy(4.0)).isEqualTo(0.35 + 0.07);
        assertThat(LAW.accuracy(1e3)).isEqualTo(0.35);
        assertThat(LAW.accuracy(-1e3)).isCloseTo(0.49, within(1e-15));
    }

    @Test
    void theGradientMatchesCentralDifferences() {
        double[] p = LAW.parameters();
        for (double loss : new double[] {2.5, 4.0, 5.7, 40.0}) {
            double[] gradient = LAW.gradient(loss);
            for (int j = 0; j < 4; j++) {
                double h = 1e-6 * Math.max(1, Math.abs(p[j]));
                double[] up = p.clone();
                double[] down = p.clone();
                up[j] += h;
                down[j] -= h;
                double numeric = (SigmoidAccuracyLaw.of(up).accuracy(loss) - SigmoidAccuracyLaw.of(down).accuracy(loss))
                        / (2 * h);
                assertThat(gradient[j]).as("loss %s parameter %d", loss, j).isCloseTo(numeric, within(1e-8));
            }
        }
    }

    @Test
    void flippingTheAmplitudeGivesTheSameCurve() {
        SigmoidAccuracyLaw mirrored = new SigmoidAccuracyLaw(-0.14, 2.4, 4.0, 0.49);
        assertThat(mirrored.withPositiveAmplitude().parameters()).containsExactly(LAW.parameters(), within(1e-15));
        for (double loss = 2; loss < 6; loss += 0.25) {
            assertThat(mirrored.accuracy(loss)).isCloseTo(LAW.accuracy(loss), within(1e-15));
        }
    }
}
