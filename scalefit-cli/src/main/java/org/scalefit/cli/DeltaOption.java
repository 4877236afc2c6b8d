package org.scalefit.cli;

import picocli.CommandLine.Option;

/**
 * {@code --delta}: the Huber threshold δ on the log-loss residuals of every Approach-3 fit a command makes (a picocli
 * mixin, so that the option and its default are declared once).
 */
final class DeltaOption {

    @Option(names = "--delta", defaultValue = ScalefitCommand.DEFAULT_DELTA, paramLabel = "δ",
            description = "Huber threshold on log-loss residuals of the fits. Default: ${DEFAULT-VALUE}"
                    + ScalefitCommand.DEFAULT_DELTA_NOTE + ".")
    double delta;
}
