package org.scalefit.report.charts;

import org.scalefit.shapes.ShapePoint;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.ShapeBands;

/** What a shape-search figure plots of each optimum (core {@code shapes}; McLeish et al. 2025 §4 and Fig. 5). */
public enum ShapeQuantity {
    /** Model width w. */
    WIDTH("width"),
    /** Model depth d (layers). */
    DEPTH("depth (layers)"),
    /** Width–depth ratio w/d. */
    WIDTH_DEPTH_RATIO("width / depth"),
    /** Parameters N. */
    PARAMS("parameters N"),
    /** Training tokens D. */
    TOKENS("tokens D"),
    /** Tokens per parameter D/N. */
    TOKENS_PER_PARAM("tokens per parameter D/N"),
    /** The law's predicted loss. */
    LOSS("predicted loss");

    private final String label;

    ShapeQuantity(String label) {
        this.label = label;
    }

    /** The axis label. */
    public String label() {
        return label;
    }

    /** This quantity of a shape-search point. */
    public double of(ShapePoint point) {
        return switch (this) {
            case WIDTH -> point.width();
            case DEPTH -> point.depth();
            case WIDTH_DEPTH_RATIO -> point.ratio();
            case PARAMS -> point.params();
            case TOKENS -> point.tokens();
            case TOKENS_PER_PARAM -> point.tokensPerParam();
            case LOSS -> point.loss();
        };
    }

    /** This quantity's spread over the bootstrap replicates in one bucket ({@link ShapeBands}). */
    public AllocationBands.Spread of(ShapeBands.Band band) {
        return switch (this) {
            case WIDTH -> band.width();
            case DEPTH -> band.depth();
            case WIDTH_DEPTH_RATIO -> band.ratio();
            case PARAMS -> band.params();
            case TOKENS -> band.tokens();
            case TOKENS_PER_PARAM -> band.tokensPerParam();
            case LOSS -> band.loss();
        };
    }

    /** A file-safe name, for figure ids. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
