package org.scalefit.shapes;

import java.io.Serializable;
import java.util.Objects;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;

/**
 * What a model shape costs in a shape search: Gemstones' exact FLOPs per token
 * ({@link FlopCount#gemstonesGqa}, forward and backward, for real-valued shapes too) and the chosen
 * {@link ParameterCount}. Training FLOPs of w × d on t tokens are C = t · flops_per_token(w, d).
 *
 * @param architecture   the model family (vocabulary, sequence length, head size, GQA group, MLP expansion)
 * @param parameterCount the count fed to a law's {@code params} input
 */
public record ShapeAccounting(Architecture architecture, ParameterCount parameterCount)
        implements Serializable {

    public ShapeAccounting {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(parameterCount, "parameterCount");
    }

    /** The Gemstones models with the exact parameter count (Gemstones' default). */
    public static ShapeAccounting gemstones() {
        return new ShapeAccounting(Architecture.gemstones(), ParameterCount.EXACT);
    }

    /** FLOPs per training token of the (possibly real-valued) shape w × d. */
    public double flopsPerToken(double width, double depth) {
        return FlopCount.gemstonesGqa(architecture, width, depth);
    }

    /** The parameter count of the integer shape w × d. */
    public double parameters(int width, int depth) {
        return parameterCount.of(architecture, width, depth);
    }

    /** The smooth parameter count of the real-valued shape w × d. */
    public double relaxedParameters(double width, double depth) {
        return parameterCount.relaxed(architecture, width, depth);
    }

    /**
     * The width step of integer-feasible shapes: head size × queries per group, so that the head count w/h is an
     * integer multiple of the GQA group (256 for the Gemstones models).
     */
    public int widthStep() {
        return architecture.headSize() * architecture.queriesPerGroup();
    }
}
