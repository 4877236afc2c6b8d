package org.scalefit.cli;

import picocli.CommandLine.Option;

/**
 * {@code --drop-highest-losses}: Epoch AI's outlier rule, dropping the points at or above the N-th largest loss
 * (a picocli mixin of the transforms and of Epoch's bootstrap).
 */
final class OutlierOption {

    @Option(names = "--drop-highest-losses", defaultValue = "0", paramLabel = "N",
            description = "Drop the points at or above the N-th largest loss (Epoch AI drop 5 Chinchilla points).")
    int dropHighestLosses;
}
