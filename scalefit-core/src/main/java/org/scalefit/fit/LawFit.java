package org.scalefit.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.data.InputRange;
import org.scalefit.data.Observations;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.Parallelism;

/**
 * A law fitted by {@link MultiStartFitter} ({@link FitProblem#fit}): the optimum in the law's own terms, with the
 * search that found it, the evidence that it is a minimum, and the warnings about it. The data's {@link
 * Identification} is checked first: on data that cannot identify the law no search is run and the status is
 * {@link Status#NOT_IDENTIFIED}.
 *
 * @param law            the law's form
 * @param delta          the Huber threshold δ of the objective
 * @param points         how many points were fitted
 * @param identification whether the data can identify the law (checked before the search)
 * @param search         the multi-start search (no starts when the data do not identify the law)
 * @param warnings       why the law is not identified, {@link FitDiagnostics} findings, and what the search could
 *                       not establish; empty when nothing looks wrong
 * @param range          the range of the fitted points, against which a use of the law is judged an extrapolation;
 *                       null when there were no points
 * @param edges          the parameters at whose edge of the objective's domain the optimum lies ({@link DomainEdge},
 *                       coordinates of θ), found at a tested optimum (converged or budget cut); empty otherwise
 */
public record LawFit(LawForm law, double delta, int points, Identification identification, MultiStartResult search,
                     List<String> warnings, InputRange range, List<DomainEdge> edges) {

    /**
     * The revision of the warnings a fit carries beyond the search's own (identification cautions, {@link
     * FitDiagnostics}) and of what its document records beside them (the fitted runs' shapes with their params, since
     * {@code counted-shapes}): part of the results store's key, so that a stored fit is not served without a warning
     * or record the current rules would give.
     */
    public static final String DIAGNOSTICS_REVISION = "step-overflow-few-distinct-points-tokens-per-param-"
            + "data-range-counts-budget-cut-exact-fit-flat-narrow-range-competing-exact-fit-far-points-"
            + "domain-edge-counted-shapes-12";

    /** How a fit ended. */
    public enum Status {
        /**
         * The data cannot identify the law ({@link Identification}: too few points or distinct values, a constant
         * input, nearly collinear inputs, values outside physical ranges); no search was run.
         */
        NOT_IDENTIFIED("not_identified"),
        /** Some start converged and the reported optimum passed the {@link Stationarity} test. */
        CONVERGED("converged"),
        /** Some start converged, but the best point found is not a tested local minimum (see the warnings). */
        NOT_STATIONARY("not_stationary"),
        /**
         * The best point found is a tested local minimum, but the evaluation budget stopped other starts before they
         * converged ({@link MultiStartResult#budgetCut()}): the search did not run every start to its end, so a
         * lower optimum may have been missed and the point is not the search's answer.
         */
        BUDGET_CUT("budget_cut"),
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

        /**
         * How a fit ended: data that do not identify the law, a search with no optimum, one that failed the
         * {@link Stationarity} test, a tested one of a search the budget cut short, or a tested one.
         */
        public static Status of(Identification identification, MultiStartResult search) {
            if (!identification.identified()) {
                return NOT_IDENTIFIED;
            }
            if (!search.found()) {
                return NO_START_CONVERGED;
            }
            if (!search.converged()) {
                return NOT_STATIONARY;
            }
            return search.budgetCut() ? BUDGET_CUT : CONVERGED;
        }
    }

    public LawFit {
        warnings = List.copyOf(warnings);
        edges = List.copyOf(edges);
    }

    /**
     * Solves {@code problem} on {@code parallelism}: if the data can identify the law under the problem's limits, the
     * search, then the diagnostics of what it found; otherwise {@link Status#NOT_IDENTIFIED} without searching.
     */
    public static LawFit fit(FitProblem problem, Parallelism parallelism, FitProgress progress) {
        LawForm law = problem.law();
        Observations observations = problem.observations();
        double delta = problem.delta();
        StartGrid grid = problem.grid();
        Identification identification = Identification.of(law, observations, problem.limits());
        if (!identification.identified()) {
            progress.advance(grid.size());
            return new LawFit(law, delta, observations.size(), identification, withoutSearch(grid),
                    identification.warnings(), InputRange.of(observations), List.of());
        }
        HuberLogLossObjective objective = HuberLogLossObjective.of(law, observations, delta);
        MultiStartResult search = new MultiStartFitter(problem.options()).fit(objective, grid, parallelism, progress);
        List<String> warnings = new ArrayList<>();
        List<DomainEdge> edges = search.found() && search.stationarity().holds()
                ? DomainEdge.of(objective, search.best().point()) : List.of();
        String budget = search.budgetWarning(problem.options().settings().maxEvaluations());
        if (!search.found()) {
            warnings.add(String.format(Locale.ROOT, "failed: no start converged (%d starts, %d objective evaluations)",
                    search.starts(), search.evaluations()));
            if (budget != null) {
                warnings.add(budget);
            }
        } else {
            if (!search.stationarity().holds()) {
                warnings.add(search.stationarity().warning());
            }
            if (budget != null) {
                warnings.add(budget);
            }
            warnings.addAll(identification.cautions());
            for (DomainEdge edge : edges) {
                warnings.add(edge.warning(FitDiagnostics.parameterName(law, edge.coordinate())));
            }
            warnings.addAll(FitDiagnostics.warnings(law, search.best().point(), observations, search.leaders(),
                    EquallyGood.of(search.leaders().get(0).value(), objective.roundingLevel(),
                            objective.exactFitLevel())));
            if (search.secondBest() != null) {
                warnings.add(FitDiagnostics.competing(law, search.best(), search.secondBest()));
            }
            String far = farPointsWarning(law, search.best().point(), observations);
            if (far != null) {
                warnings.add(far);
            }
        }
        return new LawFit(law, delta, observations.size(), identification, search, warnings,
                InputRange.of(observations), edges);
    }

    /**
     * The {@link FarResiduals} warning for parameters {@code theta}, naming each far point by its position among the
     * points fitted, its inputs, its loss and the law's; null when no point is far.
     */
    static String farPointsWarning(LawForm law, double[] theta, Observations observations) {
        FarResiduals residuals = FarResiduals.of(law, theta, observations);
        if (residuals.far().isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        double[] logs = new double[law.arity()];
        for (int i = 0; i < observations.size(); i++) {
            StringBuilder name = new StringBuilder("point " + (i + 1) + " (");
            for (int j = 0; j < law.arity(); j++) {
                logs[j] = Math.log(observations.input(i, j));
                name.append(String.format(Locale.ROOT, "%s%s = %.4g", j == 0 ? "" : ", ",
                        observations.inputNames().get(j), observations.input(i, j)));
            }
            names.add(name.append(String.format(Locale.ROOT, ": loss %.4g, law %.4g)", observations.loss(i),
                    Math.exp(law.logPrediction(theta, logs)))).toString());
        }
        return "far points: " + residuals.warning(names);
    }

    /** The record of a search that was not run (the data do not identify the law): no starts, no optimum. */
    public static MultiStartResult withoutSearch(StartGrid grid) {
        return new MultiStartResult(grid, null, null, false, 0, 0, 0, 0, 0, 0, List.of(), null, null);
    }

    /**
     * This fit with {@code caution} added to its warnings, e.g. what the table outside the law's inputs says about the
     * points ({@link org.scalefit.data.RepeatedTokens}); the status, search and parameters are unchanged.
     */
    public LawFit withCaution(String caution) {
        List<String> more = new ArrayList<>(warnings);
        more.add(caution);
        return new LawFit(law, delta, points, identification, search, more, range, edges);
    }

    /** How the fit ended. */
    public Status status() {
        return Status.of(identification, search);
    }

    /** True if the fit converged to a tested local minimum ({@link Status#CONVERGED}). */
    public boolean succeeded() {
        return status() == Status.CONVERGED;
    }

    /** True if there is a best point to report (converged, or reported as not stationary). */
    public boolean hasOptimum() {
        return search.found();
    }

    /**
     * The optimum as a {@link FittedLaw}, carrying this fit's warnings with it.
     *
     * @throws IllegalStateException if there is no optimum ({@link #hasOptimum()} is false)
     */
    public FittedLaw fitted() {
        if (!hasOptimum()) {
            throw new IllegalStateException("the fit of " + law.name() + " has no optimum (status " + status().label()
                    + ")");
        }
        return new FittedLaw(law, parameters(), warnings);
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
