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

    /** Per parameter (in the law's order), the central interval {low, high} at coverage {@code level}. */
    public double[][] parameterIntervals(double level) {
        double[] low = BootstrapResult.percentile(replicates, 100 * lowerTail(level));
        double[] high = BootstrapResult.percentile(replicates, 100 * (1 - lowerTail(level)));
        double[][] out = new double[low.length][];
        for (int p = 0; p < low.length; p++) {
            out[p] = new double[] {low[p], high[p]};
        }
        return out;
    }

    /** The central interval {low, high} of L̂(x) over the replicates, at coverage {@code level}. */
    public double[] predictionInterval(double[] inputs, double level) {
        double[][] losses = new double[replicates.length][1];
        for (int r = 0; r < replicates.length; r++) {
            losses[r][0] = law.predict(inputs, replicates[r]);
        }
        return interval(losses, level, 0);
    }

    /**
     * The central intervals of the compute-optimal N, D and L̂ at budget C = 6·N·D ({@link ExpressionAllocation}),
     * at coverage {@code level}, over the replicates that have an allocation there; {@code skipped} counts those that
     * do not (a replicate whose law is not finite along the budget line).
     *
     * @param params which of the two inputs is the parameter count
     */
    public AllocationInterval allocationInterval(int params, double compute, double level) {
        List<double[]> rows = new ArrayList<>();
        int skipped = 0;
        for (double[] theta : replicates) {
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
        return new AllocationInterval(compute, interval(draws, level, 0), interval(draws, level, 1),
                interval(draws, level, 2), skipped);
    }

    /**
     * Central intervals {low, high} of the compute-optimal parameters, tokens and loss at one budget.
     *
     * @param compute C in FLOPs
     * @param params  N_opt interval
     * @param tokens  D_opt interval
     * @param loss    L̂(N_opt, D_opt) interval
     * @param skipped replicates with no allocation at C, left out
     */
    public record AllocationInterval(double compute, double[] params, double[] tokens, double[] loss, int skipped) {
    }

    private static double[] interval(double[][] draws, double level, int column) {
        double low = BootstrapResult.percentile(draws, 100 * lowerTail(level))[column];
        double high = BootstrapResult.percentile(draws, 100 * (1 - lowerTail(level)))[column];
        return new double[] {low, high};
    }

    private static double lowerTail(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("coverage level must be in (0, 1), was " + level);
        }
        return (1 - level) / 2;
    }
}
