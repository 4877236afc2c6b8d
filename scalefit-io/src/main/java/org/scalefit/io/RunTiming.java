package org.scalefit.io;

/**
 * How a result was computed: on how many threads, in how many seconds of wall time. The only part of a result
 * document that may differ between runs of the same inputs (written under {@code run}).
 *
 * @param threads the engine's worker threads
 * @param seconds wall time of the computation
 */
public record RunTiming(int threads, double seconds) {
}
