package org.scalefit.sensitivity;

import java.util.Locale;

/**
 * A model's shape, width × depth, as Gemstones names its runs ({@code 384x13}).
 *
 * @param width  the model width (hidden size), positive
 * @param depth  the number of layers, positive
 */
public record ModelShape(int width, int depth) {

    public ModelShape {
        if (width < 1 || depth < 1) {
            throw new IllegalArgumentException("width and depth must be positive, were " + width + " and " + depth);
        }
    }

    /**
     * The shape written {@code WIDTHxDEPTH}, e.g. {@code 384x13}.
     *
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static ModelShape parse(String text) {
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected a model shape WIDTHxDEPTH such as 384x13, found '" + text + "'");
        }
        try {
            return new ModelShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a model shape WIDTHxDEPTH such as 384x13, found '" + text
                    + "'");
        }
    }

    /** Whether a run of this width and depth has this shape. */
    public boolean matches(double runWidth, double runDepth) {
        return runWidth == width && runDepth == depth;
    }

    @Override
    public String toString() {
        return width + "x" + depth;
    }
}
