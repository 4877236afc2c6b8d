package org.scalefit.cli;

import java.util.Locale;
import org.scalefit.accounting.Architecture;

/** The line naming the architecture a shape search or parabola counted params and FLOPs with, and its options. */
final class ArchitectureLine {

    private ArchitectureLine() {
    }

    static String of(Architecture architecture) {
        return String.format(Locale.ROOT, "architecture: vocab %d, seq len %d, head size %d, %d queries per group, "
                        + "MLP x%d (--vocab, --seq-len, --head-size, --queries-per-group, --mlp-expansion)",
                architecture.vocabulary(), architecture.sequenceLength(), architecture.headSize(),
                architecture.queriesPerGroup(), architecture.mlpExpansion());
    }
}
