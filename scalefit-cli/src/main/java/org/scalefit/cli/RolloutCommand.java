package org.scalefit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalefit.fit.LawFit;
import org.scalefit.heldout.HeldOutFit;
import org.scalefit.heldout.HoldOut;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.analysis.HeldOutRequest;
import org.scalefit.io.analysis.HeldOutResult;
import org.scalefit.io.analysis.PreparedHeldOut;
import org.scalefit.law.LawForm;
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
                "Every fit is scalefit fit's: multi-start L-BFGS minimising the objective, the sum of Huber "
                        + "penalties of the log-loss residuals, polished."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (held-out fits that failed are reported, each with its reasons)", "1:I/O error",
                "2:bad usage", "3:bad input data (file, line and column are printed)",
                "4:no held-out fit converged (the result is written)",
                "5:no held-out fit could identify the law, e.g. too few model sizes (the result is written, each "
                        + "fit's reasons are printed)", "130:interrupted"})
final class RolloutCommand implements Callable<Integer> {

    @Mixin
    DataOptions input = new DataOptions();

    @Option(names = "--law", defaultValue = "chinchilla", paramLabel = "LAW",
            description = "chinchilla (params, tokens), width-depth or width-depth-params. Default: ${DEFAULT-VALUE}.")
    String law;

    @Mixin
    DeltaOption huber = new DeltaOption();

    @Option(names = "--mode", defaultValue = "leave-one-size-out", paramLabel = "MODE",
            description = "leave-one-size-out or rollout. Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--smallest", split = ",", paramLabel = "K",
            description = "rollout: the numbers k of smallest sizes to fit on, comma-separated. Default: every k from "
                    + "3 (fewer sizes cannot identify the law: each input needs 3 distinct values) to the number of "
                    + "sizes − 1.")
    List<Integer> smallest = new ArrayList<>();

    @Option(names = "--grid", defaultValue = "gemstones", paramLabel = "GRID",
            description = "Starts of every fit: gemstones (as scalefit fit), epoch (2-input laws) or coarse (every "
                    + "other value of each Gemstones axis: 3^(2k+1) starts, for speed). Default: ${DEFAULT-VALUE}.")
    String grid;

    @Option(names = "--size-key", split = ",", paramLabel = "COLUMN",
            description = "The columns whose equal values make one model size. Default: width,depth if the data has "
                    + "them, else params. Sizes are ordered by params, or by width^2*depth (the non-embedding "
                    + "parameter count up to a constant) when the data has no params column and the law has width "
                    + "and depth inputs.")
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
        HeldOutRequest request = new HeldOutRequest(input.source(), form, huber.delta, HoldOut.named(mode), smallest,
                HeldOutRequest.grid(grid, form), sizeKey, transform.transforms());
        PreparedHeldOut prepared = request.prepare();
        HeldOutResult result;
        try (TerminalProgress progress = TerminalProgress.start(request.mode().label(), prepared.fitStarts())) {
            result = prepared.run(threads.local(), progress);
        }
        if (out != null) {
            AtomicFiles.writeString(out, result.document().write());
        }
        RolloutPrinter.print(System.out, input.data, result);
        List<HeldOutFit> fits = result.report().fits();
        if (!fits.isEmpty() && fits.stream().noneMatch(HeldOutFit::succeeded)) {
            boolean identified = fits.stream()
                    .anyMatch(fit -> fit.fit().status() != LawFit.Status.NOT_IDENTIFIED);
            System.err.println("scalefit rollout: " + (identified ? "no held-out fit converged"
                    : "no held-out fit could identify the law (each fit's reasons are printed)"));
            return identified ? ScalefitCommand.EXIT_FIT_FAILED : ScalefitCommand.EXIT_NOT_IDENTIFIED;
        }
        return 0;
    }
}
