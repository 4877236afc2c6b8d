package org.scalefit.parallel;

/**
 * An engine could not run the tasks of a {@link Parallelism#map} call for a reason outside the tasks themselves —
 * a cluster that lost its executors, a job the scheduler aborted — as opposed to a task that threw, which the engines
 * rethrow unchanged. The message is one line that names the cause and, where one is known, the remedy.
 */
public final class EngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: what failed and, where known, what to change
     * @param cause the engine's own failure
     */
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
