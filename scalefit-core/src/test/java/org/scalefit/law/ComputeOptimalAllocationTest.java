package org.scalefit.law;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class ComputeOptimalAllocationTest {

    private static final ComputeOptimalAllocation LAW = new ComputeOptimalAllocation(482.0, 2085.4, 1.82, 0.3478, 0.3658);

    @Test
    void closedFormSpendsTheWholeBudget() {
        qt().withFixedSeed(17L).forAll(doubles().between(15, 30)).checkAssert(log10Compute -> {
            double compute = Math.pow(10, log10Compute);
            Allocation allocation = LAW.at(compute);
            assertThat(6 * allocation.params() * allocation.tokens() / compute).isCloseTo(1, within(1e-12));
        });
    }

    @Test
    void closedFormIsTheMinimumOfTheLawUnderTheBudget() {
        for (double compute : new double[] {1e18, 1e21, 1e24, 1e27}) {
            Allocation closed = LAW.at(compute);
            Allocation numeric = LAW.numericallyAt(compute);
            assertThat(numeric.params() / closed.params()).as("C = %s", compute).isCloseTo(1, within(1e-6));
            assertThat(closed.predictedLoss()).isLessThanOrEqualTo(numeric.predictedLoss() * (1 + 1e-15));
        }
    }

    @Test
    void closedFormFollowsHoffmannEquation4() {
        double compute = 1e21;
        double g = Math.pow(0.3478 * 482.0 / (0.3658 * 2085.4), 1 / (0.3478 + 0.3658));
        double a = 0.3658 / (0.3478 + 0.3658);
        Allocation allocation = LAW.at(compute);
        assertThat(allocation.params() / (g * Math.pow(compute / 6, a))).isCloseTo(1, within(1e-12));
        assertThat(allocation.tokensPerParam()).isCloseTo(allocation.tokens() / allocation.params(), within(1e-9));
    }

    @Test
    void powerLawAllocationGivesTokensFromTheBudget() {
        Allocation kaplan = new PowerLawAllocation(1.6e9, 1e15 * 86400, 0.88).at(1e15 * 86400);
        assertThat(kaplan.params()).isEqualTo(1.6e9);
        assertThat(kaplan.tokens()).isCloseTo(1e15 * 86400 / (6 * 1.6e9), within(1e-3));
        assertThat(kaplan.predictedLoss()).isNaN();
    }

    @Test
    void degenerateLawsAndBudgetsAreRefused() {
        assertThatThrownBy(() -> new ComputeOptimalAllocation(1, 1, 1, 0, 0.3)).hasMessageContaining("α");
        assertThatThrownBy(() -> LAW.at(0)).hasMessageContaining("budget");
    }
}
