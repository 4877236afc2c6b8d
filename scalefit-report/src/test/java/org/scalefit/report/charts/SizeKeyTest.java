package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.report.plot.ColorKey;
import org.scalefit.report.plot.Palette;

class SizeKeyTest {

    @Test
    void theKeysTitleStatesTheSmallestAndLargestModelSizeWhichItsRoundTicksDoNotLabel() {
        Map<String, Double> sizes = new LinkedHashMap<>();
        for (int i = 0; i <= Palette.CATEGORICAL.size(); i++) {
            sizes.put("run " + i, 5.128e7 * Math.pow(2.03e9 / 5.128e7, i / (double) Palette.CATEGORICAL.size()));
        }

        ColorKey key = SizeKey.of(sizes);

        assertThat(key.label()).isEqualTo("parameters N, 5.13×10⁷ to 2.03×10⁹");
        assertThat(key.ticks().labels()).doesNotContain("5.13×10⁷", "2.03×10⁹");
    }
}
