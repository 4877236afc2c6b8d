package org.scalefit.io.analysis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scalefit.io.DataSource;

class FrontierRequestTest {

    @Test
    void aNegativeNumberOfResamplesOrBinsIsRefused() {
        DataSource data = DataSource.of("runs.csv");

        assertThatThrownBy(() -> new FrontierRequest(data, FrontierRequest.Resource.FLOPS, CostRequest.defaults(), null,
                -5, 42, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
        assertThatThrownBy(() -> new FrontierRequest(data, FrontierRequest.Resource.FLOPS, CostRequest.defaults(), null,
                0, 42, -3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-3");
    }
}
