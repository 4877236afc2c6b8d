package org.scalefit.cli;

import org.scalefit.fit.MultiStartFitter;
import picocli.CommandLine.Option;

/**
 * How the multi-start search runs — {@code --exhaustive}, {@code --no-polish}, {@code --max-evaluations} (a picocli
 * mixin of the commands that fit by {@link MultiStartFitter}).
 */
final class SearchOptions {

    @Option(names = "--exhaustive",
            description = "Run every start to its end: no early recognition of already-found basins, which the "
                    + "default uses only on grids of 100000 starts or more (the 3- and 4-input grids).")
    boolean exhaustive;

    @Option(names = "--no-polish", description = "Report the best grid start as found, without polishing it "
            + "(its stationarity test is still reported).")
    boolean noPolish;

    @Option(names = "--max-evaluations", paramLabel = "N", description = "At most N objective evaluations per start. "
            + "Default: 15000.")
    Integer maxEvaluations;

    /** The search options chosen. */
    MultiStartFitter.Options options() {
        MultiStartFitter.Options options = MultiStartFitter.Options.defaults().withRecognition(!exhaustive)
                .withPolish(!noPolish);
        return maxEvaluations == null ? options : options.withMaxEvaluations(maxEvaluations);
    }
}
