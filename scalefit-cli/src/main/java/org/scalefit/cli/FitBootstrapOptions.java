package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalefit.data.Observations;
import org.scalefit.data.RunKeys;
import org.scalefit.fit.HuberLogLossObjective;
import org.scalefit.fit.EngineProvider;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.BundledDataset;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.FitBootstrapJson;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.InputException;
import org.scalefit.io.LawFiles;
import org.scalefit.io.StoredFit;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.PairsBootstrap;
import org.scalefit.uncertainty.ResamplingStream;
import org.scalefit.uncertainty.ResamplingUnits;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit bootstrap --fit FILE}: the bootstrap of any stored Approach-3 fit (2, 3 or 4 inputs) on the data it
 * was made on, resampling points or whole runs, each replicate refitted from the fit's own parameters
 * ({@link PairsBootstrap#fromEstimate}); with the compute-optimal allocation's bands at given budgets for a
 * params/tokens law ({@link AllocationBands}). A picocli mixin of {@link BootstrapCommand}: its options, and the
 * work they ask for.
 *
 * <p>The data is reloaded from the fit's provenance (data, column mapping, transforms) and checked against it: the
 * same SHA-256, the same number of points, and the fit's objective value recomputed at its parameters — so a
 * bootstrap never silently runs on other points than the fit.
 */
final class FitBootstrapOptions {

    /** Relative agreement required between the stored and the recomputed objective at the fit's parameters. */
    private static final double OBJECTIVE_AGREEMENT = 1e-9;

    /** Options of Epoch's analysis that the fit file fixes instead. */
    private static final List<String> FIXED_BY_THE_FIT = List.of("--delta", "--drop-highest-losses", "--start",
            "--reference", "--policy-draws", "--policy-compute", "--policy-coverage");

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--fit", paramLabel = "FIT.json",
            description = "Bootstrap this fit (written by scalefit fit --out): its law, δ and data, each replicate "
                    + "refitted from its parameters. Without --fit: Epoch AI's analysis of --data.")
    Path fit;

    @Option(names = "--scheme", defaultValue = "runs", paramLabel = "pairs|runs",
            description = "With --fit: resample points (pairs) or whole runs, all checkpoints of a run together "
                    + "(runs). Default: ${DEFAULT-VALUE}.")
    String scheme;

    @Option(names = "--run-key", split = ",", paramLabel = "COLUMN",
            description = "With --fit: the columns whose equal values make one run. Default: width,depth if the data "
                    + "has them, else params.")
    List<String> runKey = new ArrayList<>();

    @Option(names = "--compute", split = ",", paramLabel = "C",
            description = "With --fit: budgets in FLOPs (comma-separated) for the bands of N_opt, D_opt and D/N "
                    + "(params/tokens laws).")
    List<Double> compute = new ArrayList<>();

    @Option(names = "--level", defaultValue = "95", paramLabel = "PERCENT",
            description = "With --fit: central coverage of the percentile intervals and bands. Default: "
                    + "${DEFAULT-VALUE}.")
    double level;

    /** Whether {@code --fit} was given. */
    boolean requested() {
        return fit != null;
    }

    /** Refuses the options that mean something only with {@code --fit}. */
    void requireNoFitOptions() {
        for (String name : List.of("--scheme", "--run-key", "--compute", "--level")) {
            if (matched(name)) {
                throw new IllegalArgumentException(name + " applies to the bootstrap of a fit: give --fit FILE");
            }
        }
    }

    private boolean matched(String name) {
        return command.commandLine().getParseResult().hasMatchedOption(name);
    }

    /**
     * Runs the bootstrap of {@link #fit}. {@code data} is the data overriding the fit's (its {@code data} may be
     * null: the fit's own), the rest are {@link BootstrapCommand}'s options.
     */
    int run(DataOptions data, int resamples, long seed, String streamName, ResamplingStream stream,
            EngineOptions engine, Integer workers, Path out, boolean draws) {
        for (String name : FIXED_BY_THE_FIT) {
            if (matched(name)) {
                throw new IllegalArgumentException(name + " is fixed by the fit file with --fit");
            }
        }
        ResamplingUnits.Scheme resampling = ResamplingUnits.Scheme.named(scheme);
        if (!(level > 0 && level < 100)) {
            throw new IllegalArgumentException("--level must be between 0 and 100 percent, was " + level);
        }
        if (resampling == ResamplingUnits.Scheme.PAIRS && !runKey.isEmpty()) {
            throw new IllegalArgumentException("--run-key applies to --scheme runs");
        }
        StoredFit stored = StoredFit.read(fit);
        FittedLaw estimate = stored.law();
        LawForm law = estimate.form();
        FitProvenance recorded = stored.provenance();
        DataOptions source = new DataOptions();
        source.data = data.data != null ? data.data : recorded.data();
        if (data.data == null && !BundledDataset.exists(recorded.data()) && !recorded.data().contains("://")
                && !Files.exists(Path.of(recorded.data()))) {
            String absolute = recorded.dataAbsolute();
            if (absolute != null && Files.exists(Path.of(absolute))) {
                // the fit was run in another folder: its provenance also holds the path made absolute there
                System.err.println("scalefit bootstrap: reading " + absolute + " (" + fit + "'s data_absolute; "
                        + recorded.data() + " is not found from " + Path.of("").toAbsolutePath() + ")");
                source.data = absolute;
            } else {
                throw new InputException(recorded.data(), null, null, "the data named in " + fit + "'s provenance "
                        + "(a path as given to scalefit fit, read from the current folder "
                        + Path.of("").toAbsolutePath() + (absolute != null ? ", and its absolute path then, "
                        + absolute : "") + "); run from the folder the fit was run in, or give the data with "
                        + "--data FILE", "nothing at that path");
            }
        }
        source.columns.putAll(recorded.columns());
        source.columns.putAll(data.columns);
        source.where = data.where != null ? data.where : ColumnRequest.whereIn(recorded.transforms());
        FitInputs inputs = FitInputs.read(source, law, FitInputs.Transforms.parse(recorded.transforms(),
                fit.toString()), FitInputs.runKeyCandidates(runKey));
        Observations observations = inputs.observations();
        requireSameData(stored, inputs);
        List<String> key = resampling == ResamplingUnits.Scheme.RUNS ? inputs.runKey(runKey) : List.of();
        ResamplingUnits units = resampling == ResamplingUnits.Scheme.RUNS
                ? ResamplingUnits.runs(RunKeys.of(inputs.columns(key)))
                : ResamplingUnits.points(observations.size());
        PairsBootstrap bootstrap = PairsBootstrap.fromEstimate(estimate, stored.delta(), resamples, seed)
                .withStream(stream);
        int threads;
        long begin;
        BootstrapResult result;
        try (EngineProvider.Engine parallelism = engine.open(workers)) {
            threads = parallelism.threads();
            begin = System.nanoTime();
            try (TerminalProgress progress = TerminalProgress.start("bootstrap", resamples)) {
                result = bootstrap.run(observations, units, parallelism, progress);
            }
        }
        AllocationBands allocation = compute.isEmpty() ? null : AllocationBands.of(estimate.theta(), result,
                compute.stream().mapToDouble(Double::doubleValue).toArray(), level);
        double seconds = (System.nanoTime() - begin) / 1e9;
        FitProvenance used = new FitProvenance(source.data, inputs.table().contentHash(), inputs.transforms(),
                recorded.version(), inputs.columns().fileColumns());
        FitBootstrapJson.Resampling described = new FitBootstrapJson.Resampling(units, key, seed, streamName, level);
        if (out != null) {
            AtomicFiles.writeString(out, new FitBootstrapJson().write(stored, LawFiles.sha256(fit), used, result,
                    described, allocation, threads, seconds, draws, ScalefitCommand.version()));
        }
        print(System.out, stored, source.data, result, described, allocation, threads, seconds);
        return 0;
    }

    /** The reloaded points must be the fit's: same bytes, same count, same objective at the fit's parameters. */
    private static void requireSameData(StoredFit stored, FitInputs inputs) {
        String data = inputs.table().source();
        String recordedSha = stored.provenance().dataSha256();
        if (!recordedSha.equals(inputs.table().contentHash())) {
            throw new InputException(data, null, null, "the data " + stored.file() + " was fitted on (SHA-256 "
                    + recordedSha + ")", "content with SHA-256 " + inputs.table().contentHash());
        }
        Observations observations = inputs.observations();
        if (observations.size() != stored.points()) {
            throw new InputException(data, null, null, stored.points() + " points after the transforms "
                    + stored.provenance().transforms() + ", as " + stored.file() + " records",
                    observations.size() + " points");
        }
        double recomputed = HuberLogLossObjective.of(stored.law().form(), observations, stored.delta())
                .value(stored.law().theta());
        if (!(Math.abs(recomputed - stored.loss()) <= OBJECTIVE_AGREEMENT * Math.abs(stored.loss()))) {
            throw new InputException(stored.file().toString(), null, "loss", "the objective recomputed on the "
                    + "reloaded points, " + recomputed + " (the points or their columns differ from the fit's)",
                    String.valueOf(stored.loss()));
        }
    }

    private static void print(PrintStream stdout, StoredFit stored, String data, BootstrapResult result,
                              FitBootstrapJson.Resampling resampling, AllocationBands allocation, int threads,
                              double seconds) {
        LawForm law = stored.law().form();
        stdout.printf(Locale.ROOT, "bootstrap of %s: %s law on %s, %d points, delta %s%n", stored.file(), law.name(),
                data, stored.points(), stored.delta());
        LawCautions.print(stdout, stored.file().toString(), stored.law().warnings());
        ResamplingUnits units = resampling.units();
        String what = units.scheme() == ResamplingUnits.Scheme.RUNS
                ? units.units() + " runs (key " + String.join(",", resampling.runKey()) + ")"
                : units.units() + " points";
        stdout.printf(Locale.ROOT, "%s scheme: %s resampled with replacement; %d replicates, seed %d (%s stream), "
                + "each refitted from the point estimate%n", units.scheme().label(), what, result.count(),
                resampling.seed(), resampling.stream());
        int[] failed = result.failed();
        stdout.printf(Locale.ROOT, "refits: %d converged, %d at the precision floor, %d failed%s%n",
                result.converged(), result.atPrecisionFloor().length, failed.length, failed.length == 0 ? ""
                        : " (replicates " + list(failed) + "; kept in the summaries)");
        double low = 50 - resampling.level() / 2;
        double high = 50 + resampling.level() / 2;
        double[] theta = stored.law().theta();
        List<String> logNames = FitBootstrapJson.parameterNames(law, false);
        List<String> naturalNames = FitBootstrapJson.parameterNames(law, true);
        String lowLabel = percent(low);
        String highLabel = percent(high);
        stdout.printf(Locale.ROOT, "  %-26s %14s %12s %14s %14s%n", "parameter", "estimate", "s.e.", lowLabel,
                highLabel);
        double[] se = result.standardErrors();
        double[] lows = result.percentile(low);
        double[] highs = result.percentile(high);
        for (int j = 0; j < theta.length; j++) {
            stdout.printf(Locale.ROOT, "  %-26s %14.7g %12.5g %14.7g %14.7g%n", logNames.get(j), theta[j], se[j],
                    lows[j], highs[j]);
        }
        double[] naturalSe = result.untransformedStandardErrors();
        double[] naturalLows = result.untransformedPercentile(low);
        double[] naturalHighs = result.untransformedPercentile(high);
        for (int j = law.arity(); j < theta.length; j++) {
            stdout.printf(Locale.ROOT, "  %-26s %14.7g %12.5g %14.7g %14.7g%n", naturalNames.get(j),
                    Math.exp(theta[j]), naturalSe[j], naturalLows[j], naturalHighs[j]);
        }
        if (allocation != null) {
            if (!allocation.computed()) {
                stdout.println("allocation skipped: " + allocation.skipped());
            } else {
                printAllocation(stdout, allocation, result.count(), lowLabel, highLabel);
            }
        }
        stdout.printf(Locale.ROOT, "%d threads, %.2f s%n", threads, seconds);
    }

    private static void printAllocation(PrintStream stdout, AllocationBands allocation, int replicates,
                                        String lowLabel, String highLabel) {
        int[] unusable = allocation.unusableReplicates();
        stdout.printf(Locale.ROOT, "compute-optimal allocation (Chinchilla eq. 4): estimate, and median [%s, %s] "
                + "over %d replicates%s%n", lowLabel, highLabel, replicates - unusable.length, unusable.length == 0
                ? "" : " (" + unusable.length + " without an allocation left out: " + list(unusable) + ")");
        stdout.printf(Locale.ROOT, "  %-9s  %-43s  %-43s  %s%n", "C (FLOPs)", "N_opt", "D_opt", "D/N");
        for (AllocationBands.Band band : allocation.bands()) {
            stdout.printf(Locale.ROOT, "  %-9.3g  %-43s  %-43s  %s%n", band.compute(),
                    spread(band.estimate().params(), band.params(), "%.4g"),
                    spread(band.estimate().tokens(), band.tokens(), "%.4g"),
                    spread(band.estimate().tokensPerParam(), band.tokensPerParam(), "%.3g"));
        }
    }

    private static String spread(double estimate, AllocationBands.Spread spread, String format) {
        return String.format(Locale.ROOT, format + " (" + format + " [" + format + ", " + format + "])", estimate,
                spread.median(), spread.low(), spread.high());
    }

    private static String percent(double p) {
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + " %";
    }

    private static String list(int[] values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(values.length, 10); i++) {
            text.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return values.length > 10 ? text + ", …" : text.toString();
    }
}
