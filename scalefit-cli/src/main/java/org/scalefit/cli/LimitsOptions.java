package org.scalefit.cli;

import org.scalefit.fit.Identification;
import picocli.CommandLine.Option;

/**
 * The physical limits above which a fit refuses its data as not identifying the law ({@link Identification}, rule 5):
 * {@code --max-params} and {@code --max-tokens} (a picocli mixin).
 */
final class LimitsOptions {

    @Option(names = "--max-params", paramLabel = "N", description = "Largest parameter count accepted as physical; "
            + "a larger value makes the fit not identified (exit 5). Default: 1e15.")
    Double maxParams;

    @Option(names = "--max-tokens", paramLabel = "D", description = "Largest token count accepted as physical; "
            + "a larger value makes the fit not identified (exit 5). Default: 1e16.")
    Double maxTokens;

    /** The limits, defaults where no option is given. */
    Identification.Limits limits() {
        Identification.Limits limits = Identification.Limits.DEFAULTS;
        if (maxParams != null) {
            limits = limits.withMaxParams(maxParams);
        }
        if (maxTokens != null) {
            limits = limits.withMaxTokens(maxTokens);
        }
        return limits;
    }

    /** True if no option changes the defaults (so that results and store keys stay as without these options). */
    boolean defaults() {
        return limits().equals(Identification.Limits.DEFAULTS);
    }
}
