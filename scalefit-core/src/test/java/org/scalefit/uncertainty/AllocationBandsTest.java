package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.law.LawForm;

class AllocationBandsTest {

    private static final double[] CHINCHILLA = {0.33917084, 0.2849083, 6.0073404, 6.0179186, 0.5267228};

    private static double[] withAlpha(double alpha) {
        double[] theta = CHINCHILLA.clone();
        theta[0] = alpha;
        return theta;
    }

    @Test
    void bandsArePercentilesOfTheReplicatesAllocations() {
        double[][] replicates = {withAlpha(0.30), withAlpha(0.32), withAlpha(0.34), withAlpha(0.36), withAlpha(0.38)};
        BootstrapResult bootstrap = new BootstrapResult(LawForm.CHINCHILLA, replicates, 5, new int[] {0});
        AllocationBands bands = AllocationBands.of(CHINCHILLA, bootstrap, new double[] {1e23}, 50);
        double[] tokensPerParam = new double[5];
        for (int r = 0; r < 5; r++) {
            tokensPerParam[r] = ComputeOptimalAllocation.ofChinchillaParameters(replicates[r]).at(1e23)
                    .tokensPerParam();
        }
        java.util.Arrays.sort(tokensPerParam);
        AllocationBands.Spread spread = bands.bands().get(0).tokensPerParam();
        // np.percentile of 5 values at 25 / 50 / 75: the 2nd, 3rd and 4th smallest
        assertThat(spread.low()).isCloseTo(tokensPerParam[1], within(1e-12 * tokensPerParam[1]));
        assertThat(spread.median()).isCloseTo(tokensPerParam[2], within(1e-12 * tokensPerParam[2]));
        assertThat(spread.high()).isCloseTo(tokensPerParam[3], within(1e-12 * tokensPerParam[3]));
    }

    @Test
    void replicatesWithoutAnAllocationAreListedAndLeftOut() {
        double[][] replicates = {withAlpha(0.30), withAlpha(-0.1), withAlpha(0.34), withAlpha(0.0)};
        BootstrapResult bootstrap = new BootstrapResult(LawForm.CHINCHILLA, replicates, 4, new int[] {0});
        AllocationBands bands = AllocationBands.of(CHINCHILLA, bootstrap, new double[] {1e21, 1e22}, 95);
        assertThat(bands.unusableReplicates()).containsExactly(1, 3);
        assertThat(bands.bands()).hasSize(2);
        assertThatThrownBy(() -> AllocationBands.of(CHINCHILLA, bootstrap, new double[] {-1}, 95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllocationBands.of(withAlpha(-1), bootstrap, new double[] {1e21}, 95))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
