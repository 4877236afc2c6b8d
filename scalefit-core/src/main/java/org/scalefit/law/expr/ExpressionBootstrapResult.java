package org.scalefit.law.expr;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.law.Allocation;
import org.scalefit.uncertainty.BootstrapResult;

/**
 * The B parameter vectors of an {@link ExpressionBootstrap}, and the percentile intervals they give: for a parameter,
 * for the predicted loss L̂(x) at a point, and for the compute-optimal allocation of a two-input law. A central
 * interval at coverage {@code level} (in (0, 1)) is [q<sub>(1−level)/2</sub>, q<sub>(1+level)/2</sub>] of the B
 * replicate values, quantiles interpolated linearly (NumPy's default), as Epoch AI report theirs.
 *
 * <p>The intervals come from the replicates whose refit converged ({@link #converged()}) alone. A refit that ran out
 * of its evaluation budget stopped somewhere between θ̂, where it started, and its resample's optimum — usually
 * next to θ̂ when the law is badly scaled (a coefficient of 10⁶ fitted on the linear scale) — so its θ*_r estimates
 * nothing, and counting it would narrow the intervals towards θ̂. With fewer than two converged refits there are no
 * intervals (NaN).
 *
 * @param law        the law
 * @param estimate   θ̂, the point estimate every replicate started from
 * @param replicates θ*_r, one row per replicate, all of the law's parameters (fixed and tied ones included)
 * @param stationary whether each replicate's refit ended at a tested local minimum
 * @param seed       the seed of the resamples
 */
public record ExpressionBootstrapResult(ExpressionLaw law, double[] estimate, double[][] replicates,
                                        boolean[] stationary, long seed) {

    public ExpressionBootstrapResult {
        estimate = estimate.clone();
        double[][] copy = new double[replicates.length][];
        for (int r = 0; r < copy.length; r++) {
            copy[r] = replicates[r].clone();
        }
        replicates = copy;
        stationary = stationary.clone();
        if (stationary.length != replicates.length) {
            throw new IllegalArgumentException(stationary.length + " refit outcomes for " + replicates.length
                    + " replicates");
        }
    }

    /** B. */
    public int count() {
        return replicates.length;
    }

    /** How many refits ended at a tested local minimum (the others ran out of their evaluation budget). */
    public int converged() {
        int count = 0;
        for (boolean holds : stationary) {
            count += holds ? 1 : 0;
        }
        return count;
    }

    @Override
    public boolean[] stationary() {
        return stationary.clone();
    }

    @Override
    public double[] estimate() {
        return estimate.clone();
    }

    @Override
    public double[][] replicates() {
        double[][] copy = new double[replicates.length][];
        for (int r = 0; r < copy.length; r++) {
            copy[r] = replicates[r].clone();
        }
        return copy;
    }

    /**
     * Per parameter (in the law's order), the central interval {low, high} at coverage {@code level} over the
     * converged replicates ({NaN, NaN} if fewer than two converged).
     */
    public double[][] parameterIntervals(double level) {
        double[][] draws = convergedReplicates();
        double lowerTail = lowerTail(level);
        int count = estimate.length;
        double[][] out = new double[count][];
        for (int p = 0; p < count; p++) {
            out[p] = new double[] {Double.NaN, Double.NaN};
        }
        if (draws.length < 2) {
            return out;
        }
        double[] low = BootstrapResult.percentile(draws, 100 * lowerTail);
        double[] high = BootstrapResult.percentile(draws, 100 * (1 - lowerTail));
        for (int p = 0; p < count; p++) {
            out[p] = new double[] {low[p], high[p]};
        }
        return out;
    }

    /**
     * The central interval {low, high} of L̂(x) over the converged replicates, at coverage {@code level}; {NaN, NaN}
     * if fewer than two converged, or if the law is not finite at x for one of them (an interval over the others
     * would be silently narrower than the replicates say).
     */
    public double[] predictionInterval(double[] inputs, double level) {
        double[][] draws = convergedReplicates();
        double lowerTail = lowerTail(level);
        if (draws.length < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[][] losses = new double[draws.length][1];
        for (int r = 0; r < draws.length; r++) {
            losses[r][0] = law.predict(inputs, draws[r]);
            if (!Double.isFinite(losses[r][0])) {
                return new double[] {Double.NaN, Double.NaN};
            }
        }
        return interval(losses, lowerTail, 0);
    }

    /**
     * The central intervals of the compute-optimal N, D and L̂ at budget C = 6·N·D ({@link ExpressionAllocation}),
     * at coverage {@code level}, over the converged replicates that have an allocation there; {@code skipped} counts
     * the replicates left out: those whose refit did not converge, and those with no allocation at C (a law not
     * finite along the budget line, or with no interior optimum on it). NaN if fewer than two are left.
     *
     * @param params which of the two inputs is the parameter count
     */
    public AllocationInterval allocationInterval(int params, double compute, double level) {
        double lowerTail = lowerTail(level);
        List<double[]> rows = new ArrayList<>();
        int skipped = 0;
        for (int r = 0; r < replicates.length; r++) {
            double[] theta = replicates[r];
            if (!stationary[r]) {
                skipped++;
                continue;
            }
            try {
                Allocation allocation = ExpressionAllocation.optimal(law, params, theta, compute);
                rows.add(new double[] {allocation.params(), allocation.tokens(), allocation.predictedLoss()});
            } catch (IllegalArgumentException e) {
                skipped++;
            }
        }
        if (rows.size() < 2) {
            return new AllocationInterval(compute, new double[] {Double.NaN, Double.NaN},
                    new double[] {Double.NaN, Double.NaN}, new double[] {Double.NaN, Double.NaN}, skipped);
        }
        double[][] draws = rows.toArray(double[][]::new);
        return new AllocationInterval(compute, interval(draws, lowerTail, 0), interval(draws, lowerTail, 1),
                interval(draws, lowerTail, 2), skipped);
    }

    /**
     * Central intervals {low, high} of the compute-optimal parameters, tokens and loss at one budget.
     *
     * @param compute C in FLOPs
     * @param params  N_opt interval
     * @param tokens  D_opt interval
     * @param loss    L̂(N_opt, D_opt) interval
     * @param skipped replicates left out: not converged, or with no allocation at C
     */
    public record AllocationInterval(double compute, double[] params, double[] tokens, double[] loss, int skipped) {
    }

    private static double[] interval(double[][] draws, double lowerTail, int column) {
        double low = BootstrapResult.percentile(draws, 100 * lowerTail)[column];
        double high = BootstrapResult.percentile(draws, 100 * (1 - lowerTail))[column];
        return new double[] {low, high};
    }

    private double[][] convergedReplicates() {
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < replicates.length; r++) {
            if (stationary[r]) {
                rows.add(replicates[r]);
            }
        }
        return rows.toArray(double[][]::new);
    }

    private static double lowerTail(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("coverage level must be in (0, 1), was " + level);
        }
        return (1 - level) / 2;
    }
}
