package org.scalefit.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-parameter t-tests of an estimate θ̂ against reference values θ₀ with bootstrap standard errors, as Epoch AI
 * test their fit against Hoffmann et al.'s (Besiroglu et al. 2024, §3; {@code data_analysis.ipynb}, the cell after
 * the 95 % intervals):
 * <pre>
 *   t_j = (θ̂_j − θ₀_j) / se_j,   ν = n − p,   p_j = 2·P(T_ν ≥ |t_j|)
 * </pre>
 * with n the number of fitted points and p the number of law parameters (240 − 5 = 235 for Epoch's data).
 *
 * <p>Two parameterisations, as {@link BootstrapResult} has them. <b>Untransformed</b> (what the notebook tests):
 * θ = [α_1 … α_k, e^{c_1} … e^{c_k}, e^e] (Chinchilla [α, β, A, B, E]), se the square roots of the diagonal of the
 * covariance of the exponentiated bootstrap draws. <b>Log space</b>: θ = [α_1 … α_k, c_1 … c_k, e], se from the
 * log-space covariance (the one the Wald test uses). The exponents are the same in both; only the coefficient and
 * floor tests differ.
 *
 * @param untransformed     whether θ, θ₀ and se are untransformed (else log space)
 * @param estimate          θ̂ in that parameterisation
 * @param reference         θ₀ in that parameterisation
 * @param standardErrors    se in that parameterisation
 * @param tests             one two-sided t-test per parameter, in θ's order
 */
public record ParameterTests(boolean untransformed, double[] estimate, double[] reference, double[] standardErrors,
                             List<TestStatistic> tests) {

    public ParameterTests {
        estimate = estimate.clone();
        reference = reference.clone();
        standardErrors = standardErrors.clone();
        tests = List.copyOf(tests);
    }

    @Override
    public double[] estimate() {
        return estimate.clone();
    }

    @Override
    public double[] reference() {
        return reference.clone();
    }

    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /**
     * The notebook's tests: untransformed θ̂ and θ₀ (given here as the law's log-space θ) with the untransformed
     * bootstrap standard errors, on {@code points} fitted points.
     */
    public static ParameterTests untransformed(double[] estimate, double[] reference, BootstrapResult bootstrap,
                                               int points) {
        int arity = bootstrap.law().arity();
        return of(true, BootstrapResult.untransform(estimate, arity), BootstrapResult.untransform(reference, arity),
                bootstrap.untransformedStandardErrors(), points);
    }

    /** The same tests in log space, with the log-space bootstrap standard errors. */
    public static ParameterTests logSpace(double[] estimate, double[] reference, BootstrapResult bootstrap,
                                          int points) {
        return of(false, estimate, reference, bootstrap.standardErrors(), points);
    }

    private static ParameterTests of(boolean untransformed, double[] estimate, double[] reference,
                                     double[] standardErrors, int points) {
        int p = standardErrors.length;
        if (estimate.length != p || reference.length != p) {
            throw new IllegalArgumentException("estimate, reference and standard errors need " + p
                    + " parameters each, got " + estimate.length + " and " + reference.length);
        }
        if (points <= p) {
            throw new IllegalArgumentException("t-tests need more points than parameters: " + points + " points, "
                    + p + " parameters");
        }
        List<TestStatistic> tests = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            if (!(standardErrors[j] > 0) || Double.isInfinite(standardErrors[j])) {
                throw new IllegalArgumentException("parameter " + j + " has bootstrap standard error "
                        + standardErrors[j] + ": the t-test needs a positive, finite one");
            }
            tests.add(TestStatistic.studentTwoSided((estimate[j] - reference[j]) / standardErrors[j], points - p));
        }
        return new ParameterTests(untransformed, estimate, reference, standardErrors, tests);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterTests that && untransformed == that.untransformed
                && Arrays.equals(estimate, that.estimate) && Arrays.equals(reference, that.reference)
                && Arrays.equals(standardErrors, that.standardErrors) && tests.equals(that.tests);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(untransformed, Arrays.hashCode(estimate), Arrays.hashCode(reference),
                Arrays.hashCode(standardErrors), tests);
    }

    @Override
    public String toString() {
        return "ParameterTests[" + (untransformed ? "untransformed" : "log space") + ", " + tests + "]";
    }
}
