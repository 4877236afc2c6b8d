package org.scalefit.law.expr;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LocalRefinement;
import org.scalefit.parallel.Parallelism;
import org.scalefit.uncertainty.ResamplingStream;
import org.scalefit.uncertainty.ResamplingUnits;

/**
 * The non-parametric pairs bootstrap of a fit of any {@link ExpressionLaw}, as Epoch AI run it for the Chinchilla law
 * (Besiroglu et al. 2024, §3; {@link org.scalefit.uncertainty.PairsBootstrap} for the built-in laws): B times,
 * resample the n points with replacement, refit the law's objective F(θ) = Σ_i m_i·w_i·ρ(r_i(θ)) (m_i the
 * multiplicity of point i in the resample, {@link ExpressionObjective#resampled}) from the point estimate θ̂ to a
 * tested local minimum ({@link LocalRefinement}: L-BFGS and Newton steps until the {@link
 * org.scalefit.fit.Stationarity} test holds), and keep the B parameter vectors θ*_1 … θ*_B. Fixed parameters stay fixed, tied
 * ones tied, bounded ones inside their bounds (the refit runs in the same transformed coordinates as the fit).
 *
 * <p>Every replicate starts from θ̂, so the bootstrap measures how the optimum of the point estimate's basin moves
 * when the data are resampled; where the objective has other near-optimal basins the spread can be understated.
 * A bounded parameter whose estimate sits on its bound, and a log-scale parameter whose estimate ran off towards 0,
 * are the exception: there the change of variables is saturated (dθ/du ≈ 0), so a refit from θ̂ could not move them
 * even where the resample's optimum lies inside the bound, or at a floor well above 0. Such a replicate is also
 * refitted from θ̂ with those parameters moved to where the transform responds ({@link ParameterSpec#inward}: just
 * inside the bound, or the smallest start), and the better of the two refits is kept (a tested minimum first, then
 * the lower objective, which may lie in another basin).
 * Resamples are drawn up front from the seed (NumPy's legacy stream, {@link ResamplingStream#NUMPY_RANDOM_STATE});
 * replicate r depends only on (seed, r), so the result does not depend on the number of threads.
 *
 * @param estimate   the fit whose optimum every replicate starts from
 * @param data       the points it was fitted to
 * @param replicates B ≥ 2
 * @param seed       seed of the resampling stream
 */
public record ExpressionBootstrap(ExpressionFit estimate, LawPoints data, int replicates, long seed) {

    /**
     * How the replicates are refitted and which of them the intervals are taken over: part of the results store's
     * key of a bootstrapped fit, so that a document made by an earlier rule is not served (before 2026-12-06 the
     * intervals were taken over every replicate, converged or not, and a parameter on its bound, or run off towards
     * 0 on the log scale, was refitted from there only).
     */
    public static final String REVISION = "converged-intervals-inward-refits-3";

    /** Evaluations one refit may spend before it is reported as not stationary. */
    static final long REFIT_EVALUATIONS = 200_000;

    public ExpressionBootstrap {
        data = data.weighted(); // the points the fit used: one of weight 0 is left out, as the fit left it out
        if (replicates < 2) {
            throw new IllegalArgumentException("need at least 2 bootstrap replicates, was " + replicates);
        }
        if (!estimate.hasOptimum()) {
            throw new IllegalArgumentException("cannot bootstrap a fit that has no optimum (" + estimate.status()
                    .label() + ")");
        }
        if (data.size() != estimate.points()) {
            throw new IllegalArgumentException("the fit has " + estimate.points() + " points, the data "
                    + data.size());
        }
    }

    /** Runs the B refits on {@code parallelism}, telling {@code progress} of each finished replicate. */
    public ExpressionBootstrapResult run(Parallelism parallelism, FitProgress progress) {
        ExpressionObjective full = ExpressionObjective.of(estimate.law(), data);
        int n = data.size();
        int[][] counts = ResamplingUnits.points(n).multiplicities(ResamplingStream.NUMPY_RANDOM_STATE, seed,
                replicates);
        double[] from = estimate.search().best().point();
        double[] inward = full.space().inward(from);
        boolean saturated = !Arrays.equals(from, inward);
        boolean nothingFree = full.dimension() == 0;
        List<Replicate> refits = parallelism.map(replicates, r -> {
            ExpressionObjective objective = full.resampled(counts[r]);
            if (nothingFree) {
                return new Replicate(objective.theta(from), true); // every parameter fixed: nothing to refit
            }
            LocalRefinement.Refined refined = LocalRefinement.refine(objective, from, REFIT_EVALUATIONS);
            if (saturated) {
                LocalRefinement.Refined fromInside = LocalRefinement.refine(objective, inward, REFIT_EVALUATIONS);
                if (better(fromInside, refined)) {
                    refined = fromInside;
                }
            }
            return new Replicate(objective.theta(refined.point()), refined.stationarity().holds());
        }, r -> progress.advance(1));
        double[][] parameters = new double[replicates][];
        boolean[] stationary = new boolean[replicates];
        for (int r = 0; r < replicates; r++) {
            parameters[r] = refits.get(r).theta;
            stationary[r] = refits.get(r).stationary;
        }
        return new ExpressionBootstrapResult(estimate.law(), estimate.parameters(), parameters, stationary, seed);
    }

    /** A tested minimum beats an untested point; between two of a kind, the lower objective wins. */
    private static boolean better(LocalRefinement.Refined candidate, LocalRefinement.Refined incumbent) {
        boolean stationary = candidate.stationarity().holds();
        if (stationary != incumbent.stationarity().holds()) {
            return stationary;
        }
        return candidate.value() < incumbent.value();
    }

    private record Replicate(double[] theta, boolean stationary) implements Serializable {
    }
}
