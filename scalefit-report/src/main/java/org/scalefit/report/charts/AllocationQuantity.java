package org.scalefit.report.charts;

import org.scalefit.frontier.Approach1;
import org.scalefit.frontier.LogLogFit;
import org.scalefit.law.Allocation;
import org.scalefit.uncertainty.AllocationBands;

/**
 * The three quantities of a compute-optimal allocation that the studies plot against compute: parameters N,
 * tokens D and tokens per parameter D/N (Hoffmann et al. 2022 Fig. 3; McLeish et al. 2025 Fig. 3).
 */
public enum AllocationQuantity {
    /** N_opt. */
    PARAMS("parameters N", "params"),
    /** D_opt. */
    TOKENS("tokens D", "tokens"),
    /** D_opt / N_opt. */
    TOKENS_PER_PARAM("tokens per parameter D/N", "tokens-per-param");

    private final String label;
    private final String slug;

    AllocationQuantity(String label, String slug) {
        this.label = label;
        this.slug = slug;
    }

    /** The axis label. */
    public String label() {
        return label;
    }

    /** A file-safe name, for figure ids. */
    public String slug() {
        return slug;
    }

    /** This quantity of an allocation. */
    public double of(Allocation allocation) {
        return switch (this) {
            case PARAMS -> allocation.params();
            case TOKENS -> allocation.tokens();
            case TOKENS_PER_PARAM -> allocation.tokensPerParam();
        };
    }

    /** This quantity of a run with {@code params} and {@code tokens}. */
    public double of(double params, double tokens) {
        return switch (this) {
            case PARAMS -> params;
            case TOKENS -> tokens;
            case TOKENS_PER_PARAM -> tokens / params;
        };
    }

    /** This quantity's spread over bootstrap replicates at one budget. */
    public AllocationBands.Spread of(AllocationBands.Band band) {
        return switch (this) {
            case PARAMS -> band.params();
            case TOKENS -> band.tokens();
            case TOKENS_PER_PARAM -> band.tokensPerParam();
        };
    }

    /** Approach 1's log–log fit of this quantity along the frontier. */
    public LogLogFit fitOf(Approach1 analysis) {
        return switch (this) {
            case PARAMS -> analysis.params();
            case TOKENS -> analysis.tokens();
            case TOKENS_PER_PARAM -> analysis.tokensPerParam();
        };
    }
}
