package org.scalefit.cli;

import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.analysis.FitRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code scalefit} command: fitting, checking and applying neural scaling laws. */
@Command(name = "scalefit", mixinStandardHelpOptions = true, versionProvider = ScalefitCommand.Version.class,
        description = "Fit, check and apply neural scaling laws.",
        subcommands = {FitCommand.class, PredictCommand.class, FrontierCommand.class, AllocateCommand.class, BootstrapCommand.class,
                RolloutCommand.class,
                OvertrainCommand.class, ReproduceCommand.class,
                DownstreamCommand.class, BenchmarksCommand.class,
                ShapesCommand.class, ParabolaCommand.class, SensitivityCommand.class, IsoflopCommand.class,
                ReportCommand.class, CommandLine.HelpCommand.class})
public final class ScalefitCommand implements Runnable {

    /**
     * The Huber threshold δ of every fitting command unless {@code --delta} is given: 1e-3, Hoffmann et al. (2022)'s
     * and Epoch AI's (Besiroglu et al. 2024) value. Gemstones published fits at δ = 1e-3 and 1e-4; reproducing its
     * δ = 1e-4 tables takes {@code --delta 1e-4}.
     */
    static final String DEFAULT_DELTA = FitRequest.DEFAULT_DELTA_TEXT;

    /** The help text's note on {@link #DEFAULT_DELTA}, after "Default: 1e-3". */
    static final String DEFAULT_DELTA_NOTE = " (Hoffmann et al. 2022 and Epoch AI; the same in every fitting command)";

    /** Exit code for bad input data (file, line, column are printed). */
    static final int EXIT_BAD_INPUT = 3;
    /** Exit code for a fit in which no start converged, or whose best point failed the stationarity test. */
    static final int EXIT_FIT_FAILED = 4;
    /** Exit code for a fit whose data cannot identify the law (status not_identified; no search was run). */
    static final int EXIT_NOT_IDENTIFIED = 5;
    /** The exit code of a fit that ended with the status labelled {@code status} ({@code LawFit.Status#label}). */
    static int exitCode(String status) {
        return switch (status) {
            case "converged" -> 0;
            case "not_identified" -> EXIT_NOT_IDENTIFIED;
            default -> EXIT_FIT_FAILED;
        };
    }

    /** Exit code when interrupted. */
    static final int EXIT_INTERRUPTED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(String... args) {
        return new CommandLine(new ScalefitCommand()).setExecutionExceptionHandler(new Failures())
                .setCaseInsensitiveEnumValuesAllowed(true).setExecutionStrategy(parsed -> {
                    RepeatedKeys.refuse(parsed);
                    return new CommandLine.RunLast().execute(parsed);
                }).execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"scalefit " + ScalefitVersion.current(), "Java " + System.getProperty("java.version")};
        }
    }
}
