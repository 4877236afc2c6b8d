package org.scalefit.cli;

import picocli.CommandLine.Option;

/** {@code --seed}: the seed of a command's random draws (resamples or noise), 42 by default (a picocli mixin). */
final class SeedOption {

    @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED",
            description = "Seed of the random draws (bootstrap resamples, noise). Default: ${DEFAULT-VALUE}.")
    long seed;
}
