package org.scalefit.law;

import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link LawForm} with its fitted parameters θ = [α<sub>1</sub>…α<sub>k</sub>, c<sub>1</sub>…c<sub>k</sub>, e]
 * (coefficients and irreducible error in log space, as the studies store them): the law a fit file holds.
 *
 * @param form  the law's form and input names
 * @param theta its 2k+1 parameters, finite
 */
public record FittedLaw(LawForm form, double[] theta) {

    public FittedLaw {
        Objects.requireNonNull(form, "form");
        theta = theta.clone();
        if (theta.length != form.parameterCount()) {
            throw new IllegalArgumentException("law " + form.name() + " has " + form.parameterCount()
                    + " parameters, got " + theta.length);
        }
        for (double value : theta) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("law parameters must be finite, got " + Arrays.toString(theta));
            }
        }
    }

    /** θ, a copy. */
    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** α<sub>j</sub>, the exponent of input j. */
    public double exponent(int input) {
        return theta[input];
    }

    /** c<sub>j</sub>, the log coefficient of input j. */
    public double logCoefficient(int input) {
        return theta[form.arity() + input];
    }

    /** e, the log irreducible error. */
    public double logIrreducibleError() {
        return theta[2 * form.arity()];
    }

    /** L̂ at the inputs, in the order of {@link LawForm#inputs()}. */
    public double predict(double... inputs) {
        return form.predict(theta, inputs);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FittedLaw law && form.equals(law.form) && Arrays.equals(theta, law.theta);
    }

    @Override
    public int hashCode() {
        return 31 * form.hashCode() + Arrays.hashCode(theta);
    }

    @Override
    public String toString() {
        return form.name() + Arrays.toString(theta);
    }
}
