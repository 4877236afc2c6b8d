package org.scalefit.isoflop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Porian et al.'s intervals and Table 1's number formats ({@code paper_tables.py}, {@code plotting.py}). */
class IsoflopIntervalsTest {

    @Test
    void formatsLikePython() {
        assertThat(IsoflopIntervals.pythonG(0.8353000424913991, 3)).isEqualTo("0.835");
        assertThat(IsoflopIntervals.pythonG(0.5, 3)).isEqualTo("0.5");
        assertThat(IsoflopIntervals.pythonG(0.99999, 3)).isEqualTo("1");
        assertThat(IsoflopIntervals.pythonG(1234.5, 3)).isEqualTo("1.23e+03");
        assertThat(IsoflopIntervals.pythonG(0.0000123, 3)).isEqualTo("1.23e-05");
        assertThat(IsoflopIntervals.pythonF(0.125, 2)).isEqualTo("0.12");
        assertThat(IsoflopIntervals.pythonF(0.835, 2)).isEqualTo("0.83");
    }

    @Test
    void theLossBandSpansTheReplicatesQuantilesAtEachBudget() {
        // E_b = 2 + b/100, b = 0 … 100, A = 0: the values at any C are 2.00 … 3.00, quantiles by NumPy's linear rule
        List<SaturatingLoss> replicates = new ArrayList<>();
        for (int b = 0; b <= 100; b++) {
            replicates.add(new SaturatingLoss(0, 2 + b / 100.0, 0.1, 0));
        }

        double[][] band = IsoflopIntervals.lossBand(replicates, new double[] {1e17, 1e19});

        assertThat(band).hasDimensions(2, 3);
        assertThat(band[1][0]).isEqualTo(1e19);
        assertThat(band[1][1]).isCloseTo(2.025, within(1e-12));
        assertThat(band[1][2]).isCloseTo(2.975, within(1e-12));
    }

    @Test
    void theLossBandFollowsThePowerLawOfIdenticalReplicates() {
        SaturatingLoss law = new SaturatingLoss(40, 1.8, 0.07, 0);

        double[][] band = IsoflopIntervals.lossBand(List.of(law, law, law), new double[] {1e16, 1e20});

        assertThat(band[0][1]).isEqualTo(law.at(1e16));
        assertThat(band[1][2]).isEqualTo(law.at(1e20));
        assertThat(band[0][1]).isGreaterThan(band[1][1]);
    }
}
