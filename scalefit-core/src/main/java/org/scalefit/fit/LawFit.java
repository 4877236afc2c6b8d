package org.scalefit.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.data.Observations;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.Parallelism;

/**
 * A law fitted by {@link MultiStartFitter} ({@link FitProblem#fit}): the optimum in the law's own terms, with the
 * search that found it, the evidence that it is a minimum, and the warnings about it.
 *
 * @param law       the law's form
 * @param delta     the Huber threshold δ of the objective
 * @param points    how many points were fitted
 * @param search    the multi-start search
 * @param warnings  {@link FitDiagnostics} findings, and what the search could not establish; empty when nothing
 *                  looks wrong
 */
public record LawFit(LawForm law, double delta, int points, MultiStartResult search, List<String> warnings) {

    /** How a fit ended. */
    public enum Status {
        /** Some start converged and the reported optimum passed the {@link Stationarity} test. */
        CONVERGED("converged"),
        /** Some start converged, but the best point found is not a tested local minimum (see the warnings). */
        NOT_STATIONARY("not_stationary"),
        /** No start converged (e.g. within its evaluation budget): there is no optimum to report. */
        NO_START_CONVERGED("no_start_converged");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The name used in result documents. */
        public String label() {
            return label;
        }

        /** How a search ended: no optimum, one that failed the {@link Stationarity} test, or a tested one. */
        public static Status of(MultiStartResult search) {
            if (!search.found()) {
                return NO_START_CONVERGED;
            }
            return search.converged() ? CONVERGED : NOT_STATIONARY;
        }
    }

    public LawFit {
        warnings = List.copyOf(warnings);
    }

    /** Solves {@code problem} on {@code parallelism}: the search, then the diagnostics of what it found. */
    public static LawFit fit(FitProblem problem, Parallelism parallelism, FitProgress progress) {
        LawForm law = problem.law();
        Observations observations = problem.observations();
        HuberLogLossObjective objective = HuberLogLossObjective.of(law, observations, problem.delta());
        MultiStartResult search = new MultiStartFitter(problem.options()).fit(objective, problem.grid(),
                parallelism, progress);
        List<String> warnings = new ArrayList<>();
        if (!search.found()) {
            warnings.add(String.format(Locale.ROOT, "failed: no start converged (%d starts, %d objective evaluations)",
                    search.starts(), search.evaluations()));
        } else {
            if (!search.stationarity().holds()) {
                warnings.add(search.stationarity().warning());
            }
            warnings.addAll(FitDiagnostics.warnings(law, search.best().point(), observations, search.leaders()));
            if (search.secondBest() != null) {
                warnings.add(FitDiagnostics.competing(law, search.best(), search.secondBest()));
            }
        }
        return new LawFit(law, problem.delta(), observations.size(), search, warnings);
    }

    /** How the fit ended. */
    public Status status() {
        return Status.of(search);
    }

    /** True if the fit converged to a tested local minimum ({@link Status#CONVERGED}). */
    public boolean succeeded() {
        return status() == Status.CONVERGED;
    }

    /** True if there is a best point to report (converged, or reported as not stationary). */
    public boolean hasOptimum() {
        return search.found();
    }

    /** The best objective value. */
    public double loss() {
        return search.best().value();
    }

    /**
     * The fitted law: the form with θ, for prediction and allocation.
     *
     * @throws IllegalStateException if no start converged ({@link #hasOptimum()} is false)
     */
    public FittedLaw fittedLaw() {
        if (!hasOptimum()) {
            throw new IllegalStateException("no start converged: the fit has no optimum");
        }
        return new FittedLaw(law, parameters());
    }

    /**
     * θ by name, in θ's order: log space as {@link LawForm#parameterNames(boolean)} names it
     * ({@code alpha, beta, log_A, log_B, log_E} for the params/tokens law).
     *
     * @throws IllegalStateException if no start converged
     */
    public Map<String, Double> namedParameters() {
        double[] theta = fittedLaw().theta();
        List<String> names = law.parameterNames(false);
        Map<String, Double> named = new LinkedHashMap<>();
        for (int j = 0; j < theta.length; j++) {
            named.put(names.get(j), theta[j]);
        }
        return Collections.unmodifiableMap(named);
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
