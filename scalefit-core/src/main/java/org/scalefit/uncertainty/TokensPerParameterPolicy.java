package org.scalefit.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.distribution.multivariate.MultivariateNormalDistribution;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.random.Well19937c;
import org.scalefit.law.Allocation;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.law.PowerLawAllocation;

/**
 * The compute-optimal tokens-per-parameter policy D_opt/N_opt of a fitted Chinchilla law with its uncertainty band,
 * against a reference policy, as Epoch AI compare theirs with Hoffmann et al.'s (Besiroglu et al. 2024, §4 and
 * figure "tokens_to_params_ratio_plot"; {@code data_analysis.ipynb} cells 63–69):
 * <pre>
 *   G(θ) = (αA / (βB))^(1/(α+β)),  a = β/(α+β),  b = α/(α+β),
 *   N_opt = G·(C/6)^a,  D_opt = G⁻¹·(C/6)^b,  D/N = G⁻²·(C/6)^(b−a)          ({@link ComputeOptimalAllocation})
 * </pre>
 * <ul>
 *   <li><b>band</b>: M draws θ_m ~ N(θ̂, Σ) of the log-space parameters [α, β, ln A, ln B, ln E] around the estimate
 *       with the bootstrap covariance; a draw with α ≤ 0 or β ≤ 0 (or A, B beyond double range) has no
 *       compute-optimal allocation (G and the exponents a, b are undefined) and is counted and skipped ({@link #skipped}); at each budget C the
 *       (50 ∓ coverage/2)-th percentiles and the median of D/N over the other draws (linear interpolation, {@code np.percentile}); the draws come from a Well19937c generator
 *       seeded with the seed through Hipparchus' {@link MultivariateNormalDistribution} (eigen-decomposition factor),
 *       one after another, so the band depends on the seed alone. The notebook's draws come from NumPy's global
 *       stream and cannot be replayed here: the band agrees with it to Monte-Carlo error;</li>
 *   <li><b>point estimate</b>: D/N of θ̂ itself;</li>
 *   <li><b>reference</b>: Hoffmann et al.'s policy as Epoch draw it, N = G(θ₀)·(C/6)^a and D = C/(6N) with a the
 *       middle of the reference's interval for a, and the same at both ends of the interval
 *       ({@code compute_optimal_allocation_from_shares});</li>
 *   <li><b>compute factor</b>: the median over the draws of C / C_needed, where C_needed is the compute the draw's
 *       law needs, allocated optimally, to reach the reducible loss R = A·N_ref^−α + B·D_ref^−β of the reference
 *       allocation: C_needed = 6·(R / (G^−α·A + G^β·B))^(−(α+β)/(αβ)) (the notebook's {@code compute_loss_factors},
 *       computed there but never shown); it is ≥ 1.</li>
 * </ul>
 *
 * @param rows      one row per budget, in the order given
 * @param draws     M, the draws made
 * @param skipped   how many of them had no compute-optimal allocation and were left out of the band
 * @param seed      seed of the draws
 * @param coverage  the central coverage of the band in percent (80 in the notebook)
 */
public record TokensPerParameterPolicy(List<Row> rows, int draws, int skipped, long seed, double coverage) {

    public TokensPerParameterPolicy {
        rows = List.copyOf(rows);
    }

    /**
     * The policies at one budget.
     *
     * @param compute                    C in FLOPs
     * @param pointEstimate              D/N of the estimate θ̂
     * @param low                        the (50 − coverage/2)-th percentile of D/N over the draws
     * @param median                     the median of D/N over the draws
     * @param high                       the (50 + coverage/2)-th percentile of D/N over the draws
     * @param reference                  the reference policy's D/N, a at the middle of its interval
     * @param referenceAtLowExponent     the reference D/N with a at the low end of its interval (the larger D/N)
     * @param referenceAtHighExponent    the reference D/N with a at the high end of its interval
     * @param medianComputeFactor        the median of C / C_needed over the draws
     */
    public record Row(double compute, double pointEstimate, double low, double median, double high, double reference,
                      double referenceAtLowExponent, double referenceAtHighExponent, double medianComputeFactor) {
    }

    /**
     * A reference policy N = G·(C/6)^a, D = C/(6N) with a in [low, high], drawn at the middle (low + high)/2.
     *
     * @param g              G
     * @param lowExponent    the low end of a's interval
     * @param highExponent   the high end of a's interval
     */
    public record ReferencePolicy(double g, double lowExponent, double highExponent) {

        public ReferencePolicy {
            if (!(g > 0) || Double.isInfinite(g) || !(lowExponent > 0 && lowExponent <= highExponent
                    && highExponent < 1)) {
                throw new IllegalArgumentException("a reference policy needs G > 0 and 0 < a_low ≤ a_high < 1, got G = "
                        + g + ", a in [" + lowExponent + ", " + highExponent + "]");
            }
        }

        /** G(θ₀) of a Chinchilla law θ₀ = [α, β, ln A, ln B, ln E] with a published interval [low, high] for a. */
        public static ReferencePolicy of(double[] reference, double lowExponent, double highExponent) {
            return new ReferencePolicy(ComputeOptimalAllocation.ofChinchillaParameters(reference).g(), lowExponent,
                    highExponent);
        }

        /** G(θ₀) with a = β/(α+β) of the law itself (an interval of width 0). */
        public static ReferencePolicy of(double[] reference) {
            ComputeOptimalAllocation law = ComputeOptimalAllocation.ofChinchillaParameters(reference);
            return new ReferencePolicy(law.g(), law.paramsExponent(), law.paramsExponent());
        }

        /** (a_low + a_high)/2. */
        public double middleExponent() {
            return (lowExponent + highExponent) / 2;
        }

        /** N = G·(C/6)^a, D = C/(6N). */
        public PowerLawAllocation at(double exponent) {
            return new PowerLawAllocation(g, 6, exponent);
        }
    }

    /**
     * The band of {@code estimate} (log-space [α, β, ln A, ln B, ln E]) with {@code covariance} (same order) from
     * {@code draws} draws, at each budget in {@code compute}, against {@code reference}.
     *
     * @throws IllegalArgumentException if the covariance is not symmetric positive definite, a budget is not
     *         positive, or fewer than 2 draws have a compute-optimal allocation (α, β > 0)
     */
    public static TokensPerParameterPolicy band(double[] estimate, double[][] covariance, ReferencePolicy reference,
                                                double[] compute, int draws, long seed, double coverage) {
        if (estimate.length != 5 || covariance.length != 5) {
            throw new IllegalArgumentException("the policy band needs a Chinchilla law (5 parameters) and a 5 × 5 "
                    + "covariance, got " + estimate.length + " and " + covariance.length);
        }
        if (draws < 2) {
            throw new IllegalArgumentException("the policy band needs at least 2 draws, got " + draws);
        }
        if (!(coverage > 0 && coverage < 100)) {
            throw new IllegalArgumentException("coverage must be in (0, 100) percent, got " + coverage);
        }
        if (compute.length == 0) {
            throw new IllegalArgumentException("the policy band needs at least one compute budget");
        }
        for (double c : compute) {
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("compute budgets must be positive and finite, got " + c);
            }
        }
        ComputeOptimalAllocation[] laws = drawLaws(estimate, covariance, draws, seed);
        int skipped = draws - laws.length;
        if (laws.length < 2) {
            throw new IllegalArgumentException("the policy band needs at least 2 draws with a compute-optimal "
                    + "allocation, but " + skipped + " of " + draws + " draws have α ≤ 0 or β ≤ 0 (the covariance is "
                    + "too wide for the estimate)");
        }
        ComputeOptimalAllocation point = ComputeOptimalAllocation.ofChinchillaParameters(estimate);
        PowerLawAllocation middle = reference.at(reference.middleExponent());
        PowerLawAllocation lowEnd = reference.at(reference.lowExponent());
        PowerLawAllocation highEnd = reference.at(reference.highExponent());
        double[][] ratios = new double[laws.length][compute.length];
        double[][] factors = new double[laws.length][compute.length];
        for (int m = 0; m < laws.length; m++) {
            for (int i = 0; i < compute.length; i++) {
                ratios[m][i] = laws[m].at(compute[i]).tokensPerParam();
                factors[m][i] = compute[i] / computeNeeded(laws[m], middle.at(compute[i]));
            }
        }
        double lowPercentile = (100 - coverage) / 2;
        double[] low = BootstrapResult.percentile(ratios, lowPercentile);
        double[] median = BootstrapResult.percentile(ratios, 50);
        double[] high = BootstrapResult.percentile(ratios, 100 - lowPercentile);
        double[] factor = BootstrapResult.percentile(factors, 50);
        List<Row> rows = new ArrayList<>(compute.length);
        for (int i = 0; i < compute.length; i++) {
            double c = compute[i];
            rows.add(new Row(c, point.at(c).tokensPerParam(), low[i], median[i], high[i],
                    middle.at(c).tokensPerParam(), lowEnd.at(c).tokensPerParam(), highEnd.at(c).tokensPerParam(),
                    factor[i]));
        }
        return new TokensPerParameterPolicy(rows, draws, skipped, seed, coverage);
    }

    /** The laws of the draws that have a compute-optimal allocation ({@link ComputeOptimalAllocation}), in order. */
    private static ComputeOptimalAllocation[] drawLaws(double[] estimate, double[][] covariance, int draws,
                                                       long seed) {
        MultivariateNormalDistribution normal;
        try {
            normal = new MultivariateNormalDistribution(new Well19937c(seed), estimate, covariance);
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException("the covariance of the policy draws is not symmetric positive "
                    + "definite: " + e.getMessage(), e);
        }
        List<ComputeOptimalAllocation> laws = new ArrayList<>(draws);
        for (int m = 0; m < draws; m++) {
            double[] theta = normal.sample();
            try {
                laws.add(ComputeOptimalAllocation.ofChinchillaParameters(theta));
            } catch (IllegalArgumentException noAllocation) {
                // α ≤ 0, β ≤ 0 or A, B beyond double range: counted as skipped by the caller
            }
        }
        return laws.toArray(ComputeOptimalAllocation[]::new);
    }

    /**
     * The compute with which {@code law}, allocated optimally, reaches the reducible loss it has at {@code other}:
     * C = 6·(R / (G^−α·A + G^β·B))^(−(α+β)/(αβ)), R = A·N^−α + B·D^−β.
     */
    static double computeNeeded(ComputeOptimalAllocation law, Allocation other) {
        double alpha = law.alpha();
        double beta = law.beta();
        double g = law.g();
        double reducible = law.a() / Math.pow(other.params(), alpha) + law.b() / Math.pow(other.tokens(), beta);
        double atUnitCompute = Math.pow(g, -alpha) * law.a() + Math.pow(g, beta) * law.b();
        return 6 * Math.pow(reducible / atUnitCompute, -(alpha + beta) / (alpha * beta));
    }

    /** The most budgets {@link #powersOfTen} gives. */
    public static final int MAX_BUDGETS = 1_000_000;

    /**
     * Budgets 10^x for x = start, start + step, … below stop, as {@code 10 ** np.arange(start, stop, step)}: ⌈(stop −
     * start)/step⌉ values, x_i = start + i·Δ with Δ = (start + step) − start (NumPy's fill rule).
     */
    public static double[] powersOfTen(double start, double stop, double step) {
        if (!(step > 0) || !(stop > start) || !Double.isFinite(start) || !Double.isFinite(stop)) {
            throw new IllegalArgumentException("need start < stop and step > 0, got " + start + ", " + stop + ", "
                    + step);
        }
        double budgets = Math.ceil((stop - start) / step);
        if (budgets > MAX_BUDGETS || Math.max(Math.abs(start), Math.abs(stop)) > 308) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s to %s in steps of %s gives %.3g budgets "
                    + "(at most %d, each below 1e308): the bounds are exponents, log10 of FLOPs (e.g. 18, 28, 0.05)", start, stop, step,
                    budgets, MAX_BUDGETS));
        }
        int count = (int) budgets;
        double delta = (start + step) - start;
        double[] compute = new double[count];
        for (int i = 0; i < count; i++) {
            compute[i] = Math.pow(10, i == 1 ? start + step : start + i * delta);
        }
        return compute;
    }

    /** The row whose budget is nearest {@code compute} (the first on a tie, as {@code np.argmin}). */
    public Row nearest(double compute) {
        Row best = rows.get(0);
        for (Row row : rows) {
            if (Math.abs(row.compute() - compute) < Math.abs(best.compute() - compute)) {
                best = row;
            }
        }
        return best;
    }
}
