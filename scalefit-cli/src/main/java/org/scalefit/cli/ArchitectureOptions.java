package org.scalefit.cli;

import org.scalefit.accounting.Architecture;
import picocli.CommandLine.Option;

/** The architecture constants parameter and FLOP counts depend on (a picocli mixin; defaults: Gemstones). */
final class ArchitectureOptions {

    @Option(names = "--vocab", defaultValue = "50304", paramLabel = "V", description = "Default: ${DEFAULT-VALUE}.")
    int vocab;

    @Option(names = "--seq-len", defaultValue = "2048", paramLabel = "S", description = "Default: ${DEFAULT-VALUE}.")
    int sequenceLength;

    @Option(names = "--head-size", defaultValue = "128", paramLabel = "H", description = "Default: ${DEFAULT-VALUE}.")
    int headSize;

    @Option(names = "--queries-per-group", defaultValue = "2", paramLabel = "G",
            description = "Query heads per key-value head. Default: ${DEFAULT-VALUE}.")
    int queriesPerGroup;

    @Option(names = "--mlp-expansion", defaultValue = "4", paramLabel = "M", description = "Default: ${DEFAULT-VALUE}.")
    int mlpExpansion;

    /** The architecture these options describe. */
    Architecture architecture() {
        return new Architecture(vocab, sequenceLength, headSize, queriesPerGroup, mlpExpansion);
    }
}
