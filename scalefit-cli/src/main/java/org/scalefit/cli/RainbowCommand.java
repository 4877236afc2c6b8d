package org.scalefit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.AllocationRules;
import org.scalefit.io.Approach1File;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.InputException;
import org.scalefit.io.LawFiles;
import org.scalefit.io.ParamsWithoutEmbeddings;
import org.scalefit.io.RainbowTables;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.SensitivityJson;
import org.scalefit.io.TableReader;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.parallel.Parallelism;
import org.scalefit.sensitivity.LineVariant;
import org.scalefit.sensitivity.RainbowLine;
import org.scalefit.sensitivity.RainbowTable;
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
        exitCodeList = {"0:success", "2:bad usage", "3:bad input file", "4:a fit had no converged start",
                "130:interrupted"})
final class RainbowCommand implements Callable<Integer> {

    /** The Approach-3 sets of Gemstones' rainbow.py, in its order. */
    private static final List<String> GEMSTONES_SETS = List.of("hot", "hot_no_embeds", "cool_end",
            "cool_end_no_embeds", "lr_ablation_hot", "lr_ablation_hot_no_embeds", "hot_sampled_like_chinchilla",
            "lr_ablation_hot_sampled_like_chinchilla", "slim_chinchilla", "hot_120b+_only",
            "hot_120b+_only_no_embeds", "hot_100b+", "hot_100b+_no_embeds", "hot_100b+_512x");
    private static final String APPROACH_3_PREFIX = "approach_3_parameters_grid_search_0_";

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

    @Option(names = "--delta", defaultValue = ScalefitCommand.DEFAULT_DELTA, paramLabel = "δ",
            description = "Huber threshold of on-the-fly fits. Default: ${DEFAULT-VALUE}"
                    + ScalefitCommand.DEFAULT_DELTA_NOTE + ". Gemstones' rainbow used 1e-4 "
                    + "(parameters_delta-4).")
    double delta;

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
        for (Path out : outs) {
            format(out);
        }
        List<RainbowLine> lines = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        boolean fitsFailed = false;
        for (String law : laws) {
            int equals = law.indexOf('=');
            Path file = Path.of(equals < 0 ? law : law.substring(equals + 1));
            String name = equals < 0 ? setName(file) : law.substring(0, equals);
            FittedLaw fitted = LawFiles.read(file);
            lines.add(approach3Line(file.toString(), name, fitted));
            sources.add("approach-3 " + name + ": " + file + " sha256 " + LawFiles.sha256(file));
        }
        List<String> sets = fitSets != null ? fitSets : laws.isEmpty() ? GEMSTONES_SETS : List.of();
        if (!sets.isEmpty()) {
            StartGrid startGrid = SensitivityInputs.startGrid(grid);
            int workers = threads.count();
            Parallelism parallelism = LocalParallelism.withThreads(workers);
            MultiStartFitter.Options fitter = MultiStartFitter.Options.defaults();
            try (TerminalProgress progress = TerminalProgress.start("rainbow fits", sets.size() * startGrid.size())) {
                for (String set : sets) {
                    boolean noEmbeds = set.endsWith("_no_embeds");
                    String dataset = "gemstones:" + (noEmbeds ? set.substring(0, set.length() - "_no_embeds".length()) : set);
                    RunTable table = new TableReader().read(dataset,
                            ColumnRequest.of(SensitivityInputs.columns(noEmbeds)));
                    if (noEmbeds) {
                        table = ParamsWithoutEmbeddings.of(table, vocab);
                    }
                    LawFit fit = new FitProblem(LawForm.CHINCHILLA, SensitivityInputs.paramsTokens(table), delta,
                            startGrid, fitter)
                            .fit(parallelism, progress);
                    if (!fit.succeeded()) {
                        System.err.println("scalefit sensitivity rainbow: no start converged for " + set
                                + "; line left out");
                        fitsFailed = true;
                        continue;
                    }
                    lines.add(approach3Line(dataset, set, new FittedLaw(LawForm.CHINCHILLA, fit.parameters())));
                    sources.add(String.format(Locale.ROOT, "approach-3 %s: fit of %s%s, delta %s, grid %s (%d starts),"
                            + " loss %.12g, sha256 %s%s", set, dataset, noEmbeds ? " without embeddings" : "",
                            delta, startGrid.name(), startGrid.size(), fit.loss(), table.contentHash(),
                            fit.warnings().isEmpty() ? "" : "; warnings: " + String.join("; ", fit.warnings())));
                    for (String warning : fit.warnings()) {
                        System.err.println("scalefit sensitivity rainbow: warning: " + set + ": " + warning);
                    }
                }
            }
        }
        for (Path path : approach1) {
            List<Approach1File> files = Files.isDirectory(path) ? Approach1File.readFolder(path, "params")
                    : List.of(Approach1File.read(path));
            for (Approach1File file : files) {
                if (!file.quantity().equals("params")) {
                    throw new InputException(file.file().toString(), null, null,
                            "an Approach-1 params regression (approach_1_linear_regression_params*.json)",
                            file.quantity());
                }
                String label = "approach 1 params" + file.dataName();
                lines.add(RainbowLine.ofRegression(label, LineVariant.ofGemstonesName(file.dataName()), file.slope(),
                        file.intercept()));
                sources.add("approach-1 " + label + ": " + file.file() + " sha256 " + LawFiles.sha256(file.file()));
            }
        }
        for (String reference : references) {
            if (reference.equals("none")) {
                continue;
            }
            if (!AllocationRules.referenceNames().contains(reference)) {
                throw new IllegalArgumentException("unknown reference '" + reference + "'; expected one of "
                        + AllocationRules.referenceNames() + " or none");
            }
            lines.add(RainbowLine.ofReference(reference, AllocationRules.reference(reference)));
            sources.add("reference " + reference + ": " + AllocationRules.referenceSource(reference));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no lines: give --law, --fit-sets, --approach1 or --reference");
        }
        RainbowTable table = RainbowTable.of(lines, sortAt);
        for (Path out : outs) {
            String text = switch (format(out)) {
                case "markdown" -> RainbowTables.markdown(table);
                case "latex" -> RainbowTables.latex(table);
                default -> new SensitivityJson().rainbow(table, sources, ScalefitVersion.current());
            };
            AtomicFiles.writeString(out, text);
        }
        System.out.print(RainbowTables.markdown(table));
        return fitsFailed ? ScalefitCommand.EXIT_FIT_FAILED : 0;
    }

    private static RainbowLine approach3Line(String source, String name, FittedLaw law) {
        if (!law.form().equals(LawForm.CHINCHILLA)) {
            throw new InputException(source, null, "exponents", "a params/tokens (chinchilla) law", law.form().name());
        }
        try {
            return RainbowLine.ofLaw("approach 3 " + name, LineVariant.ofGemstonesName(name), law);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, null, "exponents", "positive exponents and coefficients (a "
                    + "compute-optimal allocation)", e.getMessage());
        }
    }

    /** The Gemstones set a law file names, e.g. {@code hot_100b+} for {@code approach_3_…_0_hot_100b+.json}. */
    private static String setName(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            name = name.substring(0, name.length() - ".json".length());
        }
        return name.startsWith(APPROACH_3_PREFIX) ? name.substring(APPROACH_3_PREFIX.length()) : name;
    }

    private static String format(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return "markdown";
        }
        if (name.endsWith(".tex")) {
            return "latex";
        }
        if (name.endsWith(".json")) {
            return "json";
        }
        throw new IllegalArgumentException("--out " + out + ": expected a .md, .tex or .json file");
    }
}
