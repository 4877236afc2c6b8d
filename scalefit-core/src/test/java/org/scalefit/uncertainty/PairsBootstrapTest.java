package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;


class PairsBootstrapTest {

    private static final double[] START = {0.33917084, 0.2849083, 6.0073404, 6.0179186, 0.5267228};

    @Test
    void resultDependsOnTheSeedOnlyNotOnThreads() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(60, 0.01, 5);
        for (ResamplingStream stream : ResamplingStream.values()) {
            PairsBootstrap bootstrap = PairsBootstrap.of(LawForm.CHINCHILLA, 1e-3, START, 40, 11).withStream(stream);
            BootstrapResult one = bootstrap.run(data, LocalParallelism.sequential());
            BootstrapResult three = bootstrap.run(data, LocalParallelism.withThreads(3));
            assertThat(three).isEqualTo(one);
            assertThat(one.count()).isEqualTo(40);
            BootstrapResult other = PairsBootstrap.of(LawForm.CHINCHILLA, 1e-3, START, 40, 12).withStream(stream)
                    .run(data, LocalParallelism.sequential());
            assertThat(other.replicates()[0]).isNotEqualTo(one.replicates()[0]);
        }
    }

    @Test
    void intervalsCoverTheTrueExponents() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(200, 0.01, 6);
        BootstrapResult result = PairsBootstrap.of(LawForm.CHINCHILLA, 1e-3, START, 100, 42)
                .run(data, LocalParallelism.withThreads(2));
        assertThat(result.converged()).isEqualTo(100);
        double[] low = result.untransformedPercentile(2.5);
        double[] high = result.untransformedPercentile(97.5);
        assertThat(low[4]).isLessThan(1.69);
        assertThat(high[4]).isGreaterThan(1.69);
        assertThat(low[0]).isLessThan(high[0]);
        assertThat(java.util.Arrays.stream(result.standardErrors())).allMatch(se -> se > 0 && Double.isFinite(se));
    }

    @Test
    void aNegligibleFloorAtTheStartIsMarkedNotIdentifiedAndTheOtherParametersAreNot() {
        Observations data = HuberLikelihoodObjectiveTest.synthetic(60, 0.01, 5);
        double[] noFloor = START.clone();
        noFloor[4] = -30; // E = 9e-14, far below 1e-3 of the smallest loss: the fit warns "E is not identified"
        BootstrapResult result = PairsBootstrap.of(LawForm.CHINCHILLA, 1e-3, noFloor, 20, 3)
                .run(data, LocalParallelism.sequential());
        assertThat(result.unidentified()).containsExactly(4);
        assertThat(result.identified(4)).isFalse();
        assertThat(result.identified(0)).isTrue();

        BootstrapResult regular = PairsBootstrap.of(LawForm.CHINCHILLA, 1e-3, START, 20, 3)
                .run(data, LocalParallelism.sequential());
        assertThat(regular.unidentified()).isEmpty();
    }
}
