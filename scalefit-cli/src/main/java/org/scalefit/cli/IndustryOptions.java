package org.scalefit.cli;

import java.nio.file.Path;
import java.util.List;
import org.scalefit.io.analysis.ParabolaRequest;
import picocli.CommandLine.Option;

/** The industry models drawn as reference lines of the overtraining parabola (a picocli mixin). */
final class IndustryOptions {

    @Option(names = "--industry", paramLabel = "FILE",
            description = "Industry models (Gemstones' our_val_loss_data.json form). Default: the bundled table.")
    Path file;

    @Option(names = "--no-industry", description = "List no industry models.")
    boolean noIndustry;

    @Option(names = "--industry-exclude", defaultValue = "meta-llama/Llama-3.1-70B", split = ",", paramLabel = "NAME",
            description = "Industry models left out, by Hugging Face or short name; '' for none. Default: "
                    + "${DEFAULT-VALUE} (left out of Gemstones' figure).")
    List<String> industryExclude;

    @Option(names = "--industry-band", defaultValue = "0.01", paramLabel = "L",
            description = "Industry models whose loss lies within [min - L, max + L] of a budget's interior "
                    + "losses are listed. Default: ${DEFAULT-VALUE}.")
    double industryBand;

    /** The industry models asked for. */
    ParabolaRequest.Industry industry() {
        return new ParabolaRequest.Industry(!noIndustry, file, industryExclude, industryBand);
    }
}
