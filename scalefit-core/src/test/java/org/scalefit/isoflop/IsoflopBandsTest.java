package org.scalefit.isoflop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lines and bands an IsoFLOP figure draws, computed from a configuration's fits. */
class IsoflopBandsTest {

    private static ComputeOptimalLaws laws(double a) {
        return new ComputeOptimalLaws(new PowerLaw(a, 0.1, 1), new PowerLaw(1 - a, 1.6, 1),
                new PowerLaw(1 - 2 * a, 16, 1));
    }

    private static IsoflopFits fits(List<ComputeOptimalLaws> replicates) {
        return new IsoflopFits(5, Map.of(FitVariant.BS_MEDIAN_WEIGHTED, laws(0.5)), replicates, replicates, null,
                List.of(), List.of());
    }

    @Test
    void eachLawIsTheWeightedMedianFitOnTwentyBudgetsWithTheReplicatesBandAndExponentInterval() {
        List<ComputeOptimalLaws> replicates = new ArrayList<>();
        for (int r = 0; r <= 100; r++) {
            replicates.add(laws(0.45 + r / 1000.0));
        }
        IsoflopFits fits = fits(replicates);

        IsoflopBands bands = IsoflopBands.of(List.of(), fits, 1e17, 1e19);

        IsoflopBands.Line n = bands.laws().get(ComputeOptimalLaws.Quantity.N);
        assertThat(n.flops()).containsExactly(IsoflopAnalysis.geomspace(1e17, 1e19, 20));
        assertThat(n.values()[3]).isEqualTo(fits.point(FitVariant.BS_MEDIAN_WEIGHTED).n().at(n.flops()[3]));
        double[][] band = IsoflopIntervals.band(replicates, ComputeOptimalLaws.Quantity.N, 1e17, 1e19);
        assertThat(n.lower()[7]).isEqualTo(band[7][1]);
        assertThat(n.upper()[7]).isEqualTo(band[7][2]);
        assertThat(n.exponent()).isEqualTo(0.5);
        assertThat(n.interval()).containsExactly(
                IsoflopIntervals.exponentInterval(replicates, ComputeOptimalLaws.Quantity.N));
        assertThat(bands.laws()).containsOnlyKeys(ComputeOptimalLaws.Quantity.values());
    }

    @Test
    void withoutReplicatesTheLinesHaveNoBandAndWithoutALossFitThereIsNoLossLine() {
        IsoflopBands bands = IsoflopBands.of(List.of(), fits(List.of()), 1e17, 1e19);

        assertThat(bands.laws().get(ComputeOptimalLaws.Quantity.T).hasBand()).isFalse();
        assertThat(bands.laws().get(ComputeOptimalLaws.Quantity.T).interval()).isNull();
        assertThat(bands.loss()).isNull();
    }

    @Test
    void fewerThanTwoFittedBudgetsGiveNoLines() {
        IsoflopFits single = new IsoflopFits(1, Map.of(), List.of(), List.of(), null, List.of(), List.of());

        assertThat(IsoflopBands.of(List.of(), single, 1e17, 1e19).laws()).isEmpty();
    }
}
