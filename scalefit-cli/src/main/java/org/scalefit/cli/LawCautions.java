package org.scalefit.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints the warnings of the fit a law came from ({@code FittedLaw#warnings}) where a command prints numbers
 * computed from that law, so that a degenerate parameter (E not identified, an exponent at 0 or negative) is seen
 * beside the shapes, allocations, intervals or predictions it produced.
 */
final class LawCautions {

    private LawCautions() {
    }

    /** One "caution" line per warning of the law read from {@code source}; nothing when there are none. */
    static void print(PrintStream out, String source, List<String> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        out.println("caution: the fit in " + source + " warned (these numbers come from its parameters):");
        for (String warning : warnings) {
            out.println("  " + warning);
        }
    }
}
