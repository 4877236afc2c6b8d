package org.scalefit.cli;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.io.Transform;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The data transforms an Approach-3 fit can apply before fitting ({@link Transform}): Gemstones' "no embeds"
 * parameter count and Epoch AI's outlier rule. Shared by every command that fits a law to a run table.
 */
final class TransformOptions {

    @Option(names = "--no-embeds", description = "Count parameters without the embedding: params − vocab·width.")
    boolean noEmbeds;

    @Option(names = "--vocab", defaultValue = "50304", paramLabel = "V",
            description = "Vocabulary size for --no-embeds. Default: ${DEFAULT-VALUE} (Gemstones).")
    int vocab;

    @Mixin
    OutlierOption outliers = new OutlierOption();

    /** The transforms chosen, in the order they apply: no embeds, then the outlier rule. */
    List<Transform> transforms() {
        Transform.NoEmbeds adjust = new Transform.NoEmbeds(vocab);
        Transform.DropHighestLosses drop = new Transform.DropHighestLosses(outliers.dropHighestLosses);
        List<Transform> chosen = new ArrayList<>();
        if (noEmbeds) {
            chosen.add(adjust);
        }
        if (outliers.dropHighestLosses > 0) {
            chosen.add(drop);
        }
        return List.copyOf(chosen);
    }
}
