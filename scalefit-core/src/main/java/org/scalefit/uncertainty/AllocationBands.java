package org.scalefit.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.scalefit.law.Allocation;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.law.LawForm;

/**
 * The uncertainty of the compute-optimal allocation a params/tokens law implies: for each budget C, the allocation of
 * every bootstrap replicate θ_r by Chinchilla's eq. 4 ({@link ComputeOptimalAllocation}: N_opt = G·(C/6)^a,
 * D_opt = G⁻¹·(C/6)^b, D/N = G⁻²·(C/6)^(b−a)), summarised by its median and a central percentile band, each
 * quantity (N_opt, D_opt, D/N, predicted loss) on its own ({@code np.percentile}'s linear interpolation). This is
 * Epoch AI's tokens-per-parameter band (Besiroglu et al. 2024, cells 63–69), with bootstrap replicates in place of
 * their draws from a normal approximation.
 *
 * <p>A replicate whose law has no allocation (a non-positive exponent) is left out of every band and listed in
 * {@link #unusableReplicates()}. A law that is not on (params, tokens) — the width–depth laws — has no closed-form
 * allocation: the bands are empty and {@link #skipped()} says why.
 *
 * @param level              the band's coverage in percent (95 → 2.5th to 97.5th percentile)
 * @param bands              one per budget, in the order given
 * @param unusableReplicates the replicates left out, in order
 * @param skipped            why there are no bands; empty when they were computed
 */
public record AllocationBands(double level, List<Band> bands, int[] unusableReplicates, String skipped) {

    /**
     * The allocation at one budget.
     *
     * @param compute         C
     * @param estimate        the point estimate's allocation
     * @param params          N_opt over the replicates
     * @param tokens          D_opt over the replicates
     * @param tokensPerParam  D/N over the replicates
     * @param loss            the predicted loss at the replicate's own allocation
     */
    public record Band(double compute, Allocation estimate, Spread params, Spread tokens, Spread tokensPerParam,
                       Spread loss) {
    }

    /**
     * A quantity's bootstrap distribution in three numbers.
     *
     * @param low    the (50 − level/2)-th percentile
     * @param median the 50th percentile
     * @param high   the (50 + level/2)-th percentile
     */
    public record Spread(double low, double median, double high) {

        /**
         * Per column of {@code draws} (one row a replicate), its spread at central coverage {@code level} percent:
         * the (50 ∓ level/2)-th percentiles and the median ({@link BootstrapResult#percentile}).
         */
        public static Spread[] ofColumns(double[][] draws, double level) {
            double[] low = BootstrapResult.percentile(draws, 50 - level / 2);
            double[] median = BootstrapResult.percentile(draws, 50);
            double[] high = BootstrapResult.percentile(draws, 50 + level / 2);
            Spread[] spreads = new Spread[low.length];
            for (int q = 0; q < spreads.length; q++) {
                spreads[q] = new Spread(low[q], median[q], high[q]);
            }
            return spreads;
        }

        /** Whether {@code value} lies in [low, high]. */
        public boolean contains(double value) {
            return value >= low && value <= high;
        }
    }

    public AllocationBands {
        if (!(level > 0 && level < 100)) {
            throw new IllegalArgumentException("the band's level must be in (0, 100) percent, was " + level);
        }
        bands = List.copyOf(bands);
        unusableReplicates = unusableReplicates.clone();
        Objects.requireNonNull(skipped, "skipped");
    }

    @Override
    public int[] unusableReplicates() {
        return unusableReplicates.clone();
    }

    /** Whether the law allowed bands at all. */
    public boolean computed() {
        return skipped.isEmpty();
    }

    /** Whether {@code law} is a params/tokens law with the closed-form allocation of eq. 4. */
    public static boolean applies(LawForm law) {
        return law.inputs().equals(List.of("params", "tokens"));
    }

    /**
     * The bands at {@code budgets} from the replicates of {@code bootstrap} around the point estimate
     * {@code estimate} (both θ = [α, β, ln A, ln B, ln E]).
     *
     * @throws IllegalArgumentException if a budget is not positive and finite, the estimate has no allocation, or
     *                                  fewer than 2 replicates have one
     */
    public static AllocationBands of(double[] estimate, BootstrapResult bootstrap, double[] budgets, double level) {
        LawForm law = bootstrap.law();
        if (!applies(law)) {
            return new AllocationBands(level, List.of(), new int[0], "law " + law.name() + " is on "
                    + law.inputs() + ", not (params, tokens): it has no closed-form compute-optimal allocation "
                    + "(scalefit shapes searches width, depth and tokens under a budget instead, and with "
                    + "--bootstrap gives the bands of its prescriptions)");
        }
        for (double compute : budgets) {
            if (!(compute > 0) || Double.isInfinite(compute)) {
                throw new IllegalArgumentException("a compute budget must be positive and finite, was " + compute);
            }
        }
        ComputeOptimalAllocation point = allocation(estimate);
        if (point == null || allocations(point, budgets) == null) {
            throw new IllegalArgumentException("the point estimate has no finite compute-optimal allocation (an exponent "
                    + "is not positive, or N_opt overflows): " + Arrays.toString(estimate));
        }
        double[][] replicates = bootstrap.replicates();
        List<double[][]> usable = new ArrayList<>();
        List<Integer> unusable = new ArrayList<>();
        for (int r = 0; r < replicates.length; r++) {
            double[][] row = allocations(allocation(replicates[r]), budgets);
            if (row == null) {
                unusable.add(r);
            } else {
                usable.add(row);
            }
        }
        if (usable.size() < 2) {
            throw new IllegalArgumentException("only " + usable.size() + " of " + replicates.length
                    + " replicates have a compute-optimal allocation");
        }
        List<Band> bands = new ArrayList<>();
        for (int c = 0; c < budgets.length; c++) {
            double[][] draws = new double[usable.size()][];
            for (int r = 0; r < draws.length; r++) {
                draws[r] = usable.get(r)[c];
            }
            Spread[] spread = Spread.ofColumns(draws, level);
            bands.add(new Band(budgets[c], point.at(budgets[c]), spread[0], spread[1], spread[2], spread[3]));
        }
        return new AllocationBands(level, bands, unusable.stream().mapToInt(Integer::intValue).toArray(), "");
    }

    /**
     * [N_opt, D_opt, D/N, loss] at every budget under {@code rule}, or null if there is no rule or a value is not
     * finite (a law so flat that N_opt overflows).
     */
    private static double[][] allocations(ComputeOptimalAllocation rule, double[] budgets) {
        if (rule == null) {
            return null;
        }
        double[][] row = new double[budgets.length][];
        for (int c = 0; c < budgets.length; c++) {
            Allocation at = rule.at(budgets[c]);
            row[c] = new double[] {at.params(), at.tokens(), at.tokensPerParam(), at.predictedLoss()};
            for (double value : row[c]) {
                if (!Double.isFinite(value)) {
                    return null;
                }
            }
        }
        return row;
    }

    /** The allocation rule of θ, or null if θ has none. */
    private static ComputeOptimalAllocation allocation(double[] theta) {
        double a = Math.exp(theta[2]);
        double b = Math.exp(theta[3]);
        if (!(theta[0] > 0) || !(theta[1] > 0) || !(a > 0) || !(b > 0) || Double.isInfinite(a)
                || Double.isInfinite(b) || Double.isInfinite(theta[0]) || Double.isInfinite(theta[1])) {
            return null;
        }
        return ComputeOptimalAllocation.ofChinchillaParameters(theta);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AllocationBands that && level == that.level && bands.equals(that.bands)
                && Arrays.equals(unusableReplicates, that.unusableReplicates) && skipped.equals(that.skipped);
    }

    @Override
    public int hashCode() {
        return Objects.hash(level, bands, Arrays.hashCode(unusableReplicates), skipped);
    }

    @Override
    public String toString() {
        return computed() ? "AllocationBands[" + bands.size() + " budgets, " + level + " %]"
                : "AllocationBands[skipped: " + skipped + "]";
    }
}
