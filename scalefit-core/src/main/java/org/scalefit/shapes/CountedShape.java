package org.scalefit.shapes;

import java.io.Serializable;

/**
 * A model shape of a law's fitted runs with the parameter count its data recorded for it (after the fit's
 * transforms, e.g. {@code no-embeds}): the evidence of the architecture the runs were counted with.
 *
 * @param width  width w of the runs
 * @param depth  depth d of the runs
 * @param params the params the data give for w × d
 */
public record CountedShape(double width, double depth, double params) implements Serializable {

    public CountedShape {
        if (!(width > 0) || !(depth > 0) || !(params > 0) || Double.isInfinite(width) || Double.isInfinite(depth)
                || Double.isInfinite(params)) {
            throw new IllegalArgumentException("a counted shape needs positive finite width, depth and params, was "
                    + width + " x " + depth + " with " + params + " params");
        }
    }
}
