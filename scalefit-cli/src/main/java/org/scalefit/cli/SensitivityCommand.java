package org.scalefit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code scalefit sensitivity}: how Approach-3 answers depend on the choices behind them (Gemstones:
 * {@code slope_analysis.py}, {@code rainbow.py}, {@code chinchilla_reduced_sampling.py}).
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Sensitivity analyses of fitted scaling laws (Gemstones): Huber δ × start-grid size, "
                + "Chinchilla-like reduced sampling, and the rainbow of allocation slopes."},
        subcommands = {DeltaGridCommand.class, SamplingCommand.class, RainbowCommand.class})
final class SensitivityCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
