package org.scalefit.law.expr;

import java.util.List;
import java.util.Map;
import org.scalefit.fit.DomainEdge;
import org.scalefit.fit.Identification;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartResult;

/**
 * A fitted {@link ExpressionLaw}: every parameter's value (fixed and tied ones included), the objective there, and
 * the search that found it.
 *
 * @param law        the law and its controls
 * @param points     how many points were fitted
 * @param identification whether the data can identify the law ({@link Identification}, checked before the
 *                   search, which is not run when they cannot)
 * @param objective  F at the best point (NaN if nothing converged)
 * @param parameters θ at the optimum, in the order of the law's parameters (empty if nothing converged)
 * @param search     the multi-start search, in the optimiser's coordinates
 * @param warnings   what looks degenerate (a parameter on its bound; "edge: …" for one at an edge of the law's
 *                   domain; "implausible: …" for one outside the meaning the law gives it, {@link ParameterMeaning};
 *                   a parameter far beyond its start values, or
 *                   running off to 0 or ∞ on the log scale; a law that turns non-positive beyond the data), "not
 *                   converged: …" if the best point failed the stationarity test, "competing basin: …" if another
 *                   optimum is almost as good; "failed: …" if nothing converged; "not identified: …" for each failed
 *                   {@link Identification} rule
 * @param notIdentified the parameters the data do not determine (named in the warnings): those in which optima as
 *                   good as the best differ (a flat direction), and log-scale parameters that an e-fold change
 *                   leaves the objective indifferent to; refits from the optimum barely move them, so their bootstrap
 *                   intervals are not uncertainties
 * @param edges      the parameters at whose edge of the law's domain the optimum lies ({@link DomainEdge}, in the
 *                   law's parameters: {@link DomainEdge#coordinate()} indexes θ, the values and slope ∂F/∂θ are θ's),
 *                   found at a tested optimum (converged or budget cut); the data want each there, and it is not
 *                   among {@code notIdentified} for being flat
 */
public record ExpressionFit(ExpressionLaw law, int points, Identification identification, double objective,
                            double[] parameters,
                            MultiStartResult search, List<String> warnings, List<String> notIdentified,
                            List<DomainEdge> edges) {

    public ExpressionFit {
        parameters = parameters.clone();
        warnings = List.copyOf(warnings);
        notIdentified = List.copyOf(notIdentified);
        edges = List.copyOf(edges);
    }

    /**
     * This fit with {@code caution} added to its warnings, e.g. what the table outside the law's inputs says about
     * the points ({@link org.scalefit.data.RepeatedTokens}); the status, search and parameters are unchanged.
     */
    public ExpressionFit withCaution(String caution) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(caution);
        return new ExpressionFit(law, points, identification, objective, parameters, search, more, notIdentified,
                edges);
    }

    /** How the fit ended (as for the built-in laws, {@link LawFit.Status}). */
    public LawFit.Status status() {
        return LawFit.Status.of(identification, search);
    }

    /** True if the fit converged to a tested local minimum ({@link LawFit.Status#CONVERGED}). */
    public boolean succeeded() {
        return status() == LawFit.Status.CONVERGED;
    }

    /** True if there is a best point to report (converged, or reported as not stationary). */
    public boolean hasOptimum() {
        return search.found();
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** The parameters by name, in order. */
    public Map<String, Double> named() {
        return law.named(parameters);
    }

    /** The value of the named parameter. */
    public double parameter(String name) {
        int p = law.parameterNames().indexOf(name);
        if (p < 0) {
            throw new IllegalArgumentException("law " + law.name() + " has no parameter '" + name + "'");
        }
        return parameters[p];
    }

    /** L̂ at inputs x, in the order of the law's inputs. */
    public double predict(double... inputs) {
        return law.predict(inputs, parameters);
    }
}
