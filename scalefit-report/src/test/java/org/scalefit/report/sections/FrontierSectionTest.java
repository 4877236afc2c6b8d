package org.scalefit.report.sections;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrontierSectionTest {

    private static final double[] TOKENS = {5e8, 2e9, 8e9, 3e10};

    @Test
    void parametersCountedInMillionsRaiseAUnitCaution() {
        double[] millions = {20, 150, 400, 2000};

        assertThat(FrontierSection.unitCautions(millions, TOKENS)).isNotEmpty()
                .anySatisfy(caution -> assertThat(caution).contains("params"));
    }

    @Test
    void parametersCountedAsCountsRaiseNone() {
        double[] counts = {2e7, 1.5e8, 4e8, 2e9};

        assertThat(FrontierSection.unitCautions(counts, TOKENS)).isEmpty();
    }
}
