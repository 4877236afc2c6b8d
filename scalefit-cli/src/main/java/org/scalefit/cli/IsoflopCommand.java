package org.scalefit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.accounting.FlopCount;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.analysis.IsoflopRequest;
import org.scalefit.io.analysis.IsoflopResult;
import org.scalefit.isoflop.IsoflopAnalysis;
import org.scalefit.isoflop.IsoflopFits;
import org.scalefit.isoflop.IsoflopIntervals;
import org.scalefit.isoflop.SeedNoise;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalefit isoflop}: Chinchilla's Approach 2 as Porian et al. 2024 run it — per FLOP budget the Akima-
 * interpolated IsoFLOP profile, its seed-noise bootstrap and optimal pair, then power laws N*(C), D*(C), ρ*(C) with
 * bootstrap intervals ({@link IsoflopAnalysis}, {@link IsoflopFits}): options → {@link IsoflopRequest} →
 * {@link IsoflopResult} → document and {@link IsoflopPrinter}.
 */
@Command(name = "isoflop", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Approach 2 (IsoFLOP profiles, Hoffmann et al. 2022; as Porian et al. 2024 run it): per FLOP "
                + "budget the loss-vs-size curve is Akima-interpolated in log-log space, its minimum located, and a "
                + "seed-noise bootstrap gives the optimum's spread; power laws N*(C), D*(C) and ρ*(C) are fitted "
                + "to the optima with bootstrap 95 %% intervals. A run whose size or loss is missing or not a "
                + "positive number is dropped and named by its line; a budget with fewer than 3 usable sizes, an "
                + "optimum at the end of its grid or a failed bootstrap is reported in the output and left out of the "
                + "fits.",
                "",
                "--data is a run table with one row per run (FLOP budget, model size, final loss; columns found as "
                        + "by every command, or named with --column flops=…, params=…, loss=…), a bundled Porian et "
                        + "al. configuration (porian:<config>), or with --checkpoints a table of checkpoints.",
                "",
                "A run table without a FLOPs column but with tokens gets C = 6·N·D: runs whose 6·N·D lie within 10 %% "
                        + "of one another are one budget, C their geometric mean (--budgets then names a budget "
                        + "within 10 %%); runs that cannot be grouped so are refused. Several runs of one size in "
                        + "one budget are taken as seed replicates: the point's loss is their mean and its bootstrap "
                        + "noise σ/√r (r runs); select other variants (e.g. learning rates) with --where first. A "
                        + "seed column tells replicates apart: two rows of one budget, size and seed are refused (one "
                        + "run listed twice); without one, repeated sizes are a warning naming their lines. A tokens "
                        + "column beside a FLOPs column is only checked: rows whose FLOPs differ from 6·N·D by more "
                        + "than 10 %% are a warning (D is C/(6·N) throughout).",
                "",
                "With --checkpoints the rows are checkpoints of training runs (size, tokens so far, loss) and the "
                        + "IsoFLOP points are read off each run's curve at every budget: log-log interpolation "
                        + "between the checkpoints near C, none further than 10 %% (Porian et al.'s fetch_flop); "
                        + "several runs of one size keep the smallest loss at C, as theirs does.",
                "",
                "Example: scalefit isoflop --data runs.csv --allocate 1e21,1e22 --out isoflop.json",
                "         scalefit isoflop --data porian:rw/optimizer-tuning --out optima.csv",
                "         scalefit isoflop --data gemstones:hot --checkpoints --accounting kaplan"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (budgets with issues are reported)", "1:I/O error (e.g. an output that cannot be written)", "2:bad usage",
                "3:bad input data (file and field are printed)",
                "4:no fit: fewer than two budgets have an optimum (the per-budget results are still written)"})
final class IsoflopCommand implements Callable<Integer> {

    @Mixin
    DataOptions input = new DataOptions();

    @Option(names = "--checkpoints",
            description = "The rows are checkpoints: model size (params, or width and depth), tokens so far and loss, "
                    + "the rows of one size in increasing tokens (several runs of a size one after another). "
                    + "IsoFLOP points are interpolated at "
                    + "each budget (--budgets; default 1e17·2^j within reach of the checkpoints).")
    boolean checkpoints;

    @Option(names = "--accounting", defaultValue = "standard", paramLabel = "standard|kaplan|attention",
            description = "How checkpoints count FLOPs and size (N = FLOPs per token ÷ 6): standard (6N, the params "
                    + "column), kaplan (6 × non-embedding parameters) or attention (kaplan + output layer + "
                    + "attention-score FLOPs); kaplan and attention count from width and depth with the architecture "
                    + "options. Default: ${DEFAULT-VALUE}.")
    String accounting;

    @Mixin
    ArchitectureOptions shape = new ArchitectureOptions();

    @Option(names = "--budgets", split = ",", paramLabel = "C",
            description = "Analyse only these budgets (FLOPs, comma-separated). Default: all (with --checkpoints: "
                    + "1e17·2^j for every j a checkpoint reaches within 10 %%).")
    List<Double> budgets = new ArrayList<>();

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "B",
            description = "Seed-noise bootstrap replicates per budget and axis. Default: ${DEFAULT-VALUE}.")
    int bootstrap;

    @Mixin
    SeedOption seeded = new SeedOption();

    @Option(names = "--stream", defaultValue = "splittable", paramLabel = "splittable|numpy",
            description = "The normals: splittable (SplittableRandom, fast) or numpy (NumPy's legacy "
                    + "np.random.normal after np.random.seed, as the authors' code). Default: ${DEFAULT-VALUE}.")
    String stream;

    @ArgGroup(exclusive = true)
    Noise noise;

    /** --noise or --noise-model (also the report's, for its Approach-2 section). */
    static final class Noise {
        @Option(names = "--noise", paramLabel = "SIGMA",
                description = "Constant seed-to-seed standard deviation of a final loss (of the IsoFLOP analysis).")
        Double sigma;

        @Option(names = "--noise-model", paramLabel = "MODEL",
                description = "Porian et al.'s σ(L): rw or owt2 (their RefinedWeb / OpenWebText2 parameters, as "
                        + "implemented: constant σ_lo for every realistic loss), rw-log-linear or owt2-log-linear "
                        + "(the paper's intended log-linear model). Default: the dataset's as implemented for "
                        + "porian: data, rw otherwise.")
        String model;

        SeedNoise model() {
            return sigma != null ? IsoflopRequest.constantNoise(sigma) : IsoflopRequest.noiseModel(model);
        }
    }

    @Option(names = "--allocate", split = ",", paramLabel = "C",
            description = "Budgets (FLOPs) at which to give N*, D*, ρ* of the bs_median_weighted laws with 95 %% "
                    + "intervals. Default: Chinchilla's 5.88e23.")
    List<Double> allocate = new ArrayList<>(List.of(IsoflopIntervals.CHINCHILLA_FLOPS));

    @Option(names = "--loss-fit",
            description = "Also fit the saturating law L*(C) = E + A·C^(−α) to the optimal losses of budgets "
                    + "between 1e16 and 5e17 FLOPs, with 200 bootstrap replicates (slow: 120 starts each).")
    boolean lossFit;

    @Mixin
    ThreadsOptions threads = new ThreadsOptions();

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the analysis to FILE: CSV if FILE ends in .csv (one row per budget, fitted law and "
                    + "allocation, a record column saying which; when a size was run more than once, a last column "
                    + "replicates with the runs each point averages, in increasing size, as the JSON's replicates), "
                    + "JSON otherwise.")
    Path out;

    @Override
    public Integer call() {
        FlopCount count = IsoflopRequest.accounting(accounting);
        if (!checkpoints && count != FlopCount.SIX_N) {
            throw new IllegalArgumentException("--accounting " + accounting + " counts the FLOPs of checkpoints "
                    + "(--checkpoints); the budgets of a run table are taken as given");
        }
        IsoflopRequest request = new IsoflopRequest(input.source(), checkpoints
                ? new IsoflopRequest.Checkpoints(count, shape.architecture()) : null, budgets, bootstrap, seeded.seed,
                IsoflopRequest.stream(stream), noise == null ? null : noise.model(), lossFit, allocate);
        if (out != null) {
            OutputPaths.requireWritableFiles(out);
        }
        IsoflopResult result = request.run(threads.local());
        if (out != null) {
            boolean csv = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
            AtomicFiles.writeString(out, csv ? result.csv() : result.document().write());
        }
        new IsoflopPrinter(System.out).print(result);
        return result.fits() == null ? ScalefitCommand.EXIT_FIT_FAILED : 0;
    }
}
