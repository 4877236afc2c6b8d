package org.scalefit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.scalefit.fit.LawFit;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.analysis.SamplingRequest;
import org.scalefit.io.analysis.SamplingResult;
import org.scalefit.sensitivity.ModelShape;
import org.scalefit.sensitivity.SizeWindows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalefit sensitivity sampling}: Gemstones' Chinchilla-like reduced sampling ({@code
 * chinchilla_reduced_sampling.py}) — the reference study cut to a few model sizes, one's own runs
 * sampled like it, and the change of the params/tokens law and its allocation slopes on each reduced table.
 */
@Command(name = "sampling", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reduce a reference study (default chinchilla:epoch) to the runs inside a few model-size "
                + "windows, sample the --data runs like it (per size class = params to 1 significant figure, the "
                + "checkpoints whose tokens rounded to --token-unit are among the reference's tokens rounded to "
                + "--reference-token-unit), and fit the params/tokens law on the full and the reduced tables.",
                "",
                "Gemstones' own sample (gemstones:hot_sampled_like_chinchilla) used hand-read token lists and six "
                + "models: --data gemstones:hot_100b+_477 --models 384x13,512x11,512x13,1280x15,1792x18,2048x27 "
                + "--design-tokens 5e7=3.15e9,6.53e9,1.19e10,1.3e10,2.51e10 --design-tokens 7e7=… (see README)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every fit converged", "1:I/O error (e.g. an output that cannot be written)", "2:bad usage or an empty sample", "3:bad input data",
                "4:some fit had no converged start, or its best point failed the stationarity test",
                "5:a full or reduced table cannot identify the law (e.g. too few points or model sizes in the "
                        + "sample): that fit is not made, its reasons are printed", "130:interrupted"})
final class SamplingCommand implements Callable<Integer> {

    @Mixin
    DataOptions input = new DataOptions();

    @Option(names = "--reference", defaultValue = "chinchilla:epoch", paramLabel = "FILE|STUDY:SET",
            description = "The reference study's runs (params, tokens, loss). Default: ${DEFAULT-VALUE}.")
    String reference;

    @Option(names = "--windows", split = ",", paramLabel = "LOW:HIGH",
            description = "Model-size windows the reference is reduced to. Default: Gemstones' 6e7:8e7, 9e7:1.1e8, "
                    + "4.5e8:5.05e8, 0.9e9:1.1e9, 1.8e9:2.2e9.")
    List<String> windows;

    @Option(names = "--reference-tokens-below", paramLabel = "D",
            description = "Keep only reference runs with fewer tokens (Gemstones' LR-ablation variant: 100e9).")
    Double referenceTokensBelow;

    @Option(names = "--design-tokens", paramLabel = "SIZE=D1,D2,…",
            description = "Token lists per model size, replacing the lists taken from the reduced reference "
                    + "(repeat per size; e.g. hand-read values).")
    List<String> designTokens = new ArrayList<>();

    @Option(names = "--reference-token-unit", defaultValue = "2e9", paramLabel = "U",
            description = "Unit the reference token counts are rounded to. Default: ${DEFAULT-VALUE}.")
    double referenceTokenUnit;

    @Option(names = "--token-unit", defaultValue = "1e9", paramLabel = "U",
            description = "Unit the --data token counts are rounded to. Default: ${DEFAULT-VALUE}.")
    double tokenUnit;

    @Option(names = "--models", split = ",", paramLabel = "WxD",
            description = "Sample only these model shapes of --data, e.g. 384x13,512x13. Default: every run.")
    List<String> models;

    @Mixin
    DeltaOption huber = new DeltaOption();

    @Option(names = "--grid", defaultValue = "gemstones", paramLabel = "GRID",
            description = "Starts: gemstones (4500) or a grid size g (create_param_search_array(2, g)). "
                    + "Default: ${DEFAULT-VALUE}.")
    String grid;

    @Mixin
    ThreadsOptions threads = new ThreadsOptions();

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the comparison, the design and both samples as JSON to FILE.")
    Path out;

    @Override
    public Integer call() {
        OutputPaths.requireWritableFiles(out);
        SamplingRequest request = new SamplingRequest(input.source(), reference, windows == null
                ? SizeWindows.gemstones() : SensitivityInputs.windows(windows), referenceTokensBelow,
                SensitivityInputs.designTokens(designTokens), referenceTokenUnit, tokenUnit,
                models == null ? null : models.stream().map(ModelShape::parse).toList(), huber.delta,
                SensitivityInputs.startGrid(grid));
        SamplingResult result;
        try (TerminalProgress progress = TerminalProgress.start("sampling", request.fitStarts())) {
            result = request.run(threads.local(), progress,
                    warning -> System.err.println("scalefit sensitivity sampling: " + warning));
        }
        if (out != null) {
            AtomicFiles.writeString(out, result.document().write());
        }
        SamplingPrinter.print(System.out, result);
        boolean notIdentified = result.comparisons().stream()
                .flatMap(comparison -> Stream.of(comparison.full(), comparison.reduced()))
                .anyMatch(fit -> fit.status() == LawFit.Status.NOT_IDENTIFIED);
        if (notIdentified) {
            System.err.println(Wording.notIdentified("scalefit sensitivity sampling"));
            return ScalefitCommand.EXIT_NOT_IDENTIFIED;
        }
        return result.succeeded() ? 0 : ScalefitCommand.EXIT_FIT_FAILED;
    }
}
