package org.scalefit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.scalefit.io.analysis.ParabolaRequest;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The industry models drawn as reference lines of the overtraining parabola (a picocli mixin). */
final class IndustryOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

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

    /**
     * The industry models asked for.
     *
     * @throws IllegalArgumentException for --no-industry with an option that chooses the models listed
     */
    ParabolaRequest.Industry industry() {
        if (noIndustry) {
            List<String> which = Stream.of("--industry", "--industry-exclude", "--industry-band")
                    .filter(option -> command.commandLine().getParseResult().hasMatchedOption(option)).toList();
            if (!which.isEmpty()) {
                throw new IllegalArgumentException("--no-industry lists no industry models, but "
                        + String.join(", ", which) + " choose" + (which.size() == 1 ? "s" : "") + " which to list; "
                        + "give one or the other");
            }
        }
        return new ParabolaRequest.Industry(!noIndustry, file, industryExclude, industryBand);
    }
}
