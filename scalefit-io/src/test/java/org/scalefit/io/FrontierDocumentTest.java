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
    void aFitThroughFiveRunsHasNoWarnings() {
        LogLogFit fit = LogLogFit.withBootstrap(new double[] {1, 2, 4, 8, 16}, new double[] {1, 2.1, 3.9, 8.3, 15.8},
                100, 0.95, 42);

        assertThat(FrontierDocument.LineFit.of(fit).warnings()).isEmpty();
    }

    @Test
    void aBootstrapOfThreeRunsIsRecordedWithItsWarning() {
        LogLogFit fit = LogLogFit.withBootstrap(new double[] {1, 2, 4}, new double[] {1, 2.1, 3.9}, 100, 0.95, 42);

        assertThat(FrontierDocument.LineFit.of(fit).warnings())
                .containsExactly("a bootstrap of 3 points has only 10 distinct resamples: the interval's ends rest on "
                        + "one or two of them");
    }
}
