package org.scalefit.cli;

import java.nio.file.Path;
import java.util.List;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.GadreTestbed;
import org.scalefit.io.OvertrainingDocument;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.overtraining.DownstreamFitter;
import org.scalefit.overtraining.OvertrainingAnalysis;
import org.scalefit.overtraining.OvertrainingFitter;
import org.scalefit.overtraining.Solver;
import picocli.CommandLine.Option;

/**
 * The options of the over-training commands: which testbed and dataset, which loss, which solver, where to write
 * (a picocli mixin).
 */
final class TestbedOptions {

    @Option(names = "--data", defaultValue = GadreTestbed.BUNDLED, paramLabel = "gadre|DIR",
            description = "The testbed: gadre (bundled: Gadre et al. 2024's 104 runs) or a directory laid out like "
                    + "its exp_data (models/*.json, evals/evaluation_*_heavy.json). Runs are chosen by model (the "
                    + "base name of hyperparameters.model) and M: the loss law is fitted on d=96_l=8_h=4, "
                    + "d=512_l=8_h=4, d=576_l=24_h=8 and d=1024_l=24_h=8 at M = 20 and d=96_l=8_h=4 at M = 320, the "
                    + "downstream law on those and open_lm_1b at M = 20; every run of another model is predicted. "
                    + "Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--dataset", required = true, paramLabel = "NAME",
            description = "The training dataset (the runs' dataset_name): c4_original, rpj (RedPajama) or "
                    + "rw_original (RefinedWeb) in the bundled testbed.")
    String dataset;

    @Option(names = "--loss-set", defaultValue = GadreTestbed.DEFAULT_LOSS_SET, paramLabel = "SET",
            description = "The evaluation set whose loss is fitted: the folder holding results[i].val_data[0] "
                    + "(the bundled testbed's: c4_val, openlm, paloma_c4_en, paloma_ptb, paloma_redpajama, "
                    + "paloma_falcon-refinedweb, paloma_dolma_100_programing_languages, val_de-en_100). "
                    + "Default: ${DEFAULT-VALUE}.")
    String lossSet;

    @Option(names = "--solver", defaultValue = "lm", paramLabel = "lm|varpro",
            description = "lm: Levenberg-Marquardt from the paper's starts (128 for the loss law, (1, 1, 1) for the "
                    + "downstream law); varpro: exact variable projection over the exponent. "
                    + "Default: ${DEFAULT-VALUE}.")
    String solver;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the fits and predictions as JSON to FILE.")
    Path out;

    /**
     * The over-training analysis of {@code --dataset}'s default split with the given downstream errors (none: the loss
     * law alone), written to {@code --out} if given, its loss law printed on {@code printer}.
     */
    OvertrainingAnalysis runAnalysis(List<String> downstream, OvertrainingPrinter printer) {
        OutputPaths.requireWritableFiles(out);
        GadreTestbed testbed = GadreTestbed.read(data, lossSet);
        Solver chosen = Solver.fromLabel(solver);
        OvertrainingAnalysis analysis = OvertrainingAnalysis.of(downstream.isEmpty() ? testbed.lossLawSplit(dataset)
                : testbed.defaultSplit(dataset), downstream,
                OvertrainingFitter.gadre().withSolver(chosen), DownstreamFitter.gadre().withSolver(chosen));
        if (out != null) {
            AtomicFiles.writeString(out, OvertrainingDocument.of(testbed, dataset, analysis,
                    ScalefitVersion.current()).write());
        }
        printer.lossLaw(testbed.source(), dataset, testbed.lossSet(), analysis);
        return analysis;
    }
}
