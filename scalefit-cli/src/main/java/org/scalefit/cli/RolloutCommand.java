package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.data.Observations;
import org.scalefit.data.RunKeys;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.heldout.HeldOutEvaluation;
import org.scalefit.heldout.HeldOutFit;
import org.scalefit.heldout.HeldOutReport;
import org.scalefit.heldout.HoldOut;
import org.scalefit.heldout.ModelSizes;
import org.scalefit.heldout.SizeError;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.FitInputs;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.HeldOutJson;
import org.scalefit.io.InputException;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalefit rollout}: held-out evaluation of an Approach-3 law by model size ({@link HeldOutEvaluation}) —
 * leave one size out, or fit on the k smallest sizes and predict the larger ones — with the fits {@code scalefit fit}
 * makes, on the points it reads.
 */
@Command(name = "rollout", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Held-out evaluation of a parametric scaling law by model size: fit without some sizes and "
                + "report the relative error of the law's loss predictions on them.",
                "",
                "leave-one-size-out: for each model size, fit on all the others and predict it. rollout: sort the "
                        + "sizes, fit on the k smallest and predict every larger one (the extrapolation check).",
                "Every fit is scalefit fit's: multi-start L-BFGS on the Huber loss of log-loss residuals, polished."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (held-out fits that failed are reported)", "1:I/O error", "2:bad usage",
                "3:bad input data", "130:interrupted"})
final class RolloutCommand implements Callable<Integer> {

    @Mixin
    DataOptions input = new DataOptions();

    @Option(names = "--law", defaultValue = "chinchilla", paramLabel = "LAW",
            description = "chinchilla (params, tokens), width-depth or width-depth-params. Default: ${DEFAULT-VALUE}.")
    String law;

    @Option(names = "--delta", defaultValue = ScalefitCommand.DEFAULT_DELTA, paramLabel = "δ",
            description = "Huber threshold on log-loss residuals. Default: ${DEFAULT-VALUE}"
                    + ScalefitCommand.DEFAULT_DELTA_NOTE + ".")
    double delta;

    @Option(names = "--mode", defaultValue = "leave-one-size-out", paramLabel = "MODE",
            description = "leave-one-size-out or rollout. Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--smallest", split = ",", paramLabel = "K",
            description = "rollout: the numbers k of smallest sizes to fit on, comma-separated. Default: every k from "
                    + "2 to the number of sizes − 1.")
    List<Integer> smallest = new ArrayList<>();

    @Option(names = "--grid", defaultValue = "gemstones", paramLabel = "GRID",
            description = "Starts of every fit: gemstones (as scalefit fit), epoch (2-input laws) or coarse (every "
                    + "other value of each Gemstones axis: 3^(2k+1) starts, for speed). Default: ${DEFAULT-VALUE}.")
    String grid;

    @Option(names = "--size-key", split = ",", paramLabel = "COLUMN",
            description = "The columns whose equal values make one model size. Default: width,depth if the data has "
                    + "them, else params. Sizes are ordered by params.")
    List<String> sizeKey = new ArrayList<>();

    @Mixin
    TransformOptions transform = new TransformOptions();

    @Mixin
    ThreadsOptions threads = new ThreadsOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Write every fit and prediction as JSON to FILE.")
    Path out;

    @Override
    public Integer call() {
        OutputPaths.requireWritableFiles(out);
        LawForm form = LawForm.named(law);
        HoldOut split = HoldOut.named(mode);
        StartGrid startGrid = grid.equals("coarse") ? HeldOutEvaluation.coarseGrid(form.arity())
                : StartGrid.named(grid, form.arity());
        if (split == HoldOut.LEAVE_ONE_SIZE_OUT && !smallest.isEmpty()) {
            throw new IllegalArgumentException("--smallest applies to --mode rollout");
        }
        List<String> wanted = new ArrayList<>(FitInputs.runKeyCandidates(sizeKey));
        wanted.add("params");
        FitInputs inputs = FitInputs.read(input.source(), form, transform.transforms(),
                wanted);
        if (!inputs.has("params")) {
            throw new InputException(inputs.table().source(), null, "params", "a params column to order the model "
                    + "sizes by (map one with --column params=…)", "only the columns " + inputs.table().columnNames());
        }
        List<String> key = inputs.runKey(sizeKey);
        Observations observations = inputs.observations();
        ModelSizes sizes = ModelSizes.of(RunKeys.of(inputs.columns(key)), inputs.column("params"));
        int[] counts = smallest.isEmpty()
                ? (split == HoldOut.ROLLOUT && sizes.count() >= 2
                        ? HeldOutEvaluation.rolloutCounts(Math.min(2, sizes.count() - 1), sizes) : new int[0])
                : smallest.stream().mapToInt(Integer::intValue).toArray();
        HeldOutEvaluation evaluation = new HeldOutEvaluation(form, delta, startGrid,
                MultiStartFitter.Options.defaults());
        int workers = threads.count();
        long begin = System.nanoTime();
        HeldOutReport report;
        long total = (long) evaluation.fitCount(split, sizes, counts) * startGrid.size();
        try (TerminalProgress progress = TerminalProgress.start(split.label(), total)) {
            report = evaluation.run(split, observations, sizes, counts, LocalParallelism.withThreads(workers),
                    progress);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        FitProvenance provenance = new FitProvenance(inputs.table().source(), inputs.table().contentHash(),
                inputs.transforms(), ScalefitVersion.current(), inputs.columns().fileColumns());
        HeldOutJson.SizeColumns columns = new HeldOutJson.SizeColumns(key, "params");
        if (out != null) {
            AtomicFiles.writeString(out, new HeldOutJson().write(report, evaluation, observations, columns,
                    provenance, workers, seconds, ScalefitVersion.current()));
        }
        print(System.out, report, startGrid, key, observations.size(), workers, seconds);
        return 0;
    }

    private void print(PrintStream stdout, HeldOutReport report, StartGrid startGrid, List<String> key, int points,
                       int workers, double seconds) {
        ModelSizes sizes = report.sizes();
        stdout.printf(Locale.ROOT, "%s of the %s law on %s: %d points in %d model sizes (key %s, ordered by "
                        + "params); delta %s, %s grid (%d starts a fit)%n", report.mode().label(), report.law().name(),
                input.data, points, sizes.count(), String.join(",", key), report.delta(), startGrid.name(),
                startGrid.size());
        stdout.println("relative error of the predicted loss, 100·|L̂ − L|/L in %: mean and max over a size's points");
        if (report.mode() == HoldOut.LEAVE_ONE_SIZE_OUT) {
            stdout.printf(Locale.ROOT, "  %-16s %12s %7s %11s %10s %14s%n", "held-out size", "params", "points",
                    "held-out %", "max %", "in-sample %");
            for (int f = 0; f < report.fits().size(); f++) {
                HeldOutFit fit = report.fits().get(f);
                SizeError inSample = report.reference().errors().isEmpty() ? null
                        : report.reference().errors().get(f);
                String heldOut = fit.succeeded() ? String.format(Locale.ROOT, "%11.4f %10.4f",
                        fit.errors().get(0).meanPercentError(), fit.errors().get(0).maxPercentError())
                        : String.format(Locale.ROOT, "%22s", "fit failed");
                stdout.printf(Locale.ROOT, "  %-16s %12.4g %7d %s %14s%s%n", keyText(sizes.key(f)), sizes.scale(f),
                        sizeCount(sizes, f), heldOut, inSample == null ? "-"
                                : String.format(Locale.ROOT, "%.4f", inSample.meanPercentError()),
                        fit.fit().warnings().isEmpty() ? "" : "  (" + fit.fit().warnings().size() + " warnings)");
            }
        } else {
            stdout.printf(Locale.ROOT, "  %3s %-16s %12s   %-30s %-30s %10s%n", "k", "largest fitted", "params",
                    "next size: mean % / max %", "largest size: mean % / max %", "all mean %");
            for (HeldOutFit fit : report.fits()) {
                int[] fitted = fit.fittedSizes();
                int last = fitted[fitted.length - 1];
                if (!fit.succeeded()) {
                    stdout.printf(Locale.ROOT, "  %3d %-16s %12.4g   fit failed%n", fitted.length,
                            keyText(sizes.key(last)), sizes.scale(last));
                    continue;
                }
                SizeError next = fit.errors().get(0);
                SizeError largest = fit.errors().get(fit.errors().size() - 1);
                stdout.printf(Locale.ROOT, "  %3d %-16s %12.4g   %-30s %-30s %10.4f%s%n", fitted.length,
                        keyText(sizes.key(last)), sizes.scale(last), errorText(next, sizes),
                        errorText(largest, sizes), fit.meanPercentError(),
                        fit.fit().warnings().isEmpty() ? "" : "  (" + fit.fit().warnings().size() + " warnings)");
            }
        }
        if (report.failedFits() > 0) {
            stdout.printf(Locale.ROOT, "%d held-out fits failed (no start converged)%n", report.failedFits());
        }
        stdout.printf(Locale.ROOT, "%d fits, %d threads, %.2f s%n", report.fits().size() + 1, workers, seconds);
    }

    private static String errorText(SizeError error, ModelSizes sizes) {
        return String.format(Locale.ROOT, "%s %.4f / %.4f", keyText(sizes.key(error.size())),
                error.meanPercentError(), error.maxPercentError());
    }

    private static int sizeCount(ModelSizes sizes, int size) {
        int count = 0;
        for (int i = 0; i < sizes.points(); i++) {
            count += sizes.sizeOf(i) == size ? 1 : 0;
        }
        return count;
    }

    private static String keyText(double[] key) {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < key.length; j++) {
            double value = key[j];
            text.append(j == 0 ? "" : "x").append(value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value) : String.format(Locale.ROOT, "%.4g", value));
        }
        return text.toString();
    }
}
