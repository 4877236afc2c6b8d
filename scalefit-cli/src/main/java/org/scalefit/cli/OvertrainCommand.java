package org.scalefit.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.scalefit.overtraining.OvertrainingAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code scalefit overtrain}: Gadre et al. 2024's over-training law L(N, M), fitted on the paper's default points,
 * and its predictions of the larger runs' losses.
 */
@Command(name = "overtrain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Gadre et al. 2024's over-training law L(N, M) = E + α·N^b + β·6^(b/2)·(M·N)^b (N parameters, "
                + "M tokens per parameter), fitted by least squares on the paper's default points (the 11M, 79M, "
                + "154M and 411M models at M = 20 and the 11M model at M = 320), and the relative errors of its "
                + "predictions for the larger runs (the 1.4B and 6.9B runs of the bundled testbed).",
                "",
                "Example: scalefit overtrain --dataset rpj"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (a degenerate fit prints warnings)", "1:I/O error (e.g. an output that cannot be written)", "2:bad usage",
                "3:bad input data (file and field are printed)", "4:the fit failed (no start converged)"})
final class OvertrainCommand implements Callable<Integer> {

    @Mixin
    TestbedOptions options = new TestbedOptions();

    @Override
    public Integer call() {
        OvertrainingPrinter printer = new OvertrainingPrinter(System.out);
        OvertrainingAnalysis analysis = options.runAnalysis(List.of(), printer);
        printer.predictions(analysis);
        return analysis.lossFit().report().failed() ? ScalefitCommand.EXIT_FIT_FAILED : 0;
    }
}
