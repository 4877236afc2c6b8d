package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.scalefit.law.LawForm;

class BootstrapResultTest {

    @Test
    void percentilesAndCovarianceFollowNumpy() {
        double[][] draws = {{1, 2}, {3, 5}, {2, -1}, {7, 4}};
        // np.percentile(draws, 2.5 / 97.5, axis=0) and np.cov(draws.T)
        assertThat(BootstrapResult.percentile(draws, 2.5)).containsExactly(new double[] {1.075, -0.775}, offset(1e-12));
        assertThat(BootstrapResult.percentile(draws, 97.5)).containsExactly(new double[] {6.7, 4.925}, offset(1e-12));
        double[][] cov = BootstrapResult.covariance(draws);
        assertThat(cov[0]).containsExactly(new double[] {6.916666666666666, 3.5}, offset(1e-12));
        assertThat(cov[1]).containsExactly(new double[] {3.5, 7.0}, offset(1e-12));
    }

    @Test
    void untransformedExponentiatesCoefficientsAndFloor() {
        BootstrapResult result = new BootstrapResult(LawForm.CHINCHILLA,
                new double[][] {{0.3, 0.4, 1, 2, 0}, {0.5, 0.2, 0, 1, 1}}, 2, new int[] {0});
        assertThat(result.untransformed(0)).containsExactly(new double[] {0.3, 0.4, Math.E, Math.exp(2), 1},
                offset(1e-15));
        assertThat(result.untransformedPercentile(100)[4]).isCloseTo(Math.E, offset(1e-15));
        assertThat(result.standardErrors()[0]).isCloseTo(Math.sqrt(0.02), offset(1e-15));
    }
}
