package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunsTest {

    @Test
    void runsOfOneSizeAreListedByTheNumbersInTheirNames() {
        Runs runs = Runs.named(List.of("m20M-t160", "m20M-t20", "m20M-t10", "m20M-t80"))
                .orderedBy(new double[] {2e7, 2e7, 2e7, 2e7});

        assertThat(runs.order()).containsExactly("m20M-t10", "m20M-t20", "m20M-t80", "m20M-t160");
    }

    @Test
    void namesThatDifferOnlyInLeadingZerosStayDistinctAndOrdered() {
        assertThat(Runs.compareNames("run7", "run07")).isNotZero();
        assertThat(Runs.compareNames("run7", "run07")).isEqualTo(-Runs.compareNames("run07", "run7"));
    }
}
