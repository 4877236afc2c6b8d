package org.scalefit.cli;

import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.accounting.RunCompute;
import org.scalefit.io.analysis.CostRequest;
import picocli.CommandLine.Option;

/**
 * Where training FLOPs come from — {@code --flops COLUMN} or {@code --flop-count COUNT} — and the GPUs of a node
 * that GPU-hours count ({@code --gpus-per-node}) (a picocli mixin of the
 * commands that put runs on a compute axis: frontier and report), as a {@link CostRequest}: the one rule of
 * {@link RunCompute}.
 */
final class ComputeOptions {

    @Option(names = "--flops", paramLabel = "COLUMN",
            description = "Training FLOPs of each run from this column of the file (the same as --column "
                    + "flops=COLUMN).")
    String flopsColumn;

    @Option(names = "--flop-count", paramLabel = "COUNT",
            description = "Count the FLOPs instead: six-n (6ND on the file's params, or on params counted from the "
                    + "shape), gemstones-gqa (Gemstones' exact count from width and depth), kaplan or "
                    + "attention-inclusive (from the shape). Default: six-n if the file has params, gemstones-gqa if "
                    + "it has only width and depth; a FLOPs column when --flops or --column flops= is given.")
    String flopCount;

    @Option(names = "--gpus-per-node", defaultValue = "8", paramLabel = "N",
            description = "GPUs of a node, for GPU-hours (seconds_per_step · step · num_nodes · N / 3600). "
                    + "Default: ${DEFAULT-VALUE}.")
    int gpusPerNode;

    /** The count asked for, or null for the default (validated before any reading). */
    FlopCount requested() {
        return flopCount == null ? null : FlopCount.fromLabel(flopCount);
    }

    /** The rule these options choose, for runs of {@code architecture}. */
    CostRequest costs(Architecture architecture, boolean noEmbeds) {
        return new CostRequest(flopsColumn, requested(), architecture, noEmbeds, gpusPerNode);
    }
}
