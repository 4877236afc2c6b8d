package org.scalefit.isoflop;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The seed-to-seed noise of a final loss, σ(L), with which Porian et al. perturb IsoFLOP points in their bootstrap
 * (L̃ = L + σ(L)·z, z ~ N(0, 1); {@code analysis.py}, {@code vectorized_interp_with_seed_noise}; parameters
 * {@code configs.RW_SEED_CONFIG} and {@code OWT2_SEED_CONFIG}).
 *
 * <p>The intended model ({@link Rule#LOG_LINEAR}, the curve of the paper's seed-noise figure): ln σ is linear in
 * ln L between (ln ℓ_lo, ln σ_lo) and (ln ℓ_hi, ln σ_hi) and constant outside. As implemented
 * ({@link Rule#AS_IMPLEMENTED}) the code compares ln L with ℓ_lo and ℓ_hi themselves instead of their logarithms:
 * σ = σ_hi if ln L ≥ ℓ_hi, σ_lo if ln L ≤ ℓ_lo, otherwise the log-linear value at ln L clamped to
 * [σ_lo, σ_hi] (numpy {@code interp}). Every loss below e^ℓ_lo (≈ 20 for
 * RefinedWeb) therefore gets the constant exp(ln σ_lo) — 0.002 for RefinedWeb, 0.01 for OpenWebText2 — and that
 * constant is what produced every published bootstrap draw; the intended model reproduces none of them.
 * {@link Rule#CONSTANT} is σ_lo for every loss.
 *
 * @param sigmaLow  σ_lo (loss units)
 * @param sigmaHigh σ_hi
 * @param lossLow   ℓ_lo (a loss)
 * @param lossHigh  ℓ_hi (a loss)
 * @param rule      how σ depends on L
 */
public record SeedNoise(double sigmaLow, double sigmaHigh, double lossLow, double lossHigh, Rule rule)
        implements java.io.Serializable {

    /** How σ depends on the loss. */
    public enum Rule {
        /** Porian et al.'s code: constant σ_lo for ln L ≤ ℓ_lo (every realistic loss). */
        AS_IMPLEMENTED,
        /** The paper's model: ln σ linear in ln L between the two anchor points, constant outside. */
        LOG_LINEAR,
        /** σ_lo for every loss. */
        CONSTANT
    }

    public SeedNoise {
        if (!(sigmaLow >= 0) || !(sigmaHigh >= 0) || Double.isInfinite(sigmaLow) || Double.isInfinite(sigmaHigh)) {
            throw new IllegalArgumentException("noise levels must be finite and non-negative: " + sigmaLow + ", "
                    + sigmaHigh);
        }
        if (rule != Rule.CONSTANT && !(lossLow > 0 && lossHigh > lossLow)) {
            throw new IllegalArgumentException("need 0 < ℓ_lo < ℓ_hi, got " + lossLow + ", " + lossHigh);
        }
        java.util.Objects.requireNonNull(rule, "rule");
    }

    /** RefinedWeb ({@code RW_SEED_CONFIG}): σ_lo = 0.002, σ_hi = 0.05, ℓ_lo = 3, ℓ_hi = 7. */
    public static SeedNoise refinedWeb(Rule rule) {
        return new SeedNoise(0.002, 0.05, 3, 7, rule);
    }

    /** OpenWebText2 ({@code OWT2_SEED_CONFIG}): σ_lo = 0.01, σ_hi = 0.1, ℓ_lo = 3, ℓ_hi = 6. */
    public static SeedNoise openWebText2(Rule rule) {
        return new SeedNoise(0.01, 0.1, 3, 6, rule);
    }

    /** The same σ for every loss. */
    public static SeedNoise constant(double sigma) {
        return new SeedNoise(sigma, sigma, 1, 2, Rule.CONSTANT);
    }

    /** Below this ratio of σ to the loss step at a budget's minimum the noise hardly moves it (see scaleWarning). */
    public static final double NEGLIGIBLE_RATIO = 0.01;
    /** Above this ratio of σ to the loss step at a budget's minimum the noise swamps it: {@link #scaleWarning}. */
    public static final double SWAMPING_RATIO = 20;

    /**
     * Whether σ fits the losses it perturbs. Per budget of at least 3 sizes, in order of size (the runs of a repeated
     * size averaged), the step at its minimum is the smaller rise in loss to a neighbour of the lowest point, and its ratio σ(L_min) / step. With the
     * median ratio over the budgets below {@value #NEGLIGIBLE_RATIO} the perturbations hardly move a minimum (the
     * intervals collapse onto the point estimate), above {@value #SWAMPING_RATIO} they swamp the profiles (the optima
     * move at random and budgets fail) — the usual cause: losses in other units or on another scale than the nats of
     * language-model losses the σ models were estimated on. On Porian et al.'s 15 configurations the ratio lies in
     * 0.11–1.46, on Gemstones' checkpoints (kaplan count) 0.23.
     *
     * @return the warning, or empty when the median ratio lies within the two bounds or no budget has 3 points
     */
    public Optional<String> scaleWarning(List<IsoflopBudget> budgets) {
        List<Double> ratios = new ArrayList<>();
        for (IsoflopBudget budget : budgets) {
            double[] sizes = budget.sizes();
            double[] all = budget.losses();
            Map<Double, DoubleSummaryStatistics> runs = IntStream.range(0, all.length).boxed()
                    .filter(i -> Double.isFinite(all[i]) && Double.isFinite(sizes[i]))
                    .collect(Collectors.groupingBy(i -> sizes[i], TreeMap::new,
                            Collectors.summarizingDouble(i -> all[i])));
            double[] losses = runs.values().stream().mapToDouble(DoubleSummaryStatistics::getAverage)
                    .toArray();
            if (losses.length < 3) {
                continue;
            }
            int best = 0;
            for (int i = 1; i < losses.length; i++) {
                if (losses[i] < losses[best]) {
                    best = i;
                }
            }
            double gap = Double.POSITIVE_INFINITY;
            if (best > 0) {
                gap = Math.min(gap, losses[best - 1] - losses[best]);
            }
            if (best < losses.length - 1) {
                gap = Math.min(gap, losses[best + 1] - losses[best]);
            }
            if (gap > 0 && Double.isFinite(gap)) {
                ratios.add(sigma(losses[best]) / gap);
            }
        }
        if (ratios.isEmpty()) {
            return Optional.empty();
        }
        double median = ratios.stream().sorted().skip((ratios.size() - 1) / 2)
                .limit(2 - ratios.size() % 2).mapToDouble(Double::doubleValue).average().orElseThrow();
        if (median < NEGLIGIBLE_RATIO) {
            return Optional.of(String.format(Locale.ROOT, "the seed noise σ is %.3g of the loss step at "
                    + "a budget's minimum (median): the bootstrap hardly moves a minimum and its intervals measure "
                    + "next to nothing; if σ is not the seed-to-seed standard deviation of these losses (other units "
                    + "or scale than nats), give that with --noise", median));
        }
        if (median > SWAMPING_RATIO) {
            return Optional.of(String.format(Locale.ROOT, "the seed noise σ is %.3g times the loss step at "
                    + "a budget's minimum (median): the bootstrap swamps the profiles and moves the minima at random; "
                    + "if σ is not the seed-to-seed standard deviation of these losses (other units or scale than "
                    + "nats), give that with --noise", median));
        }
        return Optional.empty();
    }

    /**
     * The largest plausible loss in nats per token: e³ ≈ 20.1, where Porian et al.'s as-implemented σ leaves its
     * constant branch (every loss of their data is below it), and above the ln V ≈ 10.8–13.8 nats of a uniform guess
     * over any vocabulary in use (50 000 to 10⁶ tokens).
     */
    public static final double LARGEST_LOSS = Math.exp(3);

    /**
     * Whether the losses look like per-token cross-entropies in nats, the unit of every σ model here: losses above
     * {@link #LARGEST_LOSS} (e³) are more likely perplexities (e^L), losses summed over a sequence, or bits scaled up.
     * The analysis still runs (the optimum of a profile does not depend on a monotone rescaling, its spread does).
     *
     * @return the warning naming how many usable losses exceed e³ and the largest, or empty when none does
     */
    public static Optional<String> lossRangeWarning(List<IsoflopBudget> budgets) {
        int above = 0;
        int usable = 0;
        double largest = 0;
        for (IsoflopBudget budget : budgets) {
            for (double loss : budget.losses()) {
                if (loss > 0 && Double.isFinite(loss)) {
                    usable++;
                    largest = Math.max(largest, loss);
                    if (loss > LARGEST_LOSS) {
                        above++;
                    }
                }
            }
        }
        if (above == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%d of %d losses exceed e³ ≈ 20.1 nats per token (largest "
                + "%.1f), beyond a uniform guess over any vocabulary in use (ln 50 000 ≈ 10.8): are they perplexities "
                + "(give ln of them), sums over a sequence or another unit? The seed noise σ is in nats per token",
                above, usable, largest));
    }

    /** Fewer degrees of freedom than this give too rough a pooled deviation to flag ({@link #replicateWarning}). */
    public static final int REPLICATE_DEGREES = 10;
    /** A pooled deviation more than this factor above or below σ is flagged ({@link #replicateWarning}). */
    public static final double REPLICATE_FACTOR = 2;

    /**
     * The seed replicates in the data, measured: runs of one size in one budget (as given, before the analysis
     * averages them), their pooled standard deviation s = √(Σ_g Σ_j (L_gj − L̄_g)² / Σ_g (r_g − 1)) over the sizes g
     * with r_g ≥ 2 usable losses, which estimates the seed-to-seed σ directly, beside the model's root-mean-square
     * σ(L̄_g) over the same sizes.
     *
     * @param deviation the pooled standard deviation s
     * @param degrees   its degrees of freedom Σ_g (r_g − 1)
     * @param sigma     the model's root-mean-square σ(L̄_g) over the same sizes
     */
    public record Replicates(double deviation, int degrees, double sigma) {

        /** s ÷ σ. */
        public double ratio() {
            return deviation / sigma;
        }
    }

    /** The seed replicates of {@code budgets} measured ({@link Replicates}), or empty when no size is repeated. */
    public Optional<Replicates> replicates(List<IsoflopBudget> budgets) {
        double squares = 0;
        double modelSquares = 0;
        int degrees = 0;
        int groups = 0;
        for (IsoflopBudget budget : budgets) {
            double[] sizes = budget.sizes();
            double[] losses = budget.losses();
            Map<Double, List<Double>> runs = new TreeMap<>();
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] > 0 && Double.isFinite(sizes[i]) && losses[i] > 0 && Double.isFinite(losses[i])) {
                    runs.computeIfAbsent(sizes[i], size -> new ArrayList<>()).add(losses[i]);
                }
            }
            for (List<Double> group : runs.values()) {
                if (group.size() < 2) {
                    continue;
                }
                double mean = group.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                for (double loss : group) {
                    squares += (loss - mean) * (loss - mean);
                }
                degrees += group.size() - 1;
                double model = sigma(mean);
                modelSquares += model * model;
                groups++;
            }
        }
        if (degrees == 0) {
            return Optional.empty();
        }
        return Optional.of(new Replicates(Math.sqrt(squares / degrees), degrees, Math.sqrt(modelSquares / groups)));
    }

    /**
     * Whether σ agrees with the seed replicates in the data ({@link #replicates}). With at least
     * {@value #REPLICATE_DEGREES} degrees of freedom (relative standard error of s about 1/√(2·df) ≤ 0.22) and a
     * ratio s/σ beyond {@value #REPLICATE_FACTOR} either way, the bootstrap's intervals are too narrow (or too wide)
     * for these runs.
     *
     * @return the warning naming s, its degrees of freedom and σ, or empty
     */
    public Optional<String> replicateWarning(List<IsoflopBudget> budgets) {
        Optional<Replicates> measured = replicates(budgets);
        if (measured.isEmpty() || measured.get().degrees() < REPLICATE_DEGREES) {
            return Optional.empty();
        }
        Replicates replicates = measured.get();
        double ratio = replicates.ratio();
        if (ratio <= REPLICATE_FACTOR && ratio >= 1 / REPLICATE_FACTOR) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the seed replicates in the data (runs of one size in one "
                + "budget) have a pooled standard deviation of %.3g (%d degrees of freedom), %.2g times the noise "
                + "model's σ = %.3g: the bootstrap intervals are too %s for these runs; to use the replicates' own "
                + "value, give --noise %.3g", replicates.deviation(), replicates.degrees(), ratio, replicates.sigma(),
                ratio > 1 ? "narrow" : "wide", replicates.deviation()));
    }

    /** σ(L). For the as-implemented rule the constant branch is exp(ln σ_lo), as the code computes it. */
    public double sigma(double loss) {
        if (rule == Rule.CONSTANT) {
            return sigmaLow;
        }
        double lnLoss = Math.log(loss);
        double lnLow = rule == Rule.AS_IMPLEMENTED ? lossLow : Math.log(lossLow);
        double lnHigh = rule == Rule.AS_IMPLEMENTED ? lossHigh : Math.log(lossHigh);
        if (lnLoss <= lnLow) {
            return Math.exp(Math.log(sigmaLow));
        }
        if (lnLoss >= lnHigh) {
            return Math.exp(Math.log(sigmaHigh));
        }
        double a = Math.log(lossLow);
        double b = Math.log(lossHigh);
        double t = Math.min(1, Math.max(0, (lnLoss - a) / (b - a)));
        return Math.exp(Math.log(sigmaLow) + t * (Math.log(sigmaHigh) - Math.log(sigmaLow)));
    }
}
