package org.scalefit.cli;

import org.scalefit.fit.MultiStartFitter;
import picocli.CommandLine.Option;

/**
 * How the multi-start search runs — {@code --early-recognition}, {@code --no-polish}, {@code --max-evaluations} (a
 * picocli mixin of the commands that fit by {@link MultiStartFitter}).
 */
final class SearchOptions {

    @Option(names = "--early-recognition",
            description = "Stop a start early once it follows recorded paths to an optimum more than 5%% worse than "
                    + "the best: about half the time on the 3-input width-depth grid, but it can change the answer "
                    + "(it cut the path to a 4%% lower optimum on 1 of 41 random tables). Off by default: every start "
                    + "runs to its end.")
    boolean earlyRecognition;

    @Option(names = "--no-polish", description = "Report the best grid start as found, without polishing it "
            + "(its stationarity test is still reported).")
    boolean noPolish;

    @Option(names = "--max-evaluations", paramLabel = "N", description = "At most N objective evaluations per start. "
            + "Default: 15000.")
    Integer maxEvaluations;

    /** The search options chosen. */
    MultiStartFitter.Options options() {
        MultiStartFitter.Options options = MultiStartFitter.Options.defaults().withRecognition(earlyRecognition)
                .withPolish(!noPolish);
        return maxEvaluations == null ? options : options.withMaxEvaluations(maxEvaluations);
    }
}
