package org.scalefit.fit;

import java.util.Arrays;
import java.util.List;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

/**
 * A law fitted by {@link MultiStartFitter}: the optimum in the law's own terms, with the search that found it and
 * the warnings about it.
 *
 * @param law       the law's form
 * @param delta     the Huber threshold δ of the objective
 * @param points    how many points were fitted
 * @param search    the multi-start search
 * @param warnings  {@link FitDiagnostics} findings; empty when nothing looks degenerate
 */
public record LawFit(LawForm law, double delta, int points, MultiStartResult search, List<String> warnings) {

    public LawFit {
        warnings = List.copyOf(warnings);
    }

    /** Fits {@code law} to {@code observations} with the given objective threshold, grid and engine. */
    public static LawFit fit(LawForm law, Observations observations, double delta, StartGrid grid,
                             MultiStartFitter fitter, Parallelism parallelism, FitProgress progress) {
        HuberLogLossObjective objective = HuberLogLossObjective.of(law, observations, delta);
        MultiStartResult search = fitter.fit(objective, grid, parallelism, progress);
        List<String> warnings = search.found()
                ? FitDiagnostics.warnings(law, search.best().point(), observations, search.leaders())
                : List.of("failed: no start converged");
        return new LawFit(law, delta, observations.size(), search, warnings);
    }

    /** True if some start converged. */
    public boolean succeeded() {
        return search.found();
    }

    /** The best objective value. */
    public double loss() {
        return search.best().value();
    }

    /** θ = [α_1..α_k, c_1..c_k, e]. */
    public double[] parameters() {
        return search.best().point();
    }

    /** α_1..α_k. */
    public double[] exponents() {
        return Arrays.copyOfRange(parameters(), 0, law.arity());
    }

    /** c_1..c_k = log of the coefficients. */
    public double[] logCoefficients() {
        return Arrays.copyOfRange(parameters(), law.arity(), 2 * law.arity());
    }

    /** e = log E. */
    public double logIrreducibleError() {
        return parameters()[2 * law.arity()];
    }
}
