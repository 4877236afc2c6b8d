package org.scalefit.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalefit fit}'s pairs bootstrap of a law written as text or file (a picocli mixin): B resamples of the points,
 * each refitted from the optimum, and their seed.
 */
final class LawBootstrapOptions {

    @Option(names = "--bootstrap", paramLabel = "B", description = "For a law given as text or file: also refit "
            + "B pairs-bootstrap resamples from the optimum and store them in the result (percentile intervals of "
            + "the parameters; scalefit predict then gives intervals of its predictions).")
    Integer bootstrap;

    @Mixin
    SeedOption seeded = new SeedOption();
}
