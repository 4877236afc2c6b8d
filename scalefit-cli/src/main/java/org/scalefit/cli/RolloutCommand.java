package org.scalefit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalefit.fit.LawFit;
import org.scalefit.heldout.HeldOutFit;
import org.scalefit.heldout.HeldOutLaw;
import org.scalefit.heldout.HoldOut;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.InputException;
import org.scalefit.io.analysis.HeldOutRequest;
import org.scalefit.io.analysis.HeldOutResult;
import org.scalefit.io.analysis.PreparedHeldOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit rollout}: held-out evaluation of a law by model size ({@link HeldOutEvaluation}) — leave one size
 * out, or fit on the k smallest sizes and predict the larger ones — with the fits {@code scalefit fit} makes, on the
 * points it reads: of a built-in law, or of a law written as text, named in the law language or read from a law file,
 * with {@code fit}'s options for it ({@link LawOptions}).
 */
@Command(name = "rollout", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Held-out evaluation of a parametric scaling law by model size: fit without some sizes and "
                + "report the relative error of the law's loss predictions on them.",
                "",
                "leave-one-size-out: for each model size, fit on all the others and predict it. rollout: sort the "
                        + "sizes, fit on the k smallest and predict every larger one (the extrapolation check).",
                "Every fit is scalefit fit's: multi-start L-BFGS minimising the objective, the sum of Huber "
                        + "penalties of the log-loss residuals, polished. A law written as text, named in the law "
                        + "language or read from a law file takes fit's options for it (--input, --fix, --tie, --log, "
                        + "--bounds, --start, --residual, --objective, --kappa, --weights) and its starts are its "
                        + "parameters' start values, e.g.",
                "  --law 'E + A/N^alpha + B/D^beta' --log E,A,B --mode rollout",
                "Model sizes are ordered by the params column (or width^2*depth), whichever inputs the law reads."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (held-out fits that failed are reported, each with its reasons)", "1:I/O error",
                "2:bad usage, or a bad law (its column in the expression is printed)",
                "3:bad input data (file, line and column are printed; a column the law reads is missing)",
                "4:no held-out fit converged (the result is written)",
                "5:no held-out fit could identify the law, e.g. too few model sizes (the result is written, each "
                        + "fit's reasons are printed)", "130:interrupted"})
final class RolloutCommand implements Callable<Integer> {

    @Mixin
    DataOptions input = new DataOptions();

    @Option(names = "--law", defaultValue = "chinchilla", paramLabel = "LAW",
            description = "chinchilla (params, tokens), width-depth or width-depth-params; a named law of the law "
                    + "language (kaplan, data-constrained, saturating-compute, gadre-overtraining); or a law written "
                    + "as text, e.g. 'E + A/N^alpha + B/D^beta'. Default: ${DEFAULT-VALUE}.")
    String law;

    @Mixin
    LawOptions lawOptions = new LawOptions();

    @Spec
    CommandSpec spec;

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
            description = "Starts of every fit of a built-in law: gemstones (as scalefit fit), epoch (2-input laws) or "
                    + "coarse (every other value of each Gemstones axis: 3^(2k+1) starts, for speed); a written "
                    + "law starts from its parameters' start values (--start). Default: ${DEFAULT-VALUE}.")
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
        HeldOutLaw chosen = RolloutLaw.of(law, lawOptions, spec.commandLine().getParseResult(), huber.delta, grid);
        HeldOutRequest request = new HeldOutRequest(input.source(), chosen, lawOptions.weightColumn(),
                HoldOut.named(mode), smallest, sizeKey, transform.transforms());
        PreparedHeldOut prepared;
        try {
            prepared = request.prepare();
        } catch (InputException e) {
            throw chosen instanceof HeldOutLaw.Written written ? ExpressionFitRun.missingInput(written.law(), input, e)
                    : e;
        }
        if (chosen instanceof HeldOutLaw.Written written) {
            ExpressionFitRun.noteDerivedRatio(written.law(), prepared.inputs().transforms(), input.data);
        }
        HeldOutResult result;
        try (TerminalProgress progress = TerminalProgress.start(request.mode().label(), prepared.fitStarts())) {
            result = prepared.run(threads.local(), progress);
        }
        if (out != null) {
            AtomicFiles.writeString(out, result.document().write());
        }
        RolloutPrinter.print(System.out, input.data, result);
        prepared.repetitionCaution().ifPresent(caution -> System.out.println("caution: " + caution));
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
