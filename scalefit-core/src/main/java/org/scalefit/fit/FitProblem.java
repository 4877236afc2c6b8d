package org.scalefit.fit;

import java.util.Objects;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.Parallelism;

/**
 * An Approach-3 fit to make (Hoffmann et al. 2022, §3.3; Besiroglu et al. 2024, eq. 2): minimise over
 * θ = [α<sub>1</sub>…α<sub>k</sub>, c<sub>1</sub>…c<sub>k</sub>, e] the Huber loss of log-loss residuals
 * <pre>
 *   Σ_i Huber_δ( logsumexp(c_1 − α_1·log x_i1, …, c_k − α_k·log x_ik, e) − log L_i )
 * </pre>
 * ({@link HuberLogLossObjective}) from every start of {@code grid}, as {@link MultiStartFitter} searches it. The
 * problem is a value; {@link #fit} solves it on an engine, and the engine changes no result ({@link Parallelism}).
 *
 * @param law          the law's form ({@link LawForm})
 * @param observations the points, in the law's input order
 * @param delta        the Huber threshold δ on log-loss residuals
 * @param grid         the starting points
 * @param options      the search's options (tolerances, polishing, optional early recognition)
 * @param limits       the physical limits on the inputs beyond which the data cannot identify the law
 *                     ({@link Identification})
 */
public record FitProblem(LawForm law, Observations observations, double delta, StartGrid grid,
                         MultiStartFitter.Options options, Identification.Limits limits) {

    public FitProblem {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(limits, "limits");
    }

    /** The problem under the default physical limits ({@link Identification.Limits#DEFAULTS}). */
    public FitProblem(LawForm law, Observations observations, double delta, StartGrid grid,
                      MultiStartFitter.Options options) {
        this(law, observations, delta, grid, options, Identification.Limits.DEFAULTS);
    }

    /** The problem with the default search options ({@link MultiStartFitter.Options#defaults()}). */
    public static FitProblem of(LawForm law, Observations observations, double delta, StartGrid grid) {
        return new FitProblem(law, observations, delta, grid, MultiStartFitter.Options.defaults());
    }

    /** The same problem searched with {@code next} options. */
    public FitProblem withOptions(MultiStartFitter.Options next) {
        return new FitProblem(law, observations, delta, grid, next, limits);
    }

    /** The same problem with other physical limits on the inputs ({@link Identification}). */
    public FitProblem withLimits(Identification.Limits next) {
        return new FitProblem(law, observations, delta, grid, options, next);
    }

    /** Solves the problem on {@code parallelism}, reporting finished starts to {@code progress}. */
    public LawFit fit(Parallelism parallelism, FitProgress progress) {
        return LawFit.fit(this, parallelism, progress);
    }
}
