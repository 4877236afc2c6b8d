package org.scalefit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalefit.fit.Identification;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.analysis.FitBootstrapOutcome;
import org.scalefit.io.analysis.FitBootstrapRequest;
import org.scalefit.parallel.EngineProvider;
import org.scalefit.uncertainty.ResamplingStream;
import org.scalefit.uncertainty.ResamplingUnits;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit bootstrap --fit FILE}: the options of the bootstrap of a stored Approach-3 fit
 * ({@link FitBootstrapRequest}: the data reloaded from the fit's provenance and checked against it, points or whole
 * runs resampled, each replicate refitted from the fit's own parameters, with the allocation's bands at given
 * budgets); its printout is {@link FitBootstrapPrinter}. A picocli mixin of {@link BootstrapCommand}.
 */
final class FitBootstrapOptions {

    /** Options of Epoch's analysis (and the units the data is read in) that the fit file fixes instead. */
    private static final List<String> FIXED_BY_THE_FIT = List.of("--unit", "--delta", "--drop-highest-losses",
            "--start", "--reference", "--policy-draws", "--policy-compute", "--policy-coverage");

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
            description = "With --fit: the columns whose equal values make one run; run is the text column naming "
                    + "each run (run, run_name, name or model; or --column run=COLUMN). Default: width,depth if the "
                    + "data has them, else params; the run column is a key only when named here (a warning says "
                    + "when it names more runs than the units resampled).")
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
     * Runs the bootstrap of {@link #fit} ({@link FitBootstrapRequest}). {@code data} is the data overriding the
     * fit's (its {@code data} may be null: the fit's own), the rest are {@link BootstrapCommand}'s options.
     */
    int run(DataOptions data, int resamples, long seed, String streamName, ResamplingStream stream,
            EngineOptions engine, Path out, boolean draws) {
        for (String name : FIXED_BY_THE_FIT) {
            if (matched(name)) {
                throw new IllegalArgumentException(name + " is fixed by the fit file with --fit");
            }
        }
        FitBootstrapRequest request = new FitBootstrapRequest(fit, new FitBootstrapRequest.DataOverride(data.data,
                data.columns, data.where).withProgress(LargeTableWarning.around(TerminalProgress.reading(
                        "read the fit's data"), data.data == null ? "the data of " + fit : data.data)),
                ResamplingUnits.Scheme.named(scheme), runKey, resamples, seed, stream, streamName,
                compute.stream().mapToDouble(Double::doubleValue).toArray(), level);
        FitBootstrapRequest.Prepared prepared = request.prepare();
        if (prepared.moved() != null) {
            System.err.println("scalefit bootstrap: " + prepared.moved());
        }
        if (!prepared.identification().identified()) {
            Identification.Limits limits = prepared.stored().limits();
            System.err.printf(Locale.ROOT, "scalefit bootstrap: the data cannot identify the law under the limits "
                            + "%s was fitted under (--max-params %.3g, --max-tokens %.3g%s): %s%n", fit,
                    limits.maxParams(), limits.maxTokens(), limits.equals(Identification.Limits.DEFAULTS)
                            ? ", the defaults: the fit records none; a fit made with other limits before scalefit "
                            + "recorded them needs \"limits\": {\"max_params\": …, \"max_tokens\": …} added" : "",
                    String.join("; ", prepared.identification().failures()));
            return ScalefitCommand.EXIT_NOT_IDENTIFIED;
        }
        FitBootstrapOutcome outcome;
        try (EngineProvider.Engine parallelism = engine.open();
             TerminalProgress progress = TerminalProgress.start("bootstrap", resamples)) {
            outcome = prepared.run(parallelism, progress);
        }
        if (out != null) {
            AtomicFiles.writeString(out, outcome.document(draws).write());
        }
        FitBootstrapPrinter.print(System.out, outcome.stored(), prepared.source().data(), outcome.result(),
                outcome.resampling(), prepared.unitsWarning(), outcome.allocation(), outcome.run().threads(),
                outcome.run().seconds());
        outcome.extrapolations().forEach(warning -> System.err.println("warning: " + warning));
        if (outcome.allocation() != null && outcome.allocation().computed()) {
            org.scalefit.io.AllocationRules.uncheckedExtrapolation(fit.toString())
                    .ifPresent(note -> System.err.println("note: " + note));
        }
        int usable = outcome.result().converged() + outcome.result().atPrecisionFloor().length;
        if (usable < 2) {
            System.err.printf(Locale.ROOT, "scalefit bootstrap: only %d of %d refits converged: the standard errors "
                    + "and intervals are not an uncertainty of the fit%n", usable, outcome.result().count());
            return ScalefitCommand.EXIT_FIT_FAILED;
        }
        return 0;
    }
}
