package org.scalefit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalefit.io.GadreTestbed;
import org.scalefit.overtraining.OvertrainingAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalefit downstream}: Gadre et al. 2024's downstream law Err(L), fitted on the paper's default points, and
 * the chained predictions Err(L̂(N, M)) of the larger runs' average errors.
 */
@Command(name = "downstream", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Gadre et al. 2024's downstream law Err(L) = ε − k·e^(−γ·L) of average top-1 error in loss, "
                + "fitted by least squares on the observed losses of the paper's default points (those of "
                + "`scalefit overtrain` and the 1.4B model at M = 20), chained with the over-training law: each "
                + "larger run's error is predicted from its predicted loss, with relative errors.",
                "",
                "Example: scalefit downstream --dataset rpj --downstream avg_subset"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (a degenerate fit prints warnings)", "1:I/O error (e.g. an output that cannot be written)", "2:bad usage",
                "3:bad input data (file and field are printed)", "4:a fit failed (no start converged)"})
final class DownstreamCommand implements Callable<Integer> {

    @Mixin
    TestbedOptions options = new TestbedOptions();

    @Option(names = "--downstream", split = ",", paramLabel = "ERROR",
            description = "The errors to fit, comma-separated: avg (46-task average), avg_subset (17-task average) "
                    + "or a task name (e.g. arc_easy). Default: avg,avg_subset.")
    List<String> downstream = new ArrayList<>(List.of(GadreTestbed.AVERAGE_46, GadreTestbed.AVERAGE_17));

    @Override
    public Integer call() {
        OvertrainingPrinter printer = new OvertrainingPrinter(System.out);
        OvertrainingAnalysis analysis = options.runAnalysis(downstream, printer);
        analysis.downstreamFits().forEach((key, fit) ->
                printer.downstreamLaw(key, fit, analysis.split().downstreamFit()));
        printer.predictions(analysis);
        boolean failed = analysis.lossFit().report().failed()
                || analysis.downstreamFits().values().stream().anyMatch(fit -> fit.report().failed());
        return failed ? ScalefitCommand.EXIT_FIT_FAILED : 0;
    }
}
