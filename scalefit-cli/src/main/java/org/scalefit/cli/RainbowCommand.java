package org.scalefit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.analysis.RainbowRequest;
import org.scalefit.io.analysis.RainbowResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalefit sensitivity rainbow}: Gemstones' rainbow of allocation lines N_opt(C) and the slope/Δ table
 * ({@code plotters/rainbow.py}).
 */
@Command(name = "rainbow", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Collect compute-optimal model-size lines N_opt(C) = k·(C/C₀)^s from Approach-3 params/tokens "
                + "laws (files, or fits of bundled Gemstones sets), Approach-1 regressions and reference laws; order "
                + "them by N_opt at --sort-at and tabulate each slope s with Δ to the base line of its approach and "
                + "embeddings flag (base: all tokens, no cooldown, no LR ablation, not a reduced sample).",
                "",
                "Line properties come from Gemstones' names (hot, hot_100b+, hot_120b+_only, cool_end, "
                + "lr_ablation_hot, …_sampled_like_chinchilla, slim_chinchilla, hot_100b+_512x, each optionally "
                + "_no_embeds; Approach-1 postfixes \"\", _100b+, _120b+_only, _cooldown, _lr_ablation). Without "
                + "--law and --fit-sets, the 14 sets of the original are fitted with --delta (default 1e-3; the "
                + "original's parameters_delta-4 lines take --delta 1e-4)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:I/O error (e.g. an output that cannot be written)", "2:bad usage", "3:bad input file", "4:a fit had no converged start",
                "130:interrupted"})
final class RainbowCommand implements Callable<Integer> {

    @Option(names = "--law", paramLabel = "[NAME=]FILE",
            description = "An Approach-3 params/tokens law file (scalefit fit --out, or Gemstones' approach_3_*.json); "
                    + "NAME (default: the Gemstones set in the file name) gives its label and properties. Repeatable.")
    List<String> laws = new ArrayList<>();

    @Option(names = "--fit-sets", split = ",", paramLabel = "SET",
            description = "Bundled gemstones sets to fit on the fly (a _no_embeds suffix fits params − vocab·width). "
                    + "Default, when no --law is given: the original's 14 sets.")
    List<String> fitSets;

    @Option(names = "--approach1", paramLabel = "DIR|FILE",
            description = "Approach-1 files approach_1_linear_regression_params*.json, or a folder of them. Repeatable.")
    List<Path> approach1 = new ArrayList<>();

    @Option(names = "--reference", split = ",", defaultValue = "epoch,kaplan", paramLabel = "NAME",
            description = "Reference lines: epoch, kaplan, chinchilla, or none. Default: ${DEFAULT-VALUE}.")
    List<String> references = new ArrayList<>();

    @Mixin
    DeltaOption huber = new DeltaOption();

    @Option(names = "--vocab", defaultValue = "50304", paramLabel = "V",
            description = "Vocabulary size for _no_embeds sets. Default: ${DEFAULT-VALUE} (Gemstones).")
    int vocab;

    @Option(names = "--grid", defaultValue = "gemstones", paramLabel = "GRID",
            description = "Starts of on-the-fly fits: gemstones (4500) or a grid size g. Default: ${DEFAULT-VALUE}.")
    String grid;

    @Mixin
    ThreadsOptions threads = new ThreadsOptions();

    @Option(names = "--sort-at", defaultValue = "1e28", paramLabel = "C",
            description = "Budget in FLOPs at which the lines are ordered. Default: ${DEFAULT-VALUE}.")
    double sortAt;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the table to FILE: Markdown (.md), LaTeX (.tex) or JSON (.json). Repeatable.")
    List<Path> outs = new ArrayList<>();

    @Override
    public Integer call() {
        OutputPaths.requireWritableFiles(outs.toArray(Path[]::new));
        List<RainbowResult.Format> formats = outs.stream().map(RainbowCommand::format).toList();
        RainbowRequest request = new RainbowRequest(laws.stream().map(RainbowRequest.NamedLaw::parse).toList(),
                fitSets, approach1, references, huber.delta, vocab, SensitivityInputs.startGrid(grid), sortAt);
        RainbowResult result;
        try (TerminalProgress progress = TerminalProgress.start("rainbow fits",
                (long) request.sets().size() * request.grid().size())) {
            result = request.run(threads.local(), progress);
        }
        result.notes().forEach(note -> System.err.println("scalefit sensitivity rainbow: " + note));
        for (int i = 0; i < outs.size(); i++) {
            AtomicFiles.writeString(outs.get(i), result.text(formats.get(i)));
        }
        System.out.print(result.text(RainbowResult.Format.MARKDOWN));
        return result.fitsFailed() ? ScalefitCommand.EXIT_FIT_FAILED : 0;
    }

    private static RainbowResult.Format format(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return RainbowResult.Format.MARKDOWN;
        }
        if (name.endsWith(".tex")) {
            return RainbowResult.Format.LATEX;
        }
        if (name.endsWith(".json")) {
            return RainbowResult.Format.JSON;
        }
        throw new IllegalArgumentException("--out " + out + ": expected a .md, .tex or .json file");
    }
}
