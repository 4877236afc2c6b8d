package org.scalefit.shapes;

import java.io.Serializable;

/**
 * One candidate of a shape search: a model shape (width × depth, integers on the grid, real-valued after the relaxed
 * refinement), the tokens it trains on, and what that costs and predicts.
 *
 * @param width  model width w
 * @param depth  model depth d (layers)
 * @param tokens training tokens t
 * @param params the parameter count fed to the law (see {@link ParameterCount})
 * @param flops  training FLOPs t · flops_per_token(w, d)
 * @param loss   the law's predicted loss
 */
public record ShapePoint(double width, double depth, double tokens, double params, double flops, double loss)
        implements Serializable {

    /** The width–depth ratio w/d (Gemstones' {@code wd_ratio}). */
    public double ratio() {
        return width / depth;
    }

    /** Tokens per parameter t/N. */
    public double tokensPerParam() {
        return tokens / params;
    }
}
