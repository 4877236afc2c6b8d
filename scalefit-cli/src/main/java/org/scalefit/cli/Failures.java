package org.scalefit.cli;

import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import org.scalefit.io.InputException;
import org.scalefit.parallel.EngineException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * How every command turns a failure into a message on standard error and an exit code (picocli's one execution
 * exception handler, installed by {@link ScalefitCommand#execute}): bad input data 3 (the message names file, line
 * and column), bad usage or degenerate data 2, an I/O failure or an engine that could not run its tasks (e.g. a
 * cluster that lost its executors) 1, interruption 130. Anything else is a bug and goes to picocli's default handling
 * (stack trace, exit code 1).
 */
final class Failures implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) throws Exception {
        String name = command.getCommandSpec().qualifiedName();
        if (failure instanceof InputException) {
            System.err.println(name + ": " + failure.getMessage());
            return ScalefitCommand.EXIT_BAD_INPUT;
        }
        if (failure instanceof IllegalArgumentException) {
            System.err.println(name + ": " + failure.getMessage());
            return 2;
        }
        if (failure instanceof UncheckedIOException) {
            System.err.println(name + ": " + failure.getMessage());
            return 1;
        }
        if (failure instanceof EngineException) {
            System.err.println(name + ": " + failure.getMessage());
            return 1;
        }
        if (failure instanceof CancellationException) {
            System.err.println(name + ": interrupted; nothing written");
            return ScalefitCommand.EXIT_INTERRUPTED;
        }
        throw failure;
    }
}
