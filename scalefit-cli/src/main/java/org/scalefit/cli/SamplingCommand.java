package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalefit.data.RunTable;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.SensitivityJson;
import org.scalefit.io.TableReader;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.parallel.Parallelism;
import org.scalefit.sensitivity.AllocationSlopes;
import org.scalefit.sensitivity.DesignSampling;
import org.scalefit.sensitivity.ModelShape;
import org.scalefit.sensitivity.ReferenceDesign;
import org.scalefit.sensitivity.SamplingComparison;
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
        exitCodeList = {"0:every fit converged", "2:bad usage or an empty sample", "3:bad input data",
                "4:some fit had no converged start", "130:interrupted"})
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

    @Option(names = "--delta", defaultValue = ScalefitCommand.DEFAULT_DELTA, paramLabel = "δ",
            description = "Huber threshold of every fit. Default: ${DEFAULT-VALUE}"
                    + ScalefitCommand.DEFAULT_DELTA_NOTE + ".")
    double delta;

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
        StartGrid startGrid = SensitivityInputs.startGrid(grid);
        SizeWindows sizeWindows = windows == null ? SizeWindows.gemstones() : parseWindows(windows);
        RunTable ours = input.read(ColumnRequest.of("params", "tokens", "loss").withOptional("width", "depth"));
        RunTable referenceRuns = new TableReader().read(reference, ColumnRequest.of("params", "tokens", "loss"));
        List<String> transforms = new ArrayList<>();
        RunTable referenceForSample = referenceRuns;
        if (referenceTokensBelow != null) {
            referenceForSample = referenceRuns.withRowsBetween("tokens", 0, Math.nextDown(referenceTokensBelow));
            transforms.add("reference tokens < " + referenceTokensBelow);
        }
        RunTable referenceReduced = sizeWindows.select(referenceForSample);
        ReferenceDesign design = designTokens.isEmpty()
                ? ReferenceDesign.fromRuns(referenceReduced.column("params"), referenceReduced.column("tokens"),
                        referenceTokenUnit)
                : ReferenceDesign.ofTokenLists(parseDesign(designTokens), referenceTokenUnit);
        RunTable candidates = ours;
        if (models != null) {
            List<ModelShape> shapes = models.stream().map(ModelShape::parse).toList();
            for (ModelShape absent : DesignSampling.absentShapes(ours, shapes)) {
                System.err.println("scalefit sensitivity sampling: warning: no run of " + ours.source() + " has shape "
                        + absent);
            }
            candidates = DesignSampling.onlyShapes(ours, shapes);
            transforms.add("models " + String.join(",", models));
        }
        RunTable ourSample = DesignSampling.sample(candidates, design, tokenUnit);

        int workers = threads.count();
        Parallelism parallelism = LocalParallelism.withThreads(workers);
        MultiStartFitter.Options fitter = MultiStartFitter.Options.defaults();
        long begin = System.nanoTime();
        List<SamplingComparison> comparisons = new ArrayList<>();
        try (TerminalProgress progress = TerminalProgress.start("sampling", 4 * startGrid.size())) {
            comparisons.add(SamplingComparison.fit(input.data + " sampled like " + reference,
                    SensitivityInputs.paramsTokens(ours), SensitivityInputs.paramsTokens(ourSample), delta, startGrid,
                    fitter, parallelism, progress));
            comparisons.add(SamplingComparison.fit(reference + " reduced to the size windows",
                    SensitivityInputs.paramsTokens(referenceRuns), SensitivityInputs.paramsTokens(referenceReduced),
                    delta, startGrid, fitter, parallelism, progress));
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (out != null) {
            Map<String, RunTable> samples = new LinkedHashMap<>();
            samples.put("data", ourSample);
            samples.put("reference", referenceReduced);
            FitProvenance provenance = new FitProvenance(ours.source() + " | " + referenceRuns.source(),
                    ours.contentHash() + " | " + referenceRuns.contentHash(), transforms, ScalefitVersion.current());
            AtomicFiles.writeString(out, new SensitivityJson().sampling(comparisons, design, tokenUnit, samples,
                    provenance, workers, seconds));
        }
        print(System.out, design, ourSample, referenceReduced, comparisons, seconds, workers);
        return comparisons.stream().allMatch(SamplingComparison::succeeded) ? 0 : ScalefitCommand.EXIT_FIT_FAILED;
    }

    private static SizeWindows parseWindows(List<String> texts) {
        List<double[]> parsed = new ArrayList<>();
        for (String text : texts) {
            String[] bounds = text.split(":");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("--windows: expected LOW:HIGH, found '" + text + "'");
            }
            parsed.add(new double[] {number("--windows", bounds[0]), number("--windows", bounds[1])});
        }
        return new SizeWindows(parsed);
    }

    private static Map<Double, double[]> parseDesign(List<String> texts) {
        Map<Double, double[]> lists = new LinkedHashMap<>();
        for (String text : texts) {
            int equals = text.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("--design-tokens: expected SIZE=D1,D2,…, found '" + text + "'");
            }
            double size = number("--design-tokens", text.substring(0, equals));
            double[] tokens = Arrays.stream(text.substring(equals + 1).split(","))
                    .mapToDouble(value -> number("--design-tokens", value)).toArray();
            lists.put(size, tokens);
        }
        return lists;
    }

    private static double number(String option, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(option + ": expected a positive number, found '" + text + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected a number, found '" + text + "'");
        }
    }

    private static void print(PrintStream out, ReferenceDesign design, RunTable ourSample, RunTable referenceReduced,
                              List<SamplingComparison> comparisons, double seconds, int threads) {
        out.printf(Locale.ROOT, "reference design (tokens rounded to %.3g):%n", design.tokenUnit());
        design.tokensBySizeClass().forEach((sizeClass, tokens) -> {
            StringBuilder list = new StringBuilder();
            for (double value : tokens) {
                list.append(list.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", value));
            }
            out.printf(Locale.ROOT, "  size %.0e: %s%n", sizeClass, list);
        });
        out.printf(Locale.ROOT, "reduced reference: %d runs; data sampled like it: %d checkpoints (%.2f s on %d "
                + "threads)%n", referenceReduced.rows(), ourSample.rows(), seconds, threads);
        for (SamplingComparison comparison : comparisons) {
            out.println();
            out.println(comparison.name());
            out.printf(Locale.ROOT, "  %-8s %6s %15s %9s %9s %10s %12s %9s %9s %9s%n", "", "points", "loss", "alpha",
                    "beta", "A", "B", "E", "a (N)", "b (D)");
            row(out, "full", comparison.full());
            row(out, "reduced", comparison.reduced());
            if (comparison.succeeded()) {
                double[] change = comparison.parameterChange();
                out.printf(Locale.ROOT, "  %-8s %6s %15s %+9.6f %+9.6f %10s %12s %9s %+9.6f %+9.6f%n", "change", "",
                        "", change[0], change[1], "", "", "", comparison.paramsSlopeChange(),
                        comparison.tokensSlopeChange());
            }
        }
    }

    private static void row(PrintStream out, String name, LawFit fit) {
        if (!fit.succeeded()) {
            out.printf(Locale.ROOT, "  %-8s %6d FAILED: no start converged%n", name, fit.points());
            return;
        }
        double[] theta = fit.parameters();
        AllocationSlopes slopes = AllocationSlopes.of(fit);
        out.printf(Locale.ROOT, "  %-8s %6d %15.10e %9.6f %9.6f %10.4f %12.6g %9.6f %9.6f %9.6f%n", name, fit.points(),
                fit.loss(), theta[0], theta[1], Math.exp(theta[2]), Math.exp(theta[3]), Math.exp(theta[4]),
                slopes.params(), slopes.tokens());
        for (String warning : fit.warnings()) {
            out.println("    warning: " + warning);
        }
    }
}
