package org.scalefit.fit;

import java.io.Serializable;
import org.scalefit.parallel.Parallelism;

/**
 * A smooth function f: ℝⁿ → ℝ that computes its value and gradient together.
 *
 * <p>Implementations may keep scratch space, so one instance serves one thread; {@link #copy()} gives another
 * instance sharing the immutable data. Serializable, so that the tasks of a {@link Parallelism} can carry an objective
 * to another process; an implementation holds only serializable data.
 */
public interface DifferentiableObjective extends Serializable {

    /** n, the number of parameters. */
    int dimension();

    /**
     * Computes f(x) and writes ∇f(x) into {@code gradient}. Must not allocate on the hot path and must not keep
     * references to its arguments.
     *
     * @return f(x); {@code NaN} or ±∞ if f is not defined there
     */
    double valueAndGradient(double[] x, double[] gradient);

    /** Computes f(x) alone (may be cheaper than the value and gradient). */
    double value(double[] x);

    /**
     * Writes into {@code out} the coordinates of x that f depends on, and NaN for those it does not (to working
     * precision) near x, e.g. the parameters of a term too small to matter. Two points with the same identifiable
     * coordinates are the same point for the purpose of recognising where a search is heading. Default: all of x.
     */
    default void identifiable(double[] x, double[] out) {
        System.arraycopy(x, 0, out, 0, x.length);
    }

    /**
     * Like {@link #identifiable}, but NaN also for the coordinates that move f's fit by less than the data could
     * ever show (e.g. a term below 10⁻⁴ of the prediction everywhere): two optima with the same distinguishable
     * coordinates are the same fit, whatever their other coordinates, so that points along a flat direction count
     * as one basin. Default: {@link #identifiable}.
     */
    default void distinguishable(double[] x, double[] out) {
        identifiable(x, out);
    }

    /**
     * The absolute rounding error of {@link #value} near an optimum, at least: objective values closer than this
     * cannot be told apart, and a relative stopping test measures f against max(|f|, this) so that it stays
     * meaningful when f itself is near 0 (a law that fits its points exactly). Default 0 (no floor known).
     */
    default double roundingLevel() {
        return 0;
    }

    /**
     * The objective at residuals of rounding size ({@link EquallyGood#exactFitLevel}): what F is, at most, when the
     * law fits the data exactly, and the least difference of objectives that means anything there. Default 0 (none
     * known).
     */
    default double exactFitLevel() {
        return 0;
    }

    /** An independent instance for another thread, sharing the immutable data. */
    DifferentiableObjective copy();
}
