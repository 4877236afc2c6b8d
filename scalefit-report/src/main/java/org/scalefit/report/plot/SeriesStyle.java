package org.scalefit.report.plot;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a series is drawn: a colour, a line stroke (or none) and a point marker (or none).
 *
 * @param color     the colour as {@code #rrggbb}
 * @param stroke    the line joining the points in order, or {@link Stroke#NONE} for points only
 * @param marker    the mark at each point, or {@link Marker#NONE} for a plain line
 * @param lineWidth the line width in pixels (at the PNG's size)
 */
public record SeriesStyle(String color, Stroke stroke, Marker marker, double lineWidth) {

    private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-f]{6}");

    /** The line joining a series' points. */
    public enum Stroke {
        /** A continuous line. */
        SOLID,
        /** Long dashes (matplotlib's {@code --}). */
        DASHED,
        /** Dots (matplotlib's {@code :}). */
        DOTTED,
        /** No line: points only. */
        NONE
    }

    /** The mark drawn at each point. */
    public enum Marker {
        /** No mark. */
        NONE,
        /** A filled circle. */
        CIRCLE,
        /** A filled square. */
        SQUARE,
        /** A filled diamond. */
        DIAMOND,
        /** A filled upward triangle. */
        TRIANGLE,
        /** A diagonal cross (for predictions beside filled observations). */
        CROSS
    }

    public SeriesStyle {
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(stroke, "stroke");
        Objects.requireNonNull(marker, "marker");
        color = color.toLowerCase(java.util.Locale.ROOT);
        if (!HEX_COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("a colour is #rrggbb, got " + color);
        }
        if (!(lineWidth > 0) || Double.isInfinite(lineWidth)) {
            throw new IllegalArgumentException("line width must be positive, was " + lineWidth);
        }
        if (stroke == Stroke.NONE && marker == Marker.NONE) {
            throw new IllegalArgumentException("a series needs a line or a marker");
        }
    }

    /** A solid line. */
    public static SeriesStyle line(String color) {
        return new SeriesStyle(color, Stroke.SOLID, Marker.NONE, 1.5);
    }

    /** A dashed line. */
    public static SeriesStyle dashed(String color) {
        return new SeriesStyle(color, Stroke.DASHED, Marker.NONE, 1.5);
    }

    /** A dotted line. */
    public static SeriesStyle dotted(String color) {
        return new SeriesStyle(color, Stroke.DOTTED, Marker.NONE, 1.5);
    }

    /** Points only, as filled circles. */
    public static SeriesStyle markers(String color) {
        return new SeriesStyle(color, Stroke.NONE, Marker.CIRCLE, 1.5);
    }

    /** This style with another stroke. */
    public SeriesStyle withStroke(Stroke next) {
        return new SeriesStyle(color, next, marker, lineWidth);
    }

    /** This style with another marker. */
    public SeriesStyle withMarker(Marker next) {
        return new SeriesStyle(color, stroke, next, lineWidth);
    }

    /** This style with another colour. */
    public SeriesStyle withColor(String next) {
        return new SeriesStyle(next, stroke, marker, lineWidth);
    }

    /** This style with another line width. */
    public SeriesStyle withLineWidth(double next) {
        return new SeriesStyle(color, stroke, marker, next);
    }

    /** The colour's red, green and blue components, 0–255. */
    public int[] rgb() {
        int value = Integer.parseInt(color.substring(1), 16);
        return new int[] {(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff};
    }
}
