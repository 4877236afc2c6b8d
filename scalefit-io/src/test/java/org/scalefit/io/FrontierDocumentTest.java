package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalefit.frontier.LogLogFit;

/** What the frontier document records of a log–log fit. */
class FrontierDocumentTest {

    @Test
    void aFitThroughTwoFrontierRunsIsRecordedWithItsWarningAndWithoutAnInterval() {
        LogLogFit exact = LogLogFit.withBootstrap(new double[] {2.4e17, 2.4e21}, new double[] {2e7, 2e9}, 1000, 0.95,
                42);

        FrontierDocument.LineFit line = FrontierDocument.LineFit.of(exact);

        assertThat(line.slopeInterval95()).isNull();
        assertThat(line.warnings()).containsExactlyElementsOf(exact.warnings()).isNotEmpty();
    }

    @Test
    void aFitThroughThreeRunsHasNoWarnings() {
        LogLogFit fit = LogLogFit.withBootstrap(new double[] {1, 2, 4}, new double[] {1, 2.1, 3.9}, 100, 0.95, 42);

        assertThat(FrontierDocument.LineFit.of(fit).warnings()).isEmpty();
    }
}
