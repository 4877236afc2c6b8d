package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.distribution.multivariate.MultivariateNormalDistribution;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.scalefit.law.ComputeOptimalAllocation;

class TokensPerParameterPolicyTest {

    /** Hoffmann et al.'s unrounded law as Epoch use it, [α, β, ln A, ln B, ln E]. */
    private static final double[] CHINCHILLA = {0.33917084, 0.2849083, 6.0073404, 6.0179186, 0.5267228};
    private static final double[] ESTIMATE = {0.3478, 0.3659, 6.178, 7.643, 0.597};
    /** The bootstrap covariance of Epoch's Fit B (our scipy re-run), same order. */
    private static final double[][] COVARIANCE = {
            {0.00023717718219979172, -8.65629930427241e-05, 0.003973358518540775, -0.0017270472899211656,
                    0.0001260514811495572},
            {-8.65629930427241e-05, 0.00042448874205444604, -0.001393559959485815, 0.008674264289735549,
                    0.0001755178661938729},
            {0.003973358518540775, -0.001393559959485815, 0.06665505183459772, -0.02782103939452774,
                    0.0021341131056819966},
            {-0.0017270472899211656, 0.008674264289735549, -0.02782103939452774, 0.17736960978363947,
                    0.003602957646555612},
            {0.0001260514811495572, 0.0001755178661938729, 0.0021341131056819966, 0.003602957646555612,
                    0.00019886822793093787}};

    @Test
    void computeGridIsNumpysArangeOfPowersOfTen() {
        double[] grid = TokensPerParameterPolicy.powersOfTen(18, 28, 0.05);
        assertThat(grid).hasSize(200);
        // 10 ** np.arange(18, 28, 0.05) at indices 1, 2, 3, 57, 60, 115, 160, 199
        int[] index = {1, 2, 3, 57, 60, 115, 160, 199};
        double[] numpy = {1.1220184543019653e+18, 1.2589254117941714e+18, 1.4125375446227612e+18,
                7.079457843842039e+20, 1.0000000000000982e+21, 5.623413251904549e+23, 1.0000000000002617e+26,
                8.912509381340357e+27};
        for (int k = 0; k < index.length; k++) {
            assertThat(grid[index[k]]).as("index %d", index[k]).isCloseTo(numpy[k], within(Math.ulp(numpy[k])));
        }
        assertThat(grid[0]).isEqualTo(1e18);
    }

    @Test
    void budgetsGivenAsFlopsInsteadOfExponentsAreRefusedWithTheHint() {
        assertThatThrownBy(() -> TokensPerParameterPolicy.powersOfTen(1e20, 1e24, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log10 of FLOPs");
        assertThatThrownBy(() -> TokensPerParameterPolicy.powersOfTen(1e20, 1e24, 1e22))
                .hasMessageContaining("log10 of FLOPs");
        assertThat(TokensPerParameterPolicy.powersOfTen(18, 28, 0.05)).hasSize(200);
    }

    @Test
    void referencePolicyIsChinchillasGAndTheMiddleOfItsExponentInterval() {
        TokensPerParameterPolicy.ReferencePolicy reference =
                TokensPerParameterPolicy.ReferencePolicy.of(CHINCHILLA, 0.454, 0.455);
        // data_analysis.ipynb re-run: G(true_params) = 1.3000464420166369; cell 68: D/N at grid index 115 = 72.86525718715193
        assertThat(reference.g()).isCloseTo(1.3000464420166369, within(1e-15));
        assertThat(reference.middleExponent()).isEqualTo(0.4545);
        double compute = TokensPerParameterPolicy.powersOfTen(18, 28, 0.05)[115];
        assertThat(reference.at(0.4545).at(compute).tokensPerParam())
                .isCloseTo(72.86525718715193, within(1e-12 * 72.86525718715193));
    }

    @Test
    void sameSeedSameBandAndAnotherSeedAnotherBand() {
        TokensPerParameterPolicy.ReferencePolicy reference =
                TokensPerParameterPolicy.ReferencePolicy.of(CHINCHILLA, 0.454, 0.455);
        double[] compute = {1e20, 1e23, 1e26};
        TokensPerParameterPolicy one = TokensPerParameterPolicy.band(ESTIMATE, COVARIANCE, reference, compute, 2000, 5,
                80);
        TokensPerParameterPolicy again = TokensPerParameterPolicy.band(ESTIMATE, COVARIANCE, reference, compute, 2000,
                5, 80);
        TokensPerParameterPolicy other = TokensPerParameterPolicy.band(ESTIMATE, COVARIANCE, reference, compute, 2000,
                6, 80);
        assertThat(again).isEqualTo(one);
        assertThat(other.rows().get(1).median()).isNotEqualTo(one.rows().get(1).median());
        for (TokensPerParameterPolicy.Row row : one.rows()) {
            assertThat(row.low()).isLessThan(row.median());
            assertThat(row.median()).isLessThan(row.high());
            assertThat(row.medianComputeFactor()).isGreaterThanOrEqualTo(1.0);
        }
    }

    @Test
    void bandCollapsesOntoThePointEstimateAsTheCovarianceVanishes() {
        double[][] tiny = new double[5][5];
        for (int j = 0; j < 5; j++) {
            tiny[j][j] = 1e-18;
        }
        double[] compute = {1e19, 5.88e23, 1e27};
        TokensPerParameterPolicy policy = TokensPerParameterPolicy.band(ESTIMATE, tiny,
                TokensPerParameterPolicy.ReferencePolicy.of(ESTIMATE), compute, 100, 1, 80);
        ComputeOptimalAllocation law = ComputeOptimalAllocation.ofChinchillaParameters(ESTIMATE);
        for (TokensPerParameterPolicy.Row row : policy.rows()) {
            double c = row.compute();
            double expected = Math.pow(law.g(), -2) * Math.pow(c / 6, law.tokensExponent() - law.paramsExponent());
            assertThat(row.pointEstimate()).isCloseTo(expected, within(1e-12 * expected));
            assertThat(row.low()).isCloseTo(expected, within(1e-6 * expected));
            assertThat(row.high()).isCloseTo(expected, within(1e-6 * expected));
            // the reference is the estimate's own policy: no compute to gain
            assertThat(row.reference()).isCloseTo(expected, within(1e-12 * expected));
            assertThat(row.medianComputeFactor()).isCloseTo(1.0, within(1e-6));
        }
        assertThat(policy.nearest(6e23).compute()).isEqualTo(5.88e23);
    }

    @Test
    void drawsWithoutAnAllocationAreCountedAndLeftOutOfTheBand() {
        double[][] wide = new double[5][5];
        for (int j = 0; j < 5; j++) {
            wide[j][j] = 0.04;
        }
        MultivariateNormalDistribution normal = new MultivariateNormalDistribution(new Well19937c(1L), ESTIMATE, wide);
        int expected = 0;
        for (int m = 0; m < 1000; m++) {
            double[] theta = normal.sample();
            expected += theta[0] > 0 && theta[1] > 0 ? 0 : 1;
        }

        TokensPerParameterPolicy policy = TokensPerParameterPolicy.band(ESTIMATE, wide,
                TokensPerParameterPolicy.ReferencePolicy.of(CHINCHILLA), new double[] {1e20, 1e22}, 1000, 1, 80);

        assertThat(expected).isBetween(1, 100);
        assertThat(policy.draws()).isEqualTo(1000);
        assertThat(policy.skipped()).isEqualTo(expected);
        assertThat(policy.rows()).allSatisfy(row -> assertThat(row.low()).isPositive().isFinite()
                .isLessThan(row.high()));
    }

    @Test
    void aBandWithFewerThanTwoUsableDrawsIsRefusedWithTheCount() {
        double[] negative = ESTIMATE.clone();
        negative[0] = -0.3;
        double[][] tiny = new double[5][5];
        for (int j = 0; j < 5; j++) {
            tiny[j][j] = 1e-8;
        }
        assertThatThrownBy(() -> TokensPerParameterPolicy.band(negative, tiny,
                TokensPerParameterPolicy.ReferencePolicy.of(CHINCHILLA), new double[] {1e20}, 100, 1, 80))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100 of 100 draws have α ≤ 0 or β ≤ 0");
    }
}
