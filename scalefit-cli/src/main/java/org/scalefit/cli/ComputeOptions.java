package org.scalefit.cli;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.accounting.RunCompute;
import org.scalefit.data.RunTable;
import org.scalefit.io.ColumnRequest;
import picocli.CommandLine.Option;

/**
 * Where training FLOPs come from — {@code --flops COLUMN} or {@code --flop-count COUNT} (a picocli mixin of the
 * commands that put runs on a compute axis: frontier and report), applied by the one rule of {@link RunCompute}.
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

    /** The count asked for, or null for the default (validated before any reading). */
    FlopCount requested() {
        return flopCount == null ? null : FlopCount.fromLabel(flopCount);
    }

    /**
     * {@code request} with the columns this rule may read, and the FLOPs column mapped into {@code data} if asked
     * for.
     */
    ColumnRequest request(ColumnRequest request, DataOptions data) {
        if (flopsColumn != null) {
            String mapped = data.columns.get(RunCompute.FLOPS);
            if (mapped != null && !mapped.equals(flopsColumn)) {
                throw new IllegalArgumentException("--flops " + flopsColumn + " and --column flops=" + mapped
                        + " name different columns; give one");
            }
            data.columns.put(RunCompute.FLOPS, flopsColumn);
        }
        ColumnRequest with = request;
        for (String column : List.of(RunCompute.PARAMS, RunCompute.WIDTH, RunCompute.DEPTH)) {
            if (!with.all().contains(column)) {
                with = with.withOptional(column);
            }
        }
        return readsFlopsColumn(data) ? withRequired(with, RunCompute.FLOPS) : with;
    }

    /** The FLOPs column is to be read: asked for with {@code --flops} or {@code --column flops=}. */
    boolean readsFlopsColumn(DataOptions data) {
        return flopsColumn != null || data.columns.containsKey(RunCompute.FLOPS);
    }

    /** The parameter counts and FLOPs of {@code table} under this rule. */
    RunCompute compute(RunTable table, DataOptions data, Architecture architecture, boolean noEmbeds) {
        return RunCompute.of(table, readsFlopsColumn(data), requested(), architecture, noEmbeds);
    }

    private static ColumnRequest withRequired(ColumnRequest request, String column) {
        List<String> required = new ArrayList<>(request.required());
        if (!required.contains(column)) {
            required.add(column);
        }
        List<String> optional = new ArrayList<>(request.optional());
        optional.remove(column);
        return new ColumnRequest(required, optional, request.mapping());
    }
}
