package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.accounting.FlopCount;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.ColumnMapping;
import org.scalefit.io.IsoflopInputs;
import org.scalefit.io.IsoflopJson;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.isoflop.BudgetOptimum;
import org.scalefit.isoflop.ComputeOptimalLaws;
import org.scalefit.isoflop.FitVariant;
import org.scalefit.isoflop.IsoflopAnalysis;
import org.scalefit.isoflop.IsoflopFits;
import org.scalefit.isoflop.IsoflopIntervals;
import org.scalefit.isoflop.IsoflopSettings;
import org.scalefit.isoflop.OptimalPair;
import org.scalefit.isoflop.PowerLaw;
import org.scalefit.isoflop.SeedNoise;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.uncertainty.ResamplingStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalefit isoflop}: Chinchilla's Approach 2 as Porian et al. 2024 run it — per FLOP budget the Akima-
 * interpolated IsoFLOP profile, its seed-noise bootstrap and optimal pair, then power laws N*(C), D*(C), ρ*(C) with
 * bootstrap intervals ({@link IsoflopAnalysis}, {@link IsoflopFits}).
 */
@Command(name = "isoflop", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Approach 2 (IsoFLOP profiles, Hoffmann et al. 2022; as Porian et al. 2024 run it): per FLOP "
                + "budget the loss-vs-size curve is Akima-interpolated in log-log space, its minimum located, and a "
                + "seed-noise bootstrap gives the optimum's spread; power laws N*(C), D*(C) and ρ*(C) are fitted "
                + "to the optima with bootstrap 95 %% intervals. A budget with fewer than 3 usable sizes, an optimum "
                + "at the end of its grid, a failed bootstrap, bad losses or repeated sizes is reported in the output "
                + "and left out of the fits.",
                "",
                "With --checkpoints the rows are checkpoints of training runs (size, tokens so far, loss) and the "
                        + "IsoFLOP points are read off each run's curve at every budget: log-log interpolation "
                        + "between the checkpoints near C, none further than 10 %% (Porian et al.'s fetch_flop).",
                "",
                "Example: scalefit isoflop --data runs.csv --allocate 1e21,1e22 --out isoflop.json",
                "         scalefit isoflop --data porian:rw/optimizer-tuning --out optima.csv",
                "         scalefit isoflop --data gemstones:hot --checkpoints --accounting kaplan"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (budgets with issues are reported)", "2:bad usage",
                "3:bad input data (file and field are printed)",
                "4:no fit: fewer than two budgets have an optimum (the per-budget results are still written)"})
final class IsoflopCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE|porian:<config>|gemstones:<set>",
            description = "A run table (CSV, JSON, JSONL, Parquet) with one row per run: FLOP budget, model size and "
                    + "final loss; or a bundled Porian et al. configuration, e.g. porian:rw/optimizer-tuning; with "
                    + "--checkpoints a table of checkpoints, e.g. gemstones:hot.")
    String data;

    @Option(names = "--checkpoints",
            description = "The rows are checkpoints: model size (params, or width and depth), tokens so far and loss, "
                    + "the rows of one run consecutive with increasing tokens. IsoFLOP points are interpolated at "
                    + "each budget (--budgets; default 1e17·2^j within reach of the checkpoints).")
    boolean checkpoints;

    @Option(names = "--accounting", defaultValue = "standard", paramLabel = "standard|kaplan|attention",
            description = "How checkpoints count FLOPs and size (N = FLOPs per token ÷ 6): standard (6N, the params "
                    + "column), kaplan (6 × non-embedding parameters) or attention (kaplan + output layer + "
                    + "attention-score FLOPs); kaplan and attention count from width and depth with the architecture "
                    + "options. Default: ${DEFAULT-VALUE}.")
    String accounting;

    @Option(names = "--flops-column", paramLabel = "NAME",
            description = "The FLOP budget column. Default: flops.")
    String flopsColumn;

    @Option(names = "--params-column", paramLabel = "NAME",
            description = "The model size column. Default: params (with --checkpoints the first the file has of "
                    + "params_active_precise, params, n_params, N).")
    String paramsColumn;

    @Option(names = "--loss-column", paramLabel = "NAME",
            description = "The loss column. Default: loss (with --checkpoints final_loss or loss).")
    String lossColumn;

    @Option(names = "--tokens-column", paramLabel = "NAME",
            description = "With --checkpoints, the tokens column. Default: the first of tokens, D, n_tokens.")
    String tokensColumn;

    @Mixin
    ArchitectureOptions shape = new ArchitectureOptions();

    @Option(names = "--budgets", split = ",", paramLabel = "C",
            description = "Analyse only these budgets (FLOPs, comma-separated). Default: all (with --checkpoints: "
                    + "1e17·2^j for every j a checkpoint reaches within 10 %%).")
    List<Double> budgets = new ArrayList<>();

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "B",
            description = "Seed-noise bootstrap replicates per budget and axis. Default: ${DEFAULT-VALUE}.")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--stream", defaultValue = "splittable", paramLabel = "splittable|numpy",
            description = "The normals: splittable (SplittableRandom, fast) or numpy (NumPy's legacy "
                    + "np.random.normal after np.random.seed, as the authors' code). Default: ${DEFAULT-VALUE}.")
    String stream;

    @ArgGroup(exclusive = true)
    Noise noise;

    /** --noise or --noise-model. */
    static final class Noise {
        @Option(names = "--noise", paramLabel = "SIGMA",
                description = "Constant seed-to-seed standard deviation of a final loss.")
        Double sigma;

        @Option(names = "--noise-model", paramLabel = "MODEL",
                description = "Porian et al.'s σ(L): rw or owt2 (their RefinedWeb / OpenWebText2 parameters, as "
                        + "implemented: constant σ_lo for every realistic loss), rw-log-linear or owt2-log-linear "
                        + "(the paper's intended log-linear model). Default: the dataset's as implemented for "
                        + "porian: data, rw otherwise.")
        String model;
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
                    + "allocation, a record column saying which), JSON otherwise.")
    Path out;

    @Override
    public Integer call() {
        ResamplingStream normals = switch (stream) {
            case "splittable" -> ResamplingStream.SPLITTABLE;
            case "numpy" -> ResamplingStream.NUMPY_RANDOM_STATE;
            default -> throw new IllegalArgumentException("--stream must be splittable or numpy, was " + stream);
        };
        FlopCount count = switch (accounting) {
            case "standard" -> FlopCount.SIX_N;
            case "kaplan" -> FlopCount.KAPLAN;
            case "attention" -> FlopCount.ATTENTION_INCLUSIVE;
            default -> throw new IllegalArgumentException("--accounting must be standard, kaplan or attention, was "
                    + accounting);
        };
        if (!checkpoints && count != FlopCount.SIX_N) {
            throw new IllegalArgumentException("--accounting " + accounting + " counts the FLOPs of checkpoints "
                    + "(--checkpoints); the budgets of a run table are taken as given");
        }
        if (!checkpoints && tokensColumn != null) {
            throw new IllegalArgumentException("--tokens-column is read with --checkpoints only");
        }
        if (checkpoints && flopsColumn != null) {
            throw new IllegalArgumentException("--flops-column and --checkpoints contradict each other: checkpoint "
                    + "FLOPs are counted from size and tokens");
        }
        if (out != null) {
            OutputPaths.requireWritableFiles(out);
        }
        IsoflopInputs inputs;
        if (checkpoints) {
            ColumnMapping mapping = ColumnMapping.defaults();
            for (String[] column : new String[][] {{"params", paramsColumn}, {"loss", lossColumn},
                    {"tokens", tokensColumn}}) {
                if (column[1] != null) {
                    mapping = mapping.with(column[0], column[1]);
                }
            }
            inputs = IsoflopInputs.readCheckpoints(data, mapping, count, shape.architecture(), budgets);
        } else {
            inputs = IsoflopInputs.read(data, flopsColumn == null ? "flops" : flopsColumn,
                    paramsColumn == null ? "params" : paramsColumn, lossColumn == null ? "loss" : lossColumn);
            if (!budgets.isEmpty()) {
                inputs = inputs.only(budgets);
            }
        }
        IsoflopSettings settings = IsoflopSettings.porian(noiseModel(inputs)).withReplicates(bootstrap);
        LocalParallelism parallelism = threads.local();
        List<BudgetOptimum> optima = IsoflopAnalysis.optima(inputs.budgets(), settings, normals.normals(seed),
                parallelism);
        IsoflopFits fits = null;
        String failure = null;
        long usable = optima.stream().filter(BudgetOptimum::hasOptimum).count();
        if (usable < 2) {
            failure = usable + " budget" + (usable == 1 ? " has" : "s have")
                    + " an optimum; at least 2 are needed for the power laws";
        } else {
            fits = IsoflopFits.of(optima, lossFit, parallelism);
        }
        if (out != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            AtomicFiles.writeString(out, new IsoflopJson().csv(optima, fits, allocate));
        } else if (out != null) {
            AtomicFiles.writeString(out, new IsoflopJson().write(inputs,
                    new IsoflopJson.Run(settings, seed, stream, parallelism.threads()), optima, fits, failure,
                    allocate, ScalefitVersion.current()));
        }
        print(System.out, inputs, optima, fits, failure);
        return fits == null ? ScalefitCommand.EXIT_FIT_FAILED : 0;
    }

    private SeedNoise noiseModel(IsoflopInputs inputs) {
        if (noise != null && noise.sigma != null) {
            if (!(noise.sigma >= 0) || noise.sigma.isInfinite()) {
                throw new IllegalArgumentException("--noise must be a finite σ ≥ 0, was " + noise.sigma);
            }
            return SeedNoise.constant(noise.sigma);
        }
        if (noise == null || noise.model == null) {
            return inputs.noise() != null ? inputs.noise() : SeedNoise.refinedWeb(SeedNoise.Rule.AS_IMPLEMENTED);
        }
        return switch (noise.model) {
            case "rw" -> SeedNoise.refinedWeb(SeedNoise.Rule.AS_IMPLEMENTED);
            case "owt2" -> SeedNoise.openWebText2(SeedNoise.Rule.AS_IMPLEMENTED);
            case "rw-log-linear" -> SeedNoise.refinedWeb(SeedNoise.Rule.LOG_LINEAR);
            case "owt2-log-linear" -> SeedNoise.openWebText2(SeedNoise.Rule.LOG_LINEAR);
            default -> throw new IllegalArgumentException("--noise-model must be rw, owt2, rw-log-linear or "
                    + "owt2-log-linear, was " + noise.model);
        };
    }

    private void print(PrintStream stdout, IsoflopInputs inputs, List<BudgetOptimum> optima, IsoflopFits fits,
                       String failure) {
        stdout.printf(Locale.ROOT, "IsoFLOP analysis (Approach 2) of %s: %d budgets%n", inputs.source(),
                optima.size());
        stdout.printf(Locale.ROOT, "  %-10s %6s %14s %14s %10s %9s  %s%n", "C (FLOPs)", "sizes", "N*", "D*", "D*/N*",
                "L*", "issues");
        for (BudgetOptimum optimum : optima) {
            String issues = String.join("; ", optimum.issues());
            if (optimum.optimalPair().isPresent()) {
                OptimalPair p = optimum.optimalPair().get();
                stdout.printf(Locale.ROOT, "  %-10.4g %6d %14.6g %14.6g %10.4g %9.5f  %s%n", optimum.flops(),
                        optimum.budget().points(), p.n(), p.t(), p.multiplier(), p.loss(), issues);
            } else {
                stdout.printf(Locale.ROOT, "  %-10.4g %6d %14s %14s %10s %9s  %s%n", optimum.flops(),
                        optimum.budget().points(), "-", "-", "-", "-", issues);
            }
        }
        if (fits == null) {
            stdout.println("no power laws: " + failure);
            return;
        }
        stdout.printf(Locale.ROOT, "power laws y = coef·C^a on %d budgets (bs_median_weighted; 95 %% intervals of a "
                + "from %d weighted bootstrap replicates)%n", fits.budgets(), fits.bootstrapWeighted().size());
        ComputeOptimalLaws laws = fits.point(FitVariant.BS_MEDIAN_WEIGHTED);
        for (ComputeOptimalLaws.Quantity q : ComputeOptimalLaws.Quantity.values()) {
            PowerLaw law = laws.law(q);
            String interval = "";
            if (!fits.bootstrapWeighted().isEmpty()) {
                double[] ci = IsoflopIntervals.exponentInterval(fits.bootstrapWeighted(), q);
                interval = String.format(Locale.ROOT, " (%.3f, %.3f)", ci[0], ci[1]);
            }
            stdout.printf(Locale.ROOT, "  %-5s a = %.4f%s  coef = %.6g  R² = %.4f%n", switch (q) {
                case N -> "N*";
                case T -> "D*";
                case MULTIPLIER -> "ρ*";
            }, law.exponent(), interval, law.coef(), law.r2());
        }
        for (double c : allocate) {
            stdout.printf(Locale.ROOT, "  at C = %.4g: N* = %.4g, D* = %.4g, ρ* = %.4g%n", c, laws.n().at(c),
                    laws.t().at(c), laws.multiplier().at(c));
        }
        fits.lossFit().ifPresent(loss -> stdout.printf(Locale.ROOT,
                "  optimal loss L*(C) = %.4f + %.4g·C^(−%.4f)%n", loss.e(), loss.a(), loss.alpha()));
    }
}
