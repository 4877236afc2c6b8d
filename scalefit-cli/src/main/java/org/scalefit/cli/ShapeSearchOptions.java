package org.scalefit.cli;

import org.scalefit.accounting.Architecture;
import org.scalefit.shapes.FlopBuckets;
import org.scalefit.shapes.ParameterCount;
import org.scalefit.shapes.ShapeAccounting;
import org.scalefit.shapes.ShapeGrid;
import org.scalefit.shapes.ShapeSearch;
import picocli.CommandLine.Option;

/** The grid, FLOPs buckets and parameter count of a width–depth shape search (a picocli mixin of {@code shapes}). */
final class ShapeSearchOptions {

    @Option(names = "--buckets", defaultValue = "13", paramLabel = "N",
            description = "Log-spaced FLOPs buckets. Default: ${DEFAULT-VALUE}.")
    int buckets;

    @Option(names = "--flops", defaultValue = "1e18:1e26", paramLabel = "LOW:HIGH",
            converter = NumberRanges.BoundsConverter.class,
            description = "FLOPs range of the buckets. Default: ${DEFAULT-VALUE}.")
    NumberRanges.Bounds flops;

    @Option(names = "--log10-tokens", defaultValue = "9:13.5", paramLabel = "LOW:HIGH",
            converter = NumberRanges.BoundsConverter.class,
            description = "Token counts 10^LOW to 10^HIGH (Gemstones' --over_120: 8.5:13.5). "
                    + "Default: ${DEFAULT-VALUE}.")
    NumberRanges.Bounds log10Tokens;

    @Option(names = "--grid-points", defaultValue = "1025,800,500", paramLabel = "W,D,T",
            description = "Points of the width, depth and token logspaces. Default: ${DEFAULT-VALUE} (Gemstones).")
    String gridPoints;

    @Option(names = "--params", defaultValue = "exact", paramLabel = "COUNT",
            description = "Parameter count fed to a law's params input: exact (embeddings included), no-embeds, "
                    + "relaxed-no-embeds (Gemstones' --relaxed grid), relaxed. Default: ${DEFAULT-VALUE}.")
    String params;

    /**
     * The search these options describe, costed with {@code architecture}.
     *
     * @throws IllegalArgumentException for a grid-points list that is not three counts or an unknown count
     */
    ShapeSearch search(Architecture architecture) {
        int[] points = points();
        return ShapeSearch.over(ShapeGrid.gemstones(points[0], points[1], log10Tokens.low(), log10Tokens.high(),
                points[2]), FlopBuckets.logSpaced(flops.low(), flops.high(), buckets),
                new ShapeAccounting(architecture, ParameterCount.fromLabel(params)));
    }

    private int[] points() {
        String[] parts = gridPoints.split(",");
        try {
            if (parts.length == 3) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                        Integer.parseInt(parts[2].trim())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--grid-points expects W,D,T (three integers), got '" + gridPoints + "'");
    }
}
