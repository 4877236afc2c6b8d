package org.scalefit.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --delta}: the Huber threshold δ on the log-loss residuals of every Approach-3 fit a command makes (a picocli
 * mixin, so that the option and its default are declared once).
 */
final class DeltaOption {

    @Option(names = "--delta", converter = Threshold.class, defaultValue = ScalefitCommand.DEFAULT_DELTA, paramLabel = "δ",
            description = "Huber threshold on log-loss residuals of the fits. Default: ${DEFAULT-VALUE}"
                    + ScalefitCommand.DEFAULT_DELTA_NOTE + ".")
    double delta;

    /**
     * A Huber threshold δ &gt; 0, finite, refused while the command line is read (picocli then names the option,
     * {@code --delta} or {@code --deltas}) rather than by the engine, whose message knows no option.
     */
    static final class Threshold implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double delta;
            try {
                delta = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not a number");
            }
            if (!(delta > 0) || Double.isInfinite(delta)) {
                throw new TypeConversionException("the Huber threshold must be a positive finite number (e.g. 1e-3), "
                        + "got '" + text + "'");
            }
            return delta;
        }
    }
}
