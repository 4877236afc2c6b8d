package org.scalefit.isoflop;

/**
 * The six fits of Porian et al.'s {@code fit_compute_optimal_power_laws} ({@code analysis.py}), named by their keys
 * in the stored {@code fit_results}. Point variants fit one line through the optimal pairs; bootstrap variants fit
 * one line per bootstrap replicate.
 */
public enum FitVariant {
    /** Unweighted, on the optimal pairs. */
    BASIC("basic", false, false, false),
    /** Weights 1/σ² on N*, D* and ρ* (σ_ρ = 2σ_N). */
    WEIGHTED("weighted", true, true, false),
    /** Unweighted on the bootstrap medians (the same data as {@link #BASIC}). */
    BS_MEDIAN("bs_median", false, false, false),
    /** Weights 1/σ² on N* and D*, ρ* unweighted: the paper's point estimates. */
    BS_MEDIAN_WEIGHTED("bs_median_weighted", true, false, false),
    /** Unweighted, per replicate. */
    BOOTSTRAP("bootstrap", false, false, true),
    /** Weights 1/σ² on N* and D*, ρ* unweighted, per replicate: the paper's intervals. */
    BOOTSTRAP_WEIGHTED("bootstrap_weighted", true, false, true);

    private final String key;
    private final boolean weighted;
    private final boolean multiplierWeighted;
    private final boolean perReplicate;

    FitVariant(String key, boolean weighted, boolean multiplierWeighted, boolean perReplicate) {
        this.key = key;
        this.weighted = weighted;
        this.multiplierWeighted = multiplierWeighted;
        this.perReplicate = perReplicate;
    }

    /** The key in the authors' {@code fit_results}, e.g. {@code bs_median_weighted}. */
    public String key() {
        return key;
    }

    /** Whether N* and D* are weighted by 1/σ². */
    public boolean weighted() {
        return weighted;
    }

    /**
     * Whether ρ* is weighted by 1/(2σ_N)²; only in {@link #WEIGHTED}: the table the code builds from the bootstrap
     * draws has no ρ* spread column, and the weight lookup silently falls back to none.
     */
    public boolean multiplierWeighted() {
        return multiplierWeighted;
    }

    /** Whether this variant fits each bootstrap replicate. */
    public boolean perReplicate() {
        return perReplicate;
    }
}
