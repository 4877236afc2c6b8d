package org.scalefit.cli;

import org.scalefit.io.ExactDecimal;
import org.scalefit.law.expr.Penalty;

/**
 * How every command's text output writes the things they share, one way each: an exact number (the shortest decimal
 * that reads back as the same double, e.g. {@code 1e-3}, {@code 2.5e-4}, {@code 0.01}, {@code 4e9}), the Huber
 * threshold ({@code δ = 1e-3}), a penalty and the name of the minimised quantity ({@link #OBJECTIVE}; "loss" is a
 * model's loss, never the objective).
 */
final class Wording {

    /** The name of the quantity a fit minimises, F = Σ_i w_i·ρ(r_i). */
    static final String OBJECTIVE = "objective";

    private Wording() {
    }

    /**
     * The headline of a fit that has an optimum but did not converge, by its status label: a search the evaluation
     * budget cut short ({@code budget_cut}: a tested local minimum, but not every start ran to its end) or a point
     * that is not a tested local minimum.
     */
    static String notConverged(String status) {
        if (status.equals(org.scalefit.fit.LawFit.Status.BUDGET_CUT.label())) {
            return "BUDGET CUT: the evaluation limit stopped starts before they converged, so the best point found, "
                    + "a tested local minimum, may not be the lowest (status " + status + "); see the warnings";
        }
        return "NOT CONVERGED: the best point found is not a tested local minimum (status " + status
                + "); see the warnings";
    }

    /** The shortest decimal that parses back to {@code value} exactly ({@link ExactDecimal}). */
    static String exact(double value) {
        return ExactDecimal.of(value);
    }

    /** The Huber threshold as every command prints it: {@code δ = 1e-3}. */
    static String delta(double delta) {
        return "δ = " + exact(delta);
    }

    /** A penalty: {@code huber, δ = 1e-3}, {@code squared}, {@code over-estimate, δ = 1e-3, κ = 10}. */
    static String penalty(Penalty penalty) {
        if (penalty instanceof Penalty.Huber huber) {
            return "huber, " + delta(huber.delta());
        }
        if (penalty instanceof Penalty.OverEstimate over) {
            return "over-estimate, " + delta(over.delta()) + ", κ = " + exact(over.kappa());
        }
        return penalty.toString();
    }

    /**
     * The one-line error on standard error of a command whose data cannot identify the law: the reasons are part of
     * the result on standard output and are not repeated.
     *
     * @param where the command, and the data where it says more, e.g. {@code scalefit bootstrap: runs.csv}
     */
    static String notIdentified(String where) {
        return where + ": the data cannot identify the law (the reasons are in the result on standard output)";
    }
}
