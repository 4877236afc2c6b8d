package org.scalefit.overtraining;

import java.util.Locale;
import org.scalefit.data.Labelled;

/** How a Gadre law is fitted by ordinary least squares in linear space (Σ (ŷ − y)², unweighted). */
public enum Solver implements Labelled {

    /**
     * The paper's method: Levenberg–Marquardt (Hipparchus, MINPACK's algorithm, here with an analytic Jacobian and
     * tight tolerances) from every start of a grid; the start with the smallest sum of squares wins, the first in
     * grid order on exact ties (the code's strict {@code <} on sqrt(SSR/(n−2))).
     */
    LEVENBERG_MARQUARDT("lm"),

    /**
     * Exact variable projection: for a fixed exponent both laws are linear in their other parameters, so the
     * sum of squares is profiled over the exponent alone (a dense scan, then Brent's method around the best scan
     * point, with linear least squares for the rest), and the result is polished by one Levenberg–Marquardt run.
     * Finds the global minimum over the search interval, independent of any start grid.
     */
    VARIABLE_PROJECTION("varpro");

    private final String label;

    Solver(String label) {
        this.label = label;
    }

    /** The short name used on the command line and in result files: {@code lm} or {@code varpro}. */
    @Override
    public String label() {
        return label;
    }

    /**
     * The solver with this label.
     *
     * @throws IllegalArgumentException if there is none; the message lists the labels
     */
    public static Solver fromLabel(String label) {
        return Labelled.byLabel(Solver.class, label.toLowerCase(Locale.ROOT), "solver");
    }
}
