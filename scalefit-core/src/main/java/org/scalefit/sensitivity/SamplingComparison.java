package org.scalefit.sensitivity;

import java.util.Arrays;
import java.util.Objects;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.Parallelism;

/**
 * How a params/tokens law changes when it is fitted on a reduced sample of the same runs (Gemstones'
 * Chinchilla-like reduced sampling): the law L = E + A/N^α + B/D^β fitted on the full table and on
 * the sample, with the same δ and start grid, and the change in exponents and in the allocation slopes
 * a = β/(α+β) (N_opt ∝ C^a) and b = α/(α+β) (D_opt ∝ C^b).
 *
 * @param name    what is compared (e.g. "ours sampled like the reference")
 * @param full    the fit on every run
 * @param reduced the fit on the sample
 */
public record SamplingComparison(String name, LawFit full, LawFit reduced) {

    public SamplingComparison {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(full, "full");
        Objects.requireNonNull(reduced, "reduced");
    }

    /** Fits the params/tokens law to both point sets (inputs [params, tokens]). */
    public static SamplingComparison fit(String name, Observations full, Observations reduced, double delta,
                                         StartGrid grid, MultiStartFitter.Options fitter, Parallelism parallelism,
                                         FitProgress progress) {
        LawFit fullFit = new FitProblem(LawForm.CHINCHILLA, full, delta, grid, fitter).fit(parallelism, progress);
        LawFit reducedFit = new FitProblem(LawForm.CHINCHILLA, reduced, delta, grid, fitter).fit(parallelism, progress);
        return new SamplingComparison(name, fullFit, reducedFit);
    }

    /** Whether both fits converged. */
    public boolean succeeded() {
        return full.succeeded() && reduced.succeeded();
    }

    /** Allocation slopes of the full fit (NaN if it failed). */
    public AllocationSlopes fullSlopes() {
        return AllocationSlopes.of(full);
    }

    /** Allocation slopes of the reduced fit (NaN if it failed). */
    public AllocationSlopes reducedSlopes() {
        return AllocationSlopes.of(reduced);
    }

    /** θ(reduced) − θ(full), θ = [α, β, ln A, ln B, ln E]; NaN if a fit failed. */
    public double[] parameterChange() {
        double[] change = new double[LawForm.CHINCHILLA.parameterCount()];
        if (!succeeded()) {
            Arrays.fill(change, Double.NaN);
            return change;
        }
        double[] before = full.parameters();
        double[] after = reduced.parameters();
        for (int i = 0; i < change.length; i++) {
            change[i] = after[i] - before[i];
        }
        return change;
    }

    /** a(reduced) − a(full): the change in the exponent of N_opt ∝ C^a. */
    public double paramsSlopeChange() {
        return reducedSlopes().params() - fullSlopes().params();
    }

    /** b(reduced) − b(full): the change in the exponent of D_opt ∝ C^b. */
    public double tokensSlopeChange() {
        return reducedSlopes().tokens() - fullSlopes().tokens();
    }
}
