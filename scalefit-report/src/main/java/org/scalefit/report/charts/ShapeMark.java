package org.scalefit.report.charts;

import java.util.Objects;

/**
 * A model shape to mark on a shape figure, e.g. a run of the data or a released model.
 *
 * @param label  shown on hover
 * @param width  w
 * @param depth  d
 */
public record ShapeMark(String label, double width, double depth) {

    public ShapeMark {
        Objects.requireNonNull(label, "label");
    }
}
