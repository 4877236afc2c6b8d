package org.scalefit.cli;

import picocli.CommandLine.Option;

/**
 * {@code --no-timestamps}: a report without the time and the step timings, so that the same data and options give
 * byte-identical files (a picocli mixin of the commands that write reports).
 */
final class TimestampsOption {

    @Option(names = "--no-timestamps",
            description = "Leave the time and the step timings out of the report, so that the same data and options "
                    + "give byte-identical files.")
    boolean noTimestamps;
}
