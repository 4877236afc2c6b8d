package org.scalefit.overtraining;

import java.util.List;

/**
 * A least-squares problem y_i ≈ Σ_j c_j·φ_j(x_i; θ) that is linear in q coefficients c_j and nonlinear in one
 * parameter θ — the shape of both Gadre laws. The law's parameter vector has q + 1 entries: θ at
 * {@link #nonlinearIndex()}, the c_j in order at the other positions.
 */
interface SeparableModel {

    /** The number of observations n. */
    int points();

    /** The number q of linear coefficients. */
    int linearTerms();

    /** The position of θ in the law's parameter vector. */
    int nonlinearIndex();

    /** The observed value y_i. */
    double observed(int i);

    /** Fills {@code phi[j]} = φ_j(x_i; θ) and {@code dphi[j]} = ∂φ_j/∂θ (x_i; θ), for j &lt; q. */
    void basis(int i, double theta, double[] phi, double[] dphi);

    /** Why the optimum at {@code parameters} (law order) is degenerate; empty when it is not. */
    List<String> degeneracies(double[] parameters);

    /** θ of a parameter vector. */
    default double theta(double[] parameters) {
        return parameters[nonlinearIndex()];
    }

    /** The linear coefficients of a parameter vector, in order. */
    default double[] coefficients(double[] parameters) {
        double[] c = new double[linearTerms()];
        for (int p = 0, j = 0; p < parameters.length; p++) {
            if (p != nonlinearIndex()) {
                c[j++] = parameters[p];
            }
        }
        return c;
    }

    /** The parameter vector (law order) of θ and the coefficients. */
    default double[] parameters(double theta, double[] coefficients) {
        double[] parameters = new double[linearTerms() + 1];
        for (int p = 0, j = 0; p < parameters.length; p++) {
            parameters[p] = p == nonlinearIndex() ? theta : coefficients[j++];
        }
        return parameters;
    }
}
