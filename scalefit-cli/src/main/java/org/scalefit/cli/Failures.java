package org.scalefit.cli;

import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.function.IntSupplier;
import org.scalefit.io.InputException;

/**
 * How every command turns a failure into a message on standard error and an exit code: bad input data 3 (the
 * message names file, line and column), bad usage or degenerate data 2, an I/O failure 1, interruption 130.
 */
final class Failures {

    private Failures() {
    }

    /** Runs {@code body}, returning its exit code, or the code of the failure it raised. */
    static int guard(String command, IntSupplier body) {
        try {
            return body.getAsInt();
        } catch (InputException e) {
            System.err.println("scalefit " + command + ": " + e.getMessage());
            return ScalefitCommand.EXIT_BAD_INPUT;
        } catch (IllegalArgumentException e) {
            System.err.println("scalefit " + command + ": " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            System.err.println("scalefit " + command + ": " + e.getMessage());
            return 1;
        } catch (CancellationException e) {
            System.err.println("scalefit " + command + ": interrupted; nothing written");
            return ScalefitCommand.EXIT_INTERRUPTED;
        }
    }
}
